// Shared by tests (Node). What a fresh start would read from a data folder right now — the live file with the changes
// its journal holds replayed — read synchronously, so a test can look at the disk from inside an event listener.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreDocument } from '../../shared/domain';
import { JOURNAL_FILE, STORE_FILE } from '../../electron/main/core/store/file-names';
import { parseJournal } from '../../electron/main/core/store/journal';
import { interpret } from '../../electron/main/core/store/load';

/** The live document on disk (archives not merged in); throws if it is not usable. */
export function documentOnDisk(dataDir: string): StoreDocument {
  const journal = join(dataDir, JOURNAL_FILE);
  const read = interpret(readFileSync(join(dataDir, STORE_FILE)), undefined, parseJournal(existsSync(journal) ? readFileSync(journal, 'utf8') : ''));
  if (read.kind !== 'ok') throw new Error(`the data on disk is not usable: ${read.kind === 'unreadable' ? read.reason : read.kind}`);
  return read.doc;
}

/** The bytes of the live file and of its journal: equal before and after means nothing was written. */
export function bytesOnDisk(dataDir: string): string {
  const journal = join(dataDir, JOURNAL_FILE);
  return readFileSync(join(dataDir, STORE_FILE), 'utf8') + '\n---\n' + (existsSync(journal) ? readFileSync(journal, 'utf8') : '');
}
