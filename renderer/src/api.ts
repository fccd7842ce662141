// Runs in the renderer. The one door to the app: `window.api` (the preload in Electron, the preview bridge in a
// browser) with every reply unwrapped. Components call `api.<method>()` and get the value, or catch an `ApiError`.
// The method list comes from the contract, so a new method needs no change here.
import { methodNames, type Api, type Bridge, type ErrorBody, type ErrorCode, type MethodName, type Reply } from '../../shared/bridge';

export type { Api };

declare global {
  interface Window {
    /** Provided by the host before the page's scripts run. */
    api: Bridge;
  }
}

/** A refused call: `message` is a plain sentence for the rep; `fields` holds per-field messages keyed by path. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Readonly<Record<string, string>>;

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.fields = { ...(body.fields ?? {}) };
  }
}

const UNREACHABLE = 'Second Step could not reach its data just now. Please try again.';

/** Any thrown value as an `ApiError`, so callers handle one kind of error. */
export const toApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError({ code: 'internal', message: UNREACHABLE });

const isReply = (value: unknown): value is Reply<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

type AnyMethod = (input?: unknown) => Promise<unknown>;

/** Builds the unwrapped API over a bridge. `getBridge` is read on every call, so the host may install it late. */
export function createApi(getBridge: () => Bridge | undefined): Api {
  const call = async (name: MethodName, input: unknown): Promise<unknown> => {
    let reply: unknown;
    try {
      const bridge = getBridge();
      if (!bridge) throw new Error('window.api is missing');
      reply = await (bridge[name] as AnyMethod)(input);
    } catch (error) {
      console.error(`api.${name} failed`, error);
      throw new ApiError({ code: 'internal', message: UNREACHABLE });
    }
    if (!isReply(reply)) throw new ApiError({ code: 'internal', message: UNREACHABLE });
    if (reply.ok) return reply.value;
    throw new ApiError(reply.error);
  };
  const methods = Object.fromEntries(methodNames.map((name) => [name, (input?: unknown) => call(name, input)]));
  const on: Api['on'] = (event, listener) => {
    const bridge = getBridge();
    return bridge ? bridge.on(event, listener) : () => {};
  };
  return { ...methods, on } as Api;
}

export const api: Api = createApi(() => (typeof window === 'undefined' ? undefined : window.api));
