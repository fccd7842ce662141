// Runs in the main process and the preview host (Node). The bytes of a document on disk: indented JSON, so support
// can read a rep's file (a backup holds the same bytes) — exactly `JSON.stringify(doc, null, 2)` plus a newline, in
// UTF-8. Serialising ten years of history on every change took half a second, nearly all of it on records that had
// not changed: the store's records are deeply frozen (immer), so each one's encoded bytes are kept with it (a
// WeakMap, freed with the record) and a write encodes only what is new, then copies the pieces into one buffer.
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { freeze } from 'immer';
import { KEYED } from './duplicate-ids';

const RECORD_INDENT = '    '; // records sit two levels deep: document -> collection -> record
const COLLECTIONS = new Set<string>(KEYED.map(([collection]) => collection));
const BETWEEN_RECORDS = Buffer.from(',\n');
const recordBytes = new WeakMap<object, Buffer>();

const indented = (text: string, by: string) => text.split('\n').join(`\n${by}`);
const encodeRecord = (record: object) => Buffer.from(RECORD_INDENT + indented(JSON.stringify(record, null, 2), RECORD_INDENT));

function bytesOf(record: object): Buffer {
  // Only a frozen record is known never to change under its kept bytes.
  if (!Object.isFrozen(record)) return encodeRecord(record);
  let bytes = recordBytes.get(record);
  if (bytes === undefined) {
    bytes = encodeRecord(record);
    recordBytes.set(record, bytes);
  }
  return bytes;
}

const isRecordList = (key: string, value: unknown): value is object[] =>
  COLLECTIONS.has(key) &&
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item) && !('toJSON' in item));

/** The document's bytes: those of `JSON.stringify(doc, null, 2)` and a newline. */
export function serialize(doc: object): Buffer {
  const pieces: Buffer[] = [];
  let text = '{'; // pending text between the record lists
  let first = true;
  for (const [key, value] of Object.entries(doc)) {
    const field = `${first ? '\n' : ',\n'}  ${JSON.stringify(key)}: `;
    if (isRecordList(key, value)) {
      pieces.push(Buffer.from(`${text}${field}[\n`));
      value.forEach((record, i) => {
        if (i > 0) pieces.push(BETWEEN_RECORDS);
        pieces.push(bytesOf(record));
      });
      text = '\n  ]';
    } else {
      const json = JSON.stringify(value, null, 2) as string | undefined;
      if (json === undefined) continue; // JSON leaves such a field out
      text += field + indented(json, '  ');
    }
    first = false;
  }
  pieces.push(Buffer.from(first ? '{}\n' : `${text}\n}\n`));
  return Buffer.concat(pieces);
}

/** Encodes (and keeps) the bytes of these records soon, in small slices between other work, so the next whole write
 * of the file only copies them. */
export async function keepBytesSoon(records: readonly object[]): Promise<void> {
  for (let start = 0; start < records.length; start += KEEP_SLICE) {
    await yieldToEvents();
    for (const record of records.slice(start, start + KEEP_SLICE)) bytesOf(record);
  }
}

const KEEP_SLICE = 50;

const WARM_SLICE = 200; // records prepared between two yields: a few milliseconds of work

/** Freezes every record of `doc` whose bytes are not kept yet (see drafts.ts), then encodes and keeps them, in small
 * slices, yielding to the event loop between them: neither the open nor the first write does this for the whole
 * history in one block. Safe to run beside writes: records are never changed in place, and it only fills the cache
 * writes use. Stops early once `stopped()` says so (the store is closing). */
export async function warmRecordBytes(doc: object, stopped: () => boolean): Promise<void> {
  for (const [key, value] of Object.entries(doc)) {
    if (!isRecordList(key, value)) continue;
    for (let start = 0; start < value.length && !stopped(); start += WARM_SLICE) {
      let encoded = false;
      for (const record of value.slice(start, start + WARM_SLICE)) {
        if (recordBytes.has(record)) continue; // kept already: nothing to do, no reason to yield
        freeze(record, true); // a store record is never changed in place: frozen, its bytes can be kept
        bytesOf(record);
        encoded = true;
      }
      if (encoded) await yieldToEvents();
    }
  }
}
