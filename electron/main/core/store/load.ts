// Runs in the main process and the preview host (Node). Turns the bytes of a store file (the live one or a backup)
// into a validated document, or says precisely why not: read -> decode -> parse JSON -> check schemaVersion ->
// migrate -> validate with zod -> no two different records under one id. It never writes; what to do with a bad or newer file is open-store.ts's decision.
import { readFile } from 'node:fs/promises';
import { SCHEMA_VERSION, StoreDocument } from '../../../../shared/domain';
import { deduplicate } from './duplicate-ids';
import { errorCode } from './fs-ops';
import { sha256Of } from './archive-files';
import { checkpointFor, entriesAfter, readJournal, replay, type JournalMark, type ReadJournal } from './journal';
import { MIGRATIONS, migrate, type Migration, type RawDocument } from './migrations';

export type Interpretation =
  | {
      kind: 'ok';
      doc: StoreDocument;
      /** The version the file had, when it was migrated. */
      migratedFrom: number | null;
      /** The parsed JSON before validation: what the schema drops (a live file's list of archives) is still here. */
      raw: RawDocument;
      /** What the journal added to the live file (see journal.ts); absent when there was none to read. */
      journal?: JournalReplay;
    }
  | { kind: 'unreadable'; reason: string }
  /** Written by a newer app: not corrupt, just not ours to change. */
  | { kind: 'newer'; version: number; raw: RawDocument };

export type LoadedFile = { kind: 'missing' } | (Interpretation & { bytes: Uint8Array });

export interface JournalReplay {
  /** Changes replayed onto the live file. */
  applied: number;
  /** The last sequence number the document holds: the journal carries on from it. */
  seq: number;
  /** Why the journal could not be read to its end, if it could not (see journal.ts). */
  damaged: string | null;
  /** True when it holds nothing but the checkpoint of this very live file (or nothing): it needs no settling. */
  clean: boolean;
}

/** The live file's own record of the journal (see journal.ts); a file written before journals existed has none. */
export function journalMarkOf(raw: RawDocument): JournalMark {
  const mark = raw.journal as { base?: unknown; seq?: unknown } | undefined;
  const seq = Number.isSafeInteger(mark?.seq) && (mark!.seq as number) >= 0 ? (mark!.seq as number) : 0;
  return { base: typeof mark?.base === 'string' ? mark.base : null, seq };
}

// `fatal`: bytes that are not UTF-8 (a UTF-16 file, garbage) must fail here rather than decode to U+FFFD and perhaps
// still parse. A UTF-8 byte-order mark (an editor's habit) is dropped, which is the decoder's default.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `journal` is replayed onto the parsed file before it is migrated and validated: its lines were written by the
 * same version as the file, and what they add must pass the same checks as the file itself. */
export function interpret(bytes: Uint8Array, migrations: readonly Migration[] = MIGRATIONS, journal?: ReadJournal): Interpretation {
  // Bytes the journal's checkpoint vouches for were validated when the store wrote them (see `checkpointFor`).
  const vouched = journal?.entries[0]?.check !== undefined && sha256Of(bytes) === journal.entries[0].check;
  let raw: unknown;
  try {
    raw = JSON.parse(vouched ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : utf8.decode(bytes));
  } catch (error) {
    return { kind: 'unreadable', reason: `not UTF-8 JSON (${(error as Error).message})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'unreadable', reason: 'not a JSON object' };
  }
  const doc = raw as RawDocument;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { kind: 'unreadable', reason: 'no valid schemaVersion' };
  }
  if (version > SCHEMA_VERSION) return { kind: 'newer', version, raw: doc };

  let replayed: JournalReplay | undefined;
  let current: RawDocument;
  let trusted = false;
  try {
    if (journal) {
      const mark = journalMarkOf(doc);
      // Its lines are checksummed and their records were validated when written, like the file itself.
      trusted = vouched && checkpointFor(journal, mark) === journal.entries[0]!.check && version === SCHEMA_VERSION;
      const { entries, seq, damaged } = entriesAfter(journal, mark);
      const patched = { ...doc };
      replay(patched, entries);
      const onlyItsCheckpoint = journal.entries.length === 1 && checkpointFor(journal, mark) !== null;
      replayed = { applied: entries.length, seq, damaged, clean: journal.entries.length === 0 || onlyItsCheckpoint };
      current = migrate(patched, version, migrations);
    } else {
      current = migrate(doc, version, migrations);
    }
  } catch (error) {
    return { kind: 'unreadable', reason: `migration from version ${version} failed (${(error as Error).message})` };
  }
  const parsed = trusted ? { success: true as const, data: onlyDocumentFields(current) } : StoreDocument.safeParse(current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'unreadable', reason: `invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message}` };
  }
  const unique = deduplicate(parsed.data);
  if (unique.kind === 'conflict') return { kind: 'unreadable', reason: unique.reason };
  return { kind: 'ok', doc: unique.doc, migratedFrom: version < SCHEMA_VERSION ? version : null, raw: doc, ...(replayed ? { journal: replayed } : {}) };
}

const DOCUMENT_FIELDS = Object.keys(StoreDocument.shape);

/** What a parse would keep of a document the store wrote itself: its fields, not the live file's own notes (the list
 * of archives, the journal's mark). */
const onlyDocumentFields = (raw: RawDocument): StoreDocument =>
  Object.fromEntries(DOCUMENT_FIELDS.filter((key) => raw[key] !== undefined).map((key) => [key, raw[key]])) as StoreDocument;

/** Reads and interprets a file (the live file with its journal, when `journalPath` is given). Only a missing file is
 * 'missing'; any other read error (permissions, I/O) throws, because a file we could not read is not a file we know
 * to be bad. */
export async function loadFile(path: string, migrations: readonly Migration[] = MIGRATIONS, journalPath?: string): Promise<LoadedFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  // Read whole from its start: which of its lines the live file holds already is only known once it is parsed.
  const journal = journalPath ? await readJournal(journalPath) : undefined;
  return { ...interpret(bytes, migrations, journal), bytes };
}
