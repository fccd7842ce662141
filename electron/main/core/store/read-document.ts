// Runs in the main process and the preview host (Node). A whole document from bytes that come from outside the live
// files — a backup the rep picked in the settings, or a JSON export they chose — for a preview before a restore.
// Same checks as loading the live file (JSON, version, migration, schema, no two records under one id); anything
// wrong becomes an Error the settings page can show as it is.
import type { StoreDocument } from '../../../../shared/domain';
import { interpret } from './load';
import type { Migration } from './migrations';

/** `what` names the source in the message: "This backup", "This file". */
export function documentFromBytes(bytes: Uint8Array, what: string, migrations: readonly Migration[]): StoreDocument {
  const read = interpret(bytes, migrations);
  if (read.kind === 'ok') return read.doc;
  if (read.kind === 'newer') {
    throw new Error(`${what} was saved by a newer version of Second Step. Please update the app to open it.`);
  }
  throw new Error(`${what} is damaged or is not a Second Step data file, so it cannot be used (${read.reason}).`);
}
