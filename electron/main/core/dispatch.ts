// Runs in Node (main and preview). The single entry point for every contract call, whichever host it came through:
// validate the raw payload against the contract's schema, run the handler, and answer with a `Reply` envelope.
// Nothing unvalidated reaches a service, and no exception escapes to a host.
import type { z } from 'zod';
import { contract, type ErrorBody, type Handlers, type MethodName, type Reply } from '../../../shared/contract';
import { UserError } from './errors';
import { StoreReadOnlyError, StoreWriteDelayedError } from './store/types';

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.hasOwn(contract, name);

/** Turns zod issues into one message per field ("what", "agenda.0.text"); the root's issues go under "". Every
 * message is a plain sentence: the schemas word their own, shared/domain/plain-errors.ts words the rest. */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    fields[fieldKey(issue.path)] ??= issue.message;
  }
  return fields;
}

/** "agenda.0.text". A key a caller made up (a record's key, an odd name) is not repeated back verbatim. */
const fieldKey = (path: readonly PropertyKey[]) =>
  path.map((part) => (typeof part === 'number' || /^[A-Za-z_$][\w$]{0,39}$/.test(String(part)) ? String(part) : '?')).join('.');

export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  onInternalError: (error: unknown) => void = () => {},
): Promise<Reply<unknown>> {
  if (!isMethodName(name)) return fail({ code: 'not-found', message: 'The app asked for something it does not know.' });
  const parsed = contract[name].input.safeParse(rawInput);
  if (!parsed.success) {
    return fail({ code: 'invalid', message: 'Some fields need your attention.', fields: fieldMessages(parsed.error) });
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof UserError) {
      return fail({ code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) });
    }
    if (error instanceof StoreReadOnlyError) return fail({ code: 'read-only', message: error.message });
    if (error instanceof StoreWriteDelayedError) return fail({ code: 'not-saved-yet', message: error.message });
    onInternalError(error);
    return fail({
      code: 'internal',
      message: 'Something went wrong and the change was not saved. Please try again; nothing you logged before is lost.',
    });
  }
}

const fail = (error: ErrorBody): Reply<never> => ({ ok: false, error });
