// fast-check generators for hostile IPC payloads: anything a page (or an attacker who got a page) could put through
// the bridge — structured-clone values of every kind — and "near-valid" payloads made by damaging a valid one the
// way bugs and attacks do: a field dropped, duplicated, retyped, blown up, nested, a prototype key, NaN, a date that
// does not exist. Shared by the IPC fuzz and anything else that wants to attack the contract.
import fc from 'fast-check';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** Dates in the right shape that do not exist, or the wrong shape altogether. */
export const IMPOSSIBLE_DATES = [
  '2026-02-30T25:61:00Z',
  '2026-02-29T10:00:00Z', // not a leap year
  '2026-13-01T00:00:00Z',
  '2026-00-10T00:00:00Z',
  '2026-11-23T24:00:00Z',
  '2026-11-23T09:00:60Z',
  '2026-11-23T09:00:00', // no offset
  '2026-11-23',
  '+275760-09-13T00:00:01Z',
  '0000-00-00T00:00:00Z',
  ' 2026-11-23T09:00:00Z ',
  '2026-11-23T09:00:00+25:00',
  'Tuesday at 3',
  'NaN',
  '',
];

const hugeString = fc.constantFrom(10_000, 100_000, 1_000_000).map((n) => 'x'.repeat(n));
const oddNumbers = fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, -1, 1e21, 0.5, 2 ** 53 + 1);

/** A structure nested `depth` levels deep: arrays and objects inside each other. */
const nested = fc.integer({ min: 50, max: 2_000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { deeper: value };
  return value;
});

/** Any value structured clone can carry (what Electron's IPC delivers), including prototype-ish keys. */
export const anyCloneable: fc.Arbitrary<unknown> = fc.anything({
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...PROTOTYPE_KEYS)),
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

/** A value that is wrong for almost any field. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  anyCloneable,
  hugeString,
  oddNumbers,
  nested,
  fc.constantFrom(...IMPOSSIBLE_DATES),
  fc.constantFrom(null, undefined, true, '', '   ', '[object Object]', {}, [], new Date(Number.NaN)),
);

/** An own property named like a prototype key — as JSON.parse or a structured clone would deliver it. */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

type Mutation = (payload: Record<string, unknown>) => fc.Arbitrary<unknown>;

const keysOf = (payload: Record<string, unknown>) => Object.keys(payload);
const pickKey = (payload: Record<string, unknown>) =>
  keysOf(payload).length ? fc.constantFrom(...keysOf(payload)) : fc.constant('meetingId');

const MUTATIONS: Mutation[] = [
  // drop a field
  (p) => pickKey(p).map((key) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== key))),
  // duplicate a field under a name the contract does not know
  (p) => pickKey(p).chain((key) => fc.constantFrom(`${key}2`, key.toUpperCase(), ` ${key}`).map((dup) => ({ ...p, [dup]: p[key] }))),
  // retype a field
  (p) => fc.tuple(pickKey(p), garbage).map(([key, value]) => ({ ...p, [key]: value })),
  // blow a string field up
  (p) => fc.tuple(pickKey(p), hugeString).map(([key, value]) => ({ ...p, [key]: value })),
  // nest garbage where a value belongs
  (p) => fc.tuple(pickKey(p), nested).map(([key, value]) => ({ ...p, [key]: value })),
  // prototype-pollution keys, as own properties
  (p) => fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), anyCloneable).map(([key, value]) => withOwnKey(p, key, value)),
  (p) => fc.constant(withOwnKey(p, '__proto__', { polluted: true, isAdmin: true })),
  // NaN, Infinity and friends
  (p) => fc.tuple(pickKey(p), oddNumbers).map(([key, value]) => ({ ...p, [key]: value })),
  // dates that do not exist
  (p) => fc.tuple(pickKey(p), fc.constantFrom(...IMPOSSIBLE_DATES)).map(([key, value]) => ({ ...p, [key]: value })),
  // the right fields in the wrong container
  (p) => fc.constantFrom<unknown>([p], Object.values(p), asJsonText(p), new Map(Object.entries(p))),
];

function asJsonText(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '{"meetingId": 1n}'; // a BigInt inside, which JSON cannot say: send what a buggy page would
  }
}

/** `valid` damaged by one to three mutations. */
export function nearValid(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const once = (payload: unknown): fc.Arbitrary<unknown> =>
    payload !== null && typeof payload === 'object' && !Array.isArray(payload) && !(payload instanceof Map)
      ? fc.constantFrom(...MUTATIONS).chain((mutate) => mutate(payload as Record<string, unknown>))
      : fc.constant(payload);
  return fc
    .tuple(valid.map((p) => p ?? {}), fc.integer({ min: 1, max: 3 }))
    .chain(([payload, times]) => {
      let damaged: fc.Arbitrary<unknown> = once(payload);
      for (let i = 1; i < times; i++) damaged = damaged.chain(once);
      return damaged;
    });
}
