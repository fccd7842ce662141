// Runs in Node (main and preview). Back up and restore from the settings page: list the data folder's backups,
// preview what restoring one (or a JSON export the rep picked) would change, and restore it — the current data is
// backed up first, then the whole document is replaced in ONE store update, so a restore is never a silent overwrite
// and can itself be undone from the backup it leaves. Plus "Export all data (JSON)", the file such a restore reads.
//
// A restore is refused while a call is live or a wrap-up is owed: the wrap-up gate reads the store, and replacing
// the document with an older one (from before that call) would otherwise be a way around the wrap-up.
import type { Handlers, MethodInput } from '../../../../shared/contract';
import type { StoreDocument } from '../../../../shared/domain';
import { summarizeRestore } from '../../../../shared/rules/restore-changes';
import { pendingWrapUps } from '../../../../shared/rules/wrap-up-gate';
import type { BackupView, RestorePreview } from '../../../../shared/views';
import { conflict, UserError } from '../errors';
import { StoreReadOnlyError, type BackupInfo } from '../store/types';
import type { ServiceContext } from './context';
import { liveMeeting } from '../../../../shared/rules/open-meetings';

type Source = MethodInput<'restoreData'>;

const toView = (backup: BackupInfo): BackupView => ({ id: backup.id, takenAt: new Date(backup.time).toISOString(), reason: backup.reason });

export const OWED_WRAP_UP = 'Log the next step of your last call (or close its deal out) first: a restore cannot replace data while a wrap-up is owed.';
export const CALL_LIVE = 'End the call in progress first: a restore cannot replace data during a call.';
export const READ_ONLY = 'Your data is open read-only, so it cannot be replaced by a restore.';

/** Why the data cannot be replaced right now, or null. Asks the document in memory and the one on disk. */
function blockedBy(ctx: ServiceContext, doc: StoreDocument = ctx.store.data): string | null {
  if (ctx.store.readOnly) return READ_ONLY;
  if (liveMeeting(doc)) return CALL_LIVE;
  if (pendingWrapUps(doc).length > 0 || pendingWrapUps(ctx.store.saved).length > 0) return OWED_WRAP_UP;
  return null;
}

export function backupsService(ctx: ServiceContext) {
  /** The document `source` holds, validated and migrated; a damaged or foreign one is refused in plain words. */
  async function read(source: Source): Promise<StoreDocument> {
    try {
      return 'backupId' in source
        ? await ctx.store.readBackup(source.backupId)
        : await ctx.store.readDocumentFile(new TextEncoder().encode(source.fileText));
    } catch (error) {
      // The store ends its sentence with the technical reason in brackets (for the log): the rep gets the sentence.
      const message = error instanceof Error ? error.message.replace(/ \(.*\)\.$/s, '.') : 'That data could not be read.';
      throw new UserError('invalid', `${message} Nothing was changed.`);
    }
  }

  const preview = async (restored: StoreDocument): Promise<RestorePreview> => ({
    summary: summarizeRestore(await ctx.store.whole(), restored),
    blockedBy: blockedBy(ctx),
  });

  return {
    async exportJson() {
      const day = ctx.nowIso().slice(0, 10);
      return { filename: `second-step-data-${day}.json`, json: `${JSON.stringify(await ctx.store.whole(), null, 2)}\n` };
    },

    listBackups: async () => (await ctx.store.listBackups()).map(toView),

    previewRestore: async (source) => await preview(await read(source)),

    async restoreData(source) {
      const restored = await read(source);
      const refusal = blockedBy(ctx);
      if (refusal) throw refusal === READ_ONLY ? new StoreReadOnlyError(READ_ONLY) : conflict(refusal);
      const shown = await preview(restored);
      let safety: BackupInfo;
      try {
        safety = await ctx.store.backUpNow('pre-restore');
      } catch (error) {
        throw conflict(`Nothing was restored: ${error instanceof Error ? error.message : 'the current data could not be backed up first.'}`);
      }
      await ctx.replaceAll((live) => {
        // Asked again inside the one write: a call may have started while the backup was written.
        const late = blockedBy(ctx, live);
        if (late) throw conflict(late);
        return structuredClone(restored);
      });
      // The restored data may itself owe a wrap-up (a backup taken after a call ended): the gate shows it at once.
      if (pendingWrapUps(ctx.store.data).length > 0) ctx.emit('window', { window: 'wrapup', action: 'show' });
      return { safetyBackup: toView(safety), preview: shown };
    },
  } satisfies Pick<Handlers, 'exportJson' | 'listBackups' | 'previewRestore' | 'restoreData'>;
}
