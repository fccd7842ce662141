// Runs in the main process and the preview host (Node). The format of a per-year archive file and of the manifest
// the live file keeps about them. An archive holds one year of settled records as compact JSON; its name carries
// the first 12 hex digits of its SHA-256, so a new version never overwrites an older one (the live file, replaced
// last, is what switches from one version to the next). The manifest records each file's full SHA-256: bytes that
// still hash to it are exactly the bytes that were validated when written, so they are parsed without zod.
import { createHash } from 'node:crypto';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { z } from 'zod';
import { Meeting, NextStep, SCHEMA_VERSION, Thread, builtOnFirstUse } from '../../../../shared/domain';

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

/** The bytes and manifest entry of one year's archive. */
export function encodeArchive(year: number, records: ArchiveRecords): { bytes: Buffer; entry: ManifestEntry } {
  const archive = { kind: 'second-step-archive', schemaVersion: SCHEMA_VERSION, year, ...records };
  const bytes = Buffer.from(JSON.stringify(archive));
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
