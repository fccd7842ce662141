// Runs in the main process and the preview host (Node). Reads the settled history: the archive files the live file's
// manifest names (read after the store opens, see durable-store.ts). An archive whose bytes hash to the manifest's
// SHA-256 is only parsed (it is byte for byte what was validated when written); any other is validated in full, and
// one that is missing or invalid is reported, never guessed at. It never writes; cleaning up unreferenced archive
// versions is `removeOrphans`.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreDocument } from '../../../../shared/domain';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { ARCHIVE_NAME, Manifest, decodeArchiveInSlices, type ArchiveRecords, type ManifestEntry } from './archive-files';
import { errorCode, type FsOps } from './fs-ops';
import { History } from './history';
import { ARCHIVED } from './settled';

/** What the archive files the manifest names hold, as read. */
export interface ReadArchives {
  history: History;
  /** The manifest's entries as checked: an archive valid with other bytes than recorded carries its real hash. */
  checked: ManifestEntry[];
  /** The first archive that is missing or invalid, if any (`history` then holds the others). */
  damaged: { file: string; year: number; reason: string; exists: boolean } | null;
}

/** The manifest the live file carries (none for a single-file document), from the file's parsed JSON. */
export function manifestOf(live: { archives?: unknown }): ManifestEntry[] | { invalid: string } {
  const raw = live.archives;
  if (raw === undefined) return [];
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) return { invalid: `the list of archive files is invalid (${parsed.error.issues[0]?.message})` };
  if (new Set(parsed.data.map((e) => e.year)).size !== parsed.data.length) return { invalid: 'an archive year is listed twice' };
  return parsed.data;
}

export async function readArchives(dir: string, manifest: readonly ManifestEntry[]): Promise<ReadArchives> {
  const years = new Map<number, ArchiveRecords>();
  // A valid archive with other bytes than recorded (reformatted by hand): the next write of the live file records
  // its real hash, so later reads parse it without the full check again.
  const checked: ManifestEntry[] = [];
  let damaged: ReadArchives['damaged'] = null;
  for (const entry of [...manifest].sort((a, b) => a.year - b.year)) {
    const file = join(dir, entry.file);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error; // not known to be bad: fail rather than guess
      damaged ??= { file, year: entry.year, reason: 'the file is missing', exists: false };
      continue;
    }
    const decoded = await decodeArchiveInSlices(bytes, entry);
    await yieldToEvents(); // one year parsed: let the IPC loop run before the next
    if (!decoded.ok) {
      damaged ??= { file, year: entry.year, reason: decoded.reason, exists: true };
      continue;
    }
    const { threads, meetings, nextSteps } = decoded.archive;
    years.set(entry.year, { threads, meetings, nextSteps });
    checked.push(decoded.verified ? entry : { ...entry, sha256: decoded.sha256 });
  }
  return { history: new History(years), checked, damaged };
}

/** Removes archive versions the live file does not name — left by a write that was cut short (before or after its
 * commit) — but only those whose every record is in the loaded document, so nothing is ever lost by it. */
export async function removeOrphans(dir: string, doc: StoreDocument, manifest: readonly ManifestEntry[], ops: FsOps): Promise<string[]> {
  const named = new Set(manifest.map((e) => e.file));
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => ARCHIVE_NAME.test(n) && !named.has(n));
  if (names.length === 0) return [];
  const known = new Map(ARCHIVED.map((c) => [c, new Set(doc[c].map((r) => r.id))]));
  const removed: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const raw = await readFile(path, 'utf8').then((t) => JSON.parse(t) as Partial<Record<string, { id?: unknown }[]>>, () => null);
    const covered =
      raw !== null &&
      typeof raw === 'object' &&
      ARCHIVED.every((c) => {
        const records = raw[c] ?? [];
        return Array.isArray(records) && records.every((r) => known.get(c)!.has(String(r?.id)));
      });
    if (!covered) continue;
    await ops.unlink(path).catch(() => {});
    removed.push(path);
  }
  return removed;
}
