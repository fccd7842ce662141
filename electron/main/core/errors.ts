// Runs in Node (main and preview). Errors a service raises on purpose: each carries a plain sentence for the rep.
import type { ErrorCode } from '../../../shared/contract';

export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Per-field messages, keyed like the input's fields. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export const notFound = (what: string) => new UserError('not-found', `${what} could not be found. It may have been removed.`);

/** A record a change looked up by id is not in the live document. It may be in the settled history: `ctx.mutate`
 * then takes it back into the live document and makes the change again (see services/context.ts). */
export class MissingRecord extends UserError {
  constructor(
    readonly ref: readonly ['threads' | 'meetings' | 'nextSteps', string],
    what: string,
  ) {
    super('not-found', notFound(what).message);
  }
}
export const invalid = (fields: Record<string, string>, message = 'Some fields need your attention.') =>
  new UserError('invalid', message, fields);
export const conflict = (message: string) => new UserError('conflict', message);
