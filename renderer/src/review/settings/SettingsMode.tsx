// Runs in the renderer. The review's "Settings" tab: hotkeys, prompt timings, next steps, the end of the day, the
// rep's email domains, internal meetings, the overlay's look, start at login, calendars, the exports, the data folder
// and its backups (restore with a preview). Each section saves on its own through `updateSettings`; the core's plain
// message appears under the field it is about, and one status line says what was saved.
import { LoadError } from '../../ui/LoadError';
import { useState } from 'react';
import type { Settings } from '../../../../shared/domain';
import { api } from '../../api';
import { useView } from '../../ui/useView';
import { ModeHeader } from '../modes/ModeHeader';
import { CalendarsSection } from './CalendarsSection';
import { BackupsSection } from './BackupsSection';
import { DataFolderSection } from './DataFolderSection';
import { ExportSection } from './ExportSection';
import { HotkeysSection } from './HotkeysSection';
import { StageTemplatesSection } from './StageTemplatesSection';
import { DomainsForm, EndOfDayForm, NextStepsForm, OverlayForm, PromptsForm, Toggles } from './SettingsForms';
import './settings.css';

const getSettings = () => api.getSettings();
const getState = () => api.getState();

export function SettingsMode({ now }: { now: number }) {
  const settings = useView(getSettings);
  const state = useView(getState);
  const [flash, setFlash] = useState('');
  const data = settings.data;
  const onSaved = (next: Settings, what: string) => {
    settings.replace(next);
    setFlash(`Saved: ${what}.`);
  };
  return (
    <div className="mode settings">
      <ModeHeader id="mode-heading-settings" title="Settings">
        How Second Step prompts you, when it asks for the review, and where your meetings come from.
      </ModeHeader>
      <p className="mode__flash" role="status">
        {flash}
      </p>
      {settings.error && !data ? <LoadError message={settings.error.message} onRetry={settings.reload} /> : null}
      {data ? (
        <div className="settings__grid">
          <HotkeysSection settings={data} failures={state.data?.hotkeyFailures ?? []} onSaved={onSaved} />
          {/* Each form starts again from the saved values whenever they change. */}
          <PromptsForm key={JSON.stringify(data.prompts)} settings={data} onSaved={onSaved} />
          <NextStepsForm key={`n${data.nextStep.maxDaysOut}`} settings={data} onSaved={onSaved} />
          <EndOfDayForm key={`e${data.endOfDay}`} settings={data} onSaved={onSaved} />
          <DomainsForm key={data.ownDomains.join(',')} settings={data} onSaved={onSaved} />
          <OverlayForm key={`o${data.overlay.opacity}`} settings={data} onSaved={onSaved} />
          <Toggles settings={data} onSaved={onSaved} />
          <CalendarsSection now={now} onDone={setFlash} />
          <StageTemplatesSection settings={data} onSaved={onSaved} />
          <ExportSection onDone={setFlash} />
          <DataFolderSection />
          <BackupsSection now={now} onDone={setFlash} />
        </div>
      ) : !settings.error ? (
        <p className="empty">Loading your settings…</p>
      ) : null}
    </div>
  );
}
