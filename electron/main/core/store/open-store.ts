// Runs in the main process and the preview host (Node). The policy for opening the data folder — what happens to a
// missing, good, older, unreadable or newer file. The one rule behind every branch: never write over a file that
// could not be read. A bad file is moved aside untouched; a newer app's file is shown read-only and never written;
// a folder that refuses writes is opened read-only without touching anything in it.
import { join } from 'node:path';
import { emptyDocument, type StoreDocument } from '../../../../shared/domain';
import type { Notice } from '../../../../shared/views';
import { systemClock, type Clock } from '../clock';
import { BackupRing } from './backups';
import { removeLeftoverTemps } from './durable-file';
import { DurableJsonAdapter, serialize } from './durable-json-adapter';
import { DurableStore, type OpenedState } from './durable-store';
import { STORE_FILE } from './file-names';
import { errorCode, nodeFsOps, type FsOps } from './fs-ops';
import { journalMarkOf, loadFile, type JournalReplay, type LoadedFile } from './load';
import { manifestOf } from './load-split';
import { MIGRATIONS, type Migration } from './migrations';
import { FOREIGN_JOURNAL } from './journal';
import { journalSetAside, newerVersion, restoredFromBackup, unreadableNoBackup } from './notices';
import { quarantine } from './quarantine';
import { openInReadOnlyFolder, writeRefusal } from './read-only-folder';
import { readOnlyView } from './read-only-view';
import type { Store, StoreLog } from './types';

export interface OpenStoreOptions {
  /** The data folder: the store file, `backups/`, and anything quarantined. Created if missing. */
  dir: string;
  now?: () => number;
  /** Times the retries of a failed save: the core's clock (defaults to the system's; `now` only stamps files). */
  clock?: Pick<Clock, 'now' | 'at'>;
  log?: StoreLog;
  /** Tests inject recording or failing file operations here. */
  fsOps?: FsOps;
  /** Tests inject fake migrations here. */
  migrations?: readonly Migration[];
}

interface Opening {
  file: string;
  adapter: DurableJsonAdapter;
  backups: BackupRing;
  fsOps: FsOps;
  migrations: readonly Migration[];
  now: () => number;
  log: StoreLog;
}

/** The backup at open is of the whole document, serialised once the store has read its history. */
const WHOLE = 'whole';

interface Settled extends OpenedState {
  /** The whole document that just validated, to copy into the backup ring once the store is open: its bytes as read
   * (a single file: taken at once), or WHOLE (taken once the records are prepared and the history read, see
   * `afterOpen`). */
  lastGood?: Uint8Array | typeof WHOLE;
}

const silent: StoreLog = { info() {}, warn() {}, error() {} };

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { dir, now = Date.now, clock = systemClock, log = silent, fsOps = nodeFsOps, migrations = MIGRATIONS } = options;
  const file = join(dir, STORE_FILE);
  const opening: Opening = {
    file,
    adapter: new DurableJsonAdapter(file, fsOps, migrations),
    backups: new BackupRing(dir, fsOps, now),
    fsOps,
    migrations,
    now,
    log,
  };

  const refusal = await writeRefusal(dir, fsOps);
  if (refusal) {
    log.error(`Store: ${dir} cannot be written (${refusal}); opening read-only`);
    const opened = await openInReadOnlyFolder({ dir, code: refusal, backups: opening.backups, migrations, now: now() });
    return new DurableStore(opened, opening.adapter, opening.backups, log, clock, migrations);
  }
  for (const folder of [dir, opening.backups.dir]) {
    const removed = await removeLeftoverTemps(folder, fsOps);
    if (removed.length) log.info('Store: removed temp files left by an interrupted write', removed);
  }

  const { lastGood, ...opened } = await settle(await loadFile(file, migrations, opening.adapter.journalPath), opening);
  const store = new DurableStore(opened, opening.adapter, opening.backups, log, clock, migrations);
  // In the write queue, not awaited here: the app opens without waiting for the copy.
  if (lastGood instanceof Uint8Array) store.inBackground('backup at open', () => opening.backups.takeAtOpen(lastGood));
  else if (lastGood) store.afterOpen('backup at open', () => opening.backups.takeAtOpen(serialize(store.wholeNow(opened.doc))));
  return store;
}

async function settle(loaded: LoadedFile, o: Opening): Promise<Settled> {
  switch (loaded.kind) {
    case 'ok': {
      const manifest = manifestOf(loaded.raw);
      if ('invalid' in manifest) return settle({ kind: 'unreadable', reason: manifest.invalid, bytes: loaded.bytes }, o);
      // The archives are not read here: the store reads them once it is open (see durable-store.ts `history`).
      const doc = loaded.doc;
      const journal = loaded.journal;
      const mark = journalMarkOf(loaded.raw);
      o.adapter.adopt(manifest, { base: mark.base, seq: journal?.seq ?? mark.seq });
      // A single-file document's backup is its bytes as they are; a split or journaled one's is the whole document.
      const asIs = manifest.length === 0 && loaded.raw.journal === undefined && !journal?.applied;
      const whole = asIs ? loaded.bytes : WHOLE;
      if (loaded.migratedFrom === null) {
        const notice = journal && !journal.clean ? await settleJournal(journal, doc, o) : null;
        return { doc, readOnly: false, notice, lastGood: whole };
      }
      // Keep the file exactly as the older version wrote it before replacing it with the migrated one.
      await o.backups.take(loaded.bytes, 'pre-migration');
      await o.adapter.write(doc);
      o.log.info(`Store: migrated ${o.file} from schema version ${loaded.migratedFrom}`);
      return { doc, readOnly: false, notice: null, lastGood: WHOLE };
    }

    case 'newer':
      o.log.warn(`Store: ${o.file} has schema version ${loaded.version}; opening it read-only`);
      return { doc: readOnlyView(loaded.raw), readOnly: true, notice: newerVersion() };

    case 'unreadable': {
      o.log.error(`Store: ${o.file} cannot be read (${loaded.reason}); moving it aside`);
      const quarantined = await quarantine(o.file, o.now(), o.fsOps);
      await setJournalAside(o); // its changes continue the file just quarantined, not the backup loaded instead
      // With no backup, stay read-only on an empty document until the rep agrees to start afresh.
      const readOnlyEmpty = { doc: emptyDocument(), readOnly: true, notice: unreadableNoBackup(quarantined) };
      return (await restore(o, quarantined)) ?? readOnlyEmpty;
    }

    case 'missing': {
      // A first run — unless backups exist: then the live file was deleted or moved, and the backup is the data.
      await setJournalAside(o);
      const restored = await restore(o, null);
      if (restored) return restored;
      const doc = emptyDocument();
      await o.adapter.write(doc);
      return { doc, readOnly: false, notice: null };
    }
  }
}

/** Opened with changes in the journal: the live file is written whole with them, so the journal starts empty. A
 * journal that could not be read to its end is first set aside untouched (what could be read is in `doc`), and the
 * rep is told. */
async function settleJournal(journal: JournalReplay, doc: StoreDocument, o: Opening): Promise<Notice | null> {
  let notice: Notice | null = null;
  if (journal.damaged) {
    o.log.error(`Store: the journal cannot be used as it is (${journal.damaged}); the changes before that point are kept`);
    const aside = await setJournalAside(o);
    if (aside) notice = journalSetAside(aside, journal.damaged === FOREIGN_JOURNAL);
  } else if (journal.applied > 0) {
    o.log.info(`Store: replayed ${journal.applied} changes from the journal`);
  }
  await o.adapter.write(doc);
  return notice;
}

/** Moves the journal (if any) out of the way under a dated name, untouched; returns where it went. */
async function setJournalAside(o: Opening): Promise<string | null> {
  const aside = await quarantine(o.adapter.journalPath, o.now(), o.fsOps, 'journal').catch((error: unknown) => {
    if (errorCode(error) !== 'ENOENT') throw error;
    return null;
  });
  if (aside) o.log.warn(`Store: moved the journal aside to ${aside}`);
  return aside;
}

/** Writes the newest valid backup as the live file, or returns null when there is none. */
async function restore(o: Opening, quarantinedFile: string | null): Promise<Settled | null> {
  const found = await o.backups.newestValid(o.migrations);
  if (!found) return null;
  await o.adapter.write(found.doc);
  o.log.warn(`Store: restored the backup ${found.backup.path}`);
  const notice = restoredFromBackup({ backupTime: found.backup.time, doc: found.doc, quarantinedFile, now: o.now() });
  return { doc: found.doc, readOnly: false, notice };
}
