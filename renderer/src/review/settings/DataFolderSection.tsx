// Runs in the renderer. Settings › Data folder: where everything the rep logs lives (with its backups), and "Show in
// folder". Where the host cannot open folders (the browser preview) the button is disabled and says why.
import { api } from '../../api';
import { useAction } from '../../ui/useAction';
import { useView } from '../../ui/useView';
import { SettingsSection } from './SettingsSection';

const getDataFolder = () => api.getDataFolder();

export function DataFolderSection() {
  const folder = useView(getDataFolder);
  const reveal = useAction(() => api.revealDataFolder({}));
  const data = folder.data;
  return (
    <SettingsSection id="settings-data-folder" title="Data folder" lead="Everything you log stays on this computer, in this folder, with its backups.">
      {data ? (
        <>
          <p className="data-folder__path">
            <code>{data.path}</code>
          </p>
          <p className="settings__actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={!data.canReveal || reveal.pending}
              aria-describedby={data.canReveal ? undefined : 'settings-data-folder-why'}
              onClick={() => void reveal.run()}
            >
              Show in folder
            </button>
            {reveal.error ? (
              <span className="inline-error" role="alert">
                {reveal.error.message}
              </span>
            ) : null}
          </p>
          {data.canReveal ? null : (
            <p id="settings-data-folder-why" className="muted">
              This window cannot open folders on your computer: open the path above in your file manager.
            </p>
          )}
        </>
      ) : (
        <p className="muted">{folder.error ? folder.error.message : 'Loading…'}</p>
      )}
    </SettingsSection>
  );
}
