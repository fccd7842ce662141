// Runs in the main process and the preview host (Node). Turns the bytes of a store file (the live one or a backup)
// into a validated document, or says precisely why not: read -> decode -> parse JSON -> check schemaVersion ->
// migrate -> validate with zod -> no two different records under one id. It never writes; what to do with a bad or newer file is open-store.ts's decision.
import { readFile } from 'node:fs/promises';
import { SCHEMA_VERSION, StoreDocument } from '../../../../shared/domain';
import { deduplicate } from './duplicate-ids';
import { errorCode } from './fs-ops';
import { MIGRATIONS, migrate, type Migration, type RawDocument } from './migrations';

export type Interpretation =
  | {
      kind: 'ok';
      doc: StoreDocument;
      /** The version the file had, when it was migrated. */
      migratedFrom: number | null;
      /** The parsed JSON before validation: what the schema drops (a live file's list of archives) is still here. */
      raw: RawDocument;
    }
  | { kind: 'unreadable'; reason: string }
  /** Written by a newer app: not corrupt, just not ours to change. */
  | { kind: 'newer'; version: number; raw: RawDocument };

export type LoadedFile = { kind: 'missing' } | (Interpretation & { bytes: Uint8Array });

// `fatal`: bytes that are not UTF-8 (a UTF-16 file, garbage) must fail here rather than decode to U+FFFD and perhaps
// still parse. A UTF-8 byte-order mark (an editor's habit) is dropped, which is the decoder's default.
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function interpret(bytes: Uint8Array, migrations: readonly Migration[] = MIGRATIONS): Interpretation {
  let raw: unknown;
  try {
    raw = JSON.parse(utf8.decode(bytes));
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

  let current: RawDocument;
  try {
    current = migrate(doc, version, migrations);
  } catch (error) {
    return { kind: 'unreadable', reason: `migration from version ${version} failed (${(error as Error).message})` };
  }
  const parsed = StoreDocument.safeParse(current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'unreadable', reason: `invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message}` };
  }
  const unique = deduplicate(parsed.data);
  if (unique.kind === 'conflict') return { kind: 'unreadable', reason: unique.reason };
  return { kind: 'ok', doc: unique.doc, migratedFrom: version < SCHEMA_VERSION ? version : null, raw: doc };
}

/** Reads and interprets a file. Only a missing file is 'missing'; any other read error (permissions, I/O) throws,
 * because a file we could not read is not a file we know to be bad. */
export async function loadFile(path: string, migrations: readonly Migration[] = MIGRATIONS): Promise<LoadedFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  return { ...interpret(bytes, migrations), bytes };
}
