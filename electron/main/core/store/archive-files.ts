// Runs in the main process and the preview host (Node). The format of a per-year archive file and of the manifest
// the live file keeps about them. An archive holds one year of settled records as compact JSON; its name carries
// the first 12 hex digits of its SHA-256, so a new version never overwrites an older one (the live file, replaced
// last, is what switches from one version to the next). The manifest records each file's full SHA-256: bytes that
// still hash to it are exactly the bytes that were validated when written, so they are parsed without zod.
import { createHash } from 'node:crypto';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { z } from 'zod';
import { Meeting, NextStep, SCHEMA_VERSION, Thread, builtOnFirstUse } from '../../../../shared/domain';
import { ARCHIVED } from './settled';

export const ARCHIVE_NAME = /^archive-(\d{4})\.([0-9a-f]{12})\.json$/;

// Built on first use (a live file with archives, an archive not vouched for by its hash), not at import: see
// shared/domain/primitives.ts.
export const ManifestEntry = builtOnFirstUse(() =>
  z.object({
    year: z.number().int().min(1000).max(9999),
    file: z.string().regex(ARCHIVE_NAME),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    schemaVersion: z.number().int(),
    counts: z.object({ threads: z.number().int().min(0), meetings: z.number().int().min(0), nextSteps: z.number().int().min(0) }),
  }),
);
export type ManifestEntry = z.infer<typeof ManifestEntry>;
export const Manifest = builtOnFirstUse(() => z.array(ManifestEntry));

export const Archive = builtOnFirstUse(() =>
  z.object({
    kind: z.literal('second-step-archive'),
    schemaVersion: z.literal(SCHEMA_VERSION),
    year: z.number().int(),
    threads: z.array(Thread),
    meetings: z.array(Meeting),
    nextSteps: z.array(NextStep),
  }),
);
export type Archive = z.infer<typeof Archive>;

export interface ArchiveRecords {
  threads: readonly Thread[];
  meetings: readonly Meeting[];
  nextSteps: readonly NextStep[];
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const HASH_SLICE = 1 << 20;

/** The same hash, a megabyte at a time with a turn of the event loop in between: an archive is read while the app
 * runs (years of them after open), and the main process must keep answering the overlay meanwhile. */
export async function sha256InSlices(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += HASH_SLICE) {
    hash.update(bytes.subarray(at, at + HASH_SLICE));
    await yieldToEvents();
  }
  return hash.digest('hex');
}

/** The bytes and manifest entry of one year's archive: one JSON document with each record on a line of its own.
 * A newline is whitespace to JSON and JSON.stringify escapes every newline inside a string, so each line break is
 * one this writes between records: a reader that trusts the bytes parses a record at a time (decodeArchiveInSlices),
 * any other reader parses the file as the JSON it is. */
export function encodeArchive(year: number, records: ArchiveRecords): { bytes: Buffer; entry: ManifestEntry } {
  const head = JSON.stringify({ kind: 'second-step-archive', schemaVersion: SCHEMA_VERSION, year }).slice(0, -1);
  const arrays = ARCHIVED.map((c) => `,"${c}":[\n${records[c].map((r) => JSON.stringify(r)).join(',\n')}\n]`);
  const bytes = Buffer.from(`${head}${arrays.join('')}}`);
  const sha256 = sha256Of(bytes);
  const counts = { threads: records.threads.length, meetings: records.meetings.length, nextSteps: records.nextSteps.length };
  return { bytes, entry: { year, file: `archive-${year}.${sha256.slice(0, 12)}.json`, sha256, schemaVersion: SCHEMA_VERSION, counts } };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** An archive's records, or why they cannot be used. Bytes matching the manifest's hash skip the schema check. */
export function decodeArchive(
  bytes: Uint8Array,
  entry: ManifestEntry,
  sha256 = sha256Of(bytes),
): { ok: true; archive: Archive; verified: boolean; sha256: string } | { ok: false; reason: string } {
  const verified = sha256 === entry.sha256;
  let raw: unknown;
  try {
    // Bytes we wrote ourselves are UTF-8: only others need the strict (slower) decoder.
    raw = JSON.parse(verified ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : utf8.decode(bytes));
  } catch (error) {
    return { ok: false, reason: `not UTF-8 JSON (${(error as Error).message})` };
  }
  if (verified) return { ok: true, archive: raw as Archive, verified, sha256 };
  const parsed = Archive.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message}` };
  }
  if (parsed.data.year !== entry.year) return { ok: false, reason: `holds the year ${parsed.data.year}, not ${entry.year}` };
  return { ok: true, archive: parsed.data, verified, sha256 };
}

type Decoded = ReturnType<typeof decodeArchive>;

/** How much JSON is parsed between two turns of the event loop: about 2–3 ms of JSON.parse on these machines. */
const PARSE_SLICE = 256 * 1024;

/** decodeArchive, with the hash computed and the records parsed in slices: a year's archive is several megabytes,
 * and parsed in one go it held the main process (and the overlay's events with it) for 30–50 ms. Only bytes the
 * manifest vouches for, written a record per line, are parsed this way; any other file is decoded whole, as before. */
export async function decodeArchiveInSlices(bytes: Uint8Array, entry: ManifestEntry): Promise<Decoded> {
  const sha256 = await sha256InSlices(bytes);
  if (sha256 !== entry.sha256 || !bytes.includes(0x0a)) return decodeArchive(bytes, entry, sha256);
  try {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const frame: string[] = [];
    const arrays = new Map<string, unknown[]>();
    let current: unknown[] = [];
    let sinceYield = 0;
    for (const line of text.split('\n')) {
      const last = line.at(-1);
      if (line.startsWith('{') && (last === '}' || last === ',')) {
        current.push(JSON.parse(last === ',' ? line.slice(0, -1) : line));
        sinceYield += line.length;
        if (sinceYield >= PARSE_SLICE) {
          sinceYield = 0;
          await yieldToEvents();
        }
        continue;
      }
      // The frame around the records: `{"kind":…,"threads":[`, `],"meetings":[`, `],"nextSteps":[`, `]}`.
      frame.push(line);
      const opened = /"(\w+)":\[$/.exec(line);
      if (opened) arrays.set(opened[1]!, (current = []));
    }
    const archive = JSON.parse(frame.join('')) as Record<string, unknown>;
    for (const [name, records] of arrays) archive[name] = records;
    return { ok: true, archive: archive as Archive, verified: true, sha256 };
  } catch {
    return decodeArchive(bytes, entry, sha256); // not as this writes it after all: the whole parse says why
  }
}
