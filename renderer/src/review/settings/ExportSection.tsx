// Runs in the renderer. Settings › Export: every meeting with its next step as a CSV file a CRM can import.
import { api } from '../../api';
import { useAction } from '../../ui/useAction';

/** Hands a file to the browser's download (Electron shows its save dialog; the preview downloads it). */
function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportSection({ onDone }: { onDone: (text: string) => void }) {
  const exportCsv = useAction(async () => {
    const { filename, csv } = await api.exportCsv({});
    download(filename, csv, 'text/csv;charset=utf-8');
    onDone(`Exported ${filename}.`);
  });
  return (
    <section className="settings__section" aria-labelledby="settings-export">
      <h3 id="settings-export" className="section-title">
        Export
      </h3>
      <p className="section-lead">Your meetings and next steps as a CSV file — account, deal, purpose, outcome, next step — ready to import into your CRM.</p>
      <p className="settings__actions">
        <button type="button" className="button button--secondary" disabled={exportCsv.pending} onClick={() => void exportCsv.run()}>
          Export CSV
        </button>
        {exportCsv.error ? (
          <span className="inline-error" role="alert">
            {exportCsv.error.message}
          </span>
        ) : null}
      </p>
    </section>
  );
}
