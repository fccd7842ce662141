// Runs in the renderer. Settings › Export: every meeting with its next step as a CSV file a CRM can import, and all
// the data as one JSON file — a backup the rep keeps where they like, which "Restore from a file" reads back.
import { api } from '../../api';
import { useAction } from '../../ui/useAction';
import { download } from '../../ui/download';
import { SettingsSection } from './SettingsSection';

export function ExportSection({ onDone }: { onDone: (text: string) => void }) {
  const exportCsv = useAction(async () => {
    const { filename, csv } = await api.exportCsv({});
    download(filename, csv, 'text/csv;charset=utf-8');
    onDone(`Exported ${filename}.`);
  });
  const exportJson = useAction(async () => {
    const { filename, json } = await api.exportJson({});
    download(filename, json, 'application/json');
    onDone(`Exported ${filename}. Keep it somewhere safe; Backups › Restore from a file reads it back.`);
  });
  const error = exportCsv.error ?? exportJson.error;
  return (
    <SettingsSection
      id="settings-export"
      title="Export"
      lead="Your meetings and next steps as a CSV file — account, deal, purpose, outcome, next step — ready to import into your CRM. Or all your data as one JSON file, to keep as a backup."
    >
      <p className="settings__actions">
        <button type="button" className="button button--secondary" disabled={exportCsv.pending} onClick={() => void exportCsv.run()}>
          Export CSV
        </button>
        <button type="button" className="button button--secondary" disabled={exportJson.pending} onClick={() => void exportJson.run()}>
          Export all data (JSON)
        </button>
        {error ? (
          <span className="inline-error" role="alert">
            {error.message}
          </span>
        ) : null}
      </p>
    </SettingsSection>
  );
}
