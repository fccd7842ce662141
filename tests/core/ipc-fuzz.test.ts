// The IPC fuzz (Node, a real core on a temp folder, through the same `dispatch` both hosts use): for every contract
// method, random and near-valid payloads never crash the core, never reach a handler unvalidated (no 'internal'
// error), are refused in a plain sentence, and leave the store file byte-identical; and generated VALID payloads are
// all accepted, so a fuzz that refused everything would fail here. `FUZZ_RUNS` sets the payloads per method (the
// soak runs 10,000); `npm test` runs a few hundred.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { methodNames, type MethodName, type Reply } from '../../shared/contract';
import { dispatch } from '../../electron/main/core/dispatch';
import { openTestCore, type TestCore } from '../support/core-harness';
import { anyCloneable, nearValid } from '../support/payload-fuzz';
import { validCalls } from './fuzz/valid-calls';
import { FuzzWorld, ReusedWorld } from './fuzz/world';
import { bytesOnDisk } from '../support/on-disk';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 250);
const VALID_RUNS = Math.max(20, Math.round(RUNS / 20));

/** zod's own wording, and other signs that a message was not written for a person. */
const NOT_FOR_PEOPLE =
  /Invalid input|expected [a-z]+, received|Too (big|small):|Invalid (option|string|number|discriminator|key|value in|ISO)|Unrecognized key|ZodError|\[object |undefined|NaN|>=|<=|\n|\bat .+:\d+:\d+/;

/** Why `message` is not a plain sentence for the rep, or null when it is one. */
export function unreadable(message: unknown): string | null {
  if (typeof message !== 'string') return `not text: ${typeof message}`;
  if (message.length === 0 || message.length > 300) return `length ${message.length}`;
  if (!/^[A-Z0-9“]/.test(message) || !/[.!?]$/.test(message)) return `not a sentence: ${message}`;
  if (NOT_FOR_PEOPLE.test(message)) return `jargon: ${message}`;
  return null;
}

// The live file and its journal: a refused call must add nothing to either.
const storeHash = (t: TestCore) => createHash('sha256').update(bytesOnDisk(t.dataDir)).digest('hex');
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

const figures: string[] = [];
afterAll(() => {
  console.log(`IPC fuzz, ${RUNS} random and near-valid payloads + ${VALID_RUNS} valid calls per method:\n  ${figures.join('\n  ')}`);
});

/** A random payload (one time in four), or a valid call damaged by one to three mutations. The valid call is built on
 * a world prepared for it (a call owing its wrap-up for `logNextStep`, the live call for `confirmPurpose`), so a
 * damaged payload that still passes the schema meets the state it was meant for and reaches the handler's logic. */
async function hostilePayload(g: fc.GeneratorValue, name: MethodName, world: ReusedWorld): Promise<unknown> {
  if (g(() => fc.nat(3)) === 0) return g(() => anyCloneable);
  const call = g(() => validCalls[name]);
  const ids = await world.idsFor(call.need);
  return g(() => nearValid(fc.constant(call.build(ids))));
}

describe.each(methodNames.map((name) => [name]))('%s', (name) => {
  it(`survives ${RUNS} hostile payloads, refusing each in plain words with the store unchanged, and accepts every valid one`, async () => {
    const t = await openTestCore();
    const world = new FuzzWorld(t);
    const internal: unknown[] = [];
    const send = (payload: unknown): Promise<Reply<unknown>> =>
      dispatch(t.core.handlers, name, payload, (error) => internal.push(error));
    let refused = 0;
    try {
      const reused = new ReusedWorld(world);
      let hash = storeHash(t);
      await fc.assert(
        fc.asyncProperty(fc.gen(), async (g) => {
          const payload = await hostilePayload(g, name, reused);
          if (reused.takeMade()) hash = storeHash(t);
          const reply = await send(payload);
          expect(internal).toEqual([]); // nothing unvalidated reached a handler and broke it
          if (reply.ok) {
            const now = storeHash(t); // a damaged payload can still be a valid one
            if (now !== hash) {
              hash = now;
              reused.storeChanged();
            }
            return;
          }
          refused += 1;
          expect(unreadable(reply.error.message)).toBeNull();
          for (const message of Object.values(reply.error.fields ?? {})) expect(unreadable(message)).toBeNull();
          expect(storeHash(t)).toBe(hash);
        }),
        { numRuns: RUNS },
      );

      await fc.assert(
        fc.asyncProperty(validCalls[name], async (call) => {
          const reply = await send(call.build(await world.prepare(call.need)));
          expect(reply).toMatchObject({ ok: true });
        }),
        { numRuns: VALID_RUNS },
      );
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      figures.push(`${name}: ${RUNS} hostile (${refused} refused, ${RUNS - refused} accepted), ${VALID_RUNS} valid accepted`);
    } finally {
      await t.dispose();
    }
  }, 600_000);
});

describe('the fuzz can fail', () => {
  it('catches a rejection worded by zod', () => {
    expect(unreadable('Invalid input: expected string, received number')).not.toBeNull();
    expect(unreadable('Unrecognized key: "x"')).not.toBeNull();
    expect(unreadable('[object Object]')).not.toBeNull();
    expect(unreadable('Error: boom\n    at dispatch (dispatch.ts:1:2)')).not.toBeNull();
    expect(unreadable('Some fields need your attention.')).toBeNull();
  });
});
