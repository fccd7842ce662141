// Runs in the renderer. Settings › Backups: the data folder's backups (when, and why each was taken), and a restore
// that is never a silent overwrite — pick a backup, or a JSON export from a file, see what would change, then confirm
// or cancel. The file is read here (a page cannot open paths) and only its text goes to the core, which checks it.
import { useRef, useState, type ChangeEvent } from 'react';
import { RESTORE_FILE_MAX_CHARS } from '../../../../shared/rules/restore-changes';
import type { BackupView, RestorePreview as Preview } from '../../../../shared/views';
import { api } from '../../api';
import { formatWhen } from '../../ui/format';
import { useAction } from '../../ui/useAction';
import { useView } from '../../ui/useView';
import { RestorePreview } from './RestorePreview';
import { SettingsSection } from './SettingsSection';

type Source = Parameters<typeof api.restoreData>[0];

/** Why a backup was taken, in the rep's words. */
export const BACKUP_REASONS: Record<BackupView['reason'], string> = {
  open: 'when Second Step opened your data',
  daily: 'the day’s copy',
  'pre-migration': 'before an update changed the file’s format',
  'pre-restore': 'your data just before a restore',
};

const listBackups = () => api.listBackups();

interface Chosen {
  source: Source;
  /** "the backup from Mon 23 Nov, 09:00" or the file's name. */
  label: string;
  preview: Preview;
}

export function BackupsSection({ now, onDone }: { now: number; onDone: (text: string) => void }) {
  const backups = useView(listBackups);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const preview = useAction(async (source: Source, label: string) => setChosen({ source, label, preview: await api.previewRestore(source) }));
  const restore = useAction((source: Source) => api.restoreData(source));
  const list = backups.data ?? [];
  // Two copies taken within one minute (one at open, one before a restore) would read alike: those show seconds.
  const minutes = list.map((b) => b.takenAt.slice(0, 16));
  const shared = new Set(minutes.filter((m, i) => minutes.indexOf(m) !== i));
  const when = (iso: string) => formatWhen(iso, now, { alwaysWeekday: true, seconds: shared.has(iso.slice(0, 16)) });

  const pick = (source: Source, label: string) => {
    setChosen(null);
    setFileProblem(null);
    restore.clearError();
    void preview.run(source, label);
  };

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ''; // picking the same file again previews it again
    if (!file) return;
    if (file.size > RESTORE_FILE_MAX_CHARS) {
      setChosen(null);
      setFileProblem(`${file.name} is too big to be a Second Step data file.`);
      return;
    }
    pick({ fileText: await file.text(), fileName: file.name }, file.name);
  }

  async function confirm(target: Chosen) {
    const done = await restore.run(target.source);
    if (!done) return;
    setChosen(null);
    onDone(`Restored ${target.label}. Your data from just before is kept as a backup (${when(done.safetyBackup.takenAt)}).`);
  }

  return (
    <SettingsSection
      id="settings-backups"
      title="Backups"
      wide
      lead="Second Step keeps copies of your data as you work. Pick one — or a JSON export — to see what restoring it would change; nothing changes until you confirm."
    >
      {list.length === 0 ? (
        <p className="empty empty--inline">{backups.error ? backups.error.message : 'No backups yet: the first is taken when you next change something.'}</p>
      ) : (
        <ul className="backups" aria-label="Your backups">
          {list.map((b) => (
            <li key={b.id} className="backups__item">
              <span>
                <strong>{when(b.takenAt)}</strong> <span className="muted">— {BACKUP_REASONS[b.reason]}</span>
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={preview.pending || restore.pending}
                aria-label={`Preview restore: ${when(b.takenAt)}`}
                onClick={() => pick({ backupId: b.id }, `the backup from ${when(b.takenAt)}`)}
              >
                Preview restore
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="settings__actions">
        <button type="button" className="button button--secondary" disabled={preview.pending || restore.pending} onClick={() => fileInput.current?.click()}>
          Restore from a file…
        </button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden aria-label="A JSON export of Second Step" onChange={(e) => void onFile(e)} />
      </p>
      {fileProblem || preview.error ? (
        <p className="inline-error" role="alert">
          {fileProblem ?? preview.error?.message}
        </p>
      ) : null}
      {chosen ? (
        <RestorePreview
          source={chosen.label}
          preview={chosen.preview}
          now={now}
          pending={restore.pending}
          error={restore.error?.message ?? null}
          onConfirm={() => void confirm(chosen)}
          onCancel={() => {
            setChosen(null);
            restore.clearError();
          }}
        />
      ) : null}
    </SettingsSection>
  );
}
