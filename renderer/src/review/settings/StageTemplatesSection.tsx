// Runs in the renderer. Settings › Stage templates: the agenda a meeting starts from at each stage of a deal. Pick a
// stage, change its agenda with the same editor as the prep form (add, remove, move, optional minutes), save it, or
// reset it to ours — which removes the rep's version rather than storing a copy of ours (shared/rules/stage-templates.ts).
// Everything is a field or a button: usable from the keyboard alone.
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/domain';
import { ownTemplate, stageKey, STAGES, templateForStage } from '../../../../shared/rules/stage-templates';
import { api, type ApiError } from '../../api';
import { SelectField, TextField } from '../../ui/fields';
import { plural } from '../../ui/format';
import { useAction } from '../../ui/useAction';
import { AgendaEditor, agendaItem, draftItems, type AgendaDraftItem } from '../AgendaEditor';
import './stage-templates.css';
import { SettingsSection } from './SettingsSection';

interface Props {
  settings: Settings;
  onSaved: (settings: Settings, what: string) => void;
}

/** Our stages, then any stage of the rep's own that has a template, then the one being written (not saved yet). */
const stagesOf = (templates: Settings['stageTemplates'], current: string) => {
  const names: string[] = [...STAGES];
  for (const name of [...Object.keys(templates), current]) if (!names.some((s) => stageKey(s) === stageKey(name))) names.push(name);
  return names;
};

/** The core names an item's problem "stageTemplates.<stage>.<n>.text": the editor shows it as "agenda.<n>". */
function agendaErrors(error: ApiError | null, stage: string): Record<string, string> | undefined {
  if (!error) return undefined;
  const prefix = `stageTemplates.${stage}`;
  const entries = Object.entries(error.fields).flatMap(([key, message]) =>
    key === prefix ? [['agenda', message]] : key.startsWith(`${prefix}.`) ? [[`agenda.${key.slice(prefix.length + 1)}`, message]] : [],
  );
  return Object.fromEntries(entries.length ? entries : [['agenda', error.message]]);
}

export function StageTemplatesSection({ settings, onSaved }: Props) {
  const [stage, setStage] = useState<string>(STAGES[0]);
  const [newStage, setNewStage] = useState('');
  const templates = settings.stageTemplates;
  const stages = stagesOf(templates, stage);
  /** A stage of the rep's own ("Pilot review"): picked here, it gets our generic agenda to start from. */
  const addStage = () => {
    const name = newStage.trim().slice(0, 80);
    if (!name) return;
    setStage(stages.find((s) => stageKey(s) === stageKey(name)) ?? name);
    setNewStage('');
    requestAnimationFrame(() => document.getElementById('settings-template-stage')?.focus());
  };
  return (
    <SettingsSection
      id="settings-stage-templates"
      title="Stage templates"
      wide
      lead="The agenda a meeting starts from at each stage. Every one should end by agreeing the next step. Picking a stage in a meeting’s prep fills its agenda from here."
    >
      <div className="stage-templates">
        <SelectField
          id="settings-template-stage"
          className="stage-templates__stage"
          label="Stage"
          value={stage}
          onChange={setStage}
          options={stages.map((s) => ({ value: s, label: ownTemplate(s, templates) ? `${s} (your version)` : s }))}
        />
        <div className="stage-templates__new">
          <TextField
            id="settings-template-new-stage"
            label="A stage of your own (optional)"
            value={newStage}
            onChange={setNewStage}
            placeholder="e.g. Pilot review"
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              addStage();
            }}
          />
          <button type="button" className="button button--secondary" onClick={addStage}>
            Add stage
          </button>
        </div>
        {/* A fresh editor per stage and per saved version: what is on screen is always what would be used. */}
        <StageTemplateForm key={`${stage}\n${JSON.stringify(templateForStage(stage, templates))}`} stage={stage} settings={settings} onSaved={onSaved} />
      </div>
    </SettingsSection>
  );
}

function StageTemplateForm({ stage, settings, onSaved }: Props & { stage: string }) {
  const own = ownTemplate(stage, settings.stageTemplates);
  const [items, setItems] = useState<AgendaDraftItem[]>(() => draftItems(templateForStage(stage, settings.stageTemplates)));
  const [pending, setPending] = useState({ text: '', minutes: '' });
  const save = useAction((patch: Parameters<typeof api.updateSettings>[0]) => api.updateSettings(patch));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // What is typed in the new-item box is part of the agenda the rep means to save.
    const all = pending.text.trim() ? [...items, agendaItem(pending.text.trim(), pending.minutes.trim())] : items;
    const list = all.map((i) => ({ text: i.text, ...(i.minutes.trim() ? { minutes: Number(i.minutes) } : {}) }));
    const saved = await save.run({ stageTemplates: { [stage]: list } });
    if (saved) onSaved(saved, ownTemplate(stage, saved.stageTemplates) ? `the ${stage} agenda` : `the ${stage} agenda (ours again)`);
  };

  const reset = async () => {
    const saved = await save.run({ stageTemplates: { [stage]: null } });
    if (saved) {
      onSaved(saved, `the ${stage} agenda is ours again`);
      document.getElementById('settings-template-stage')?.focus();
    }
  };

  return (
    <form className="settings__form stage-templates__form" noValidate onSubmit={(e) => void submit(e)}>
      <p className="muted stage-templates__state">
        {own ? `Your version: ${plural(own.length, 'item', 'items')}.` : 'Our suggested agenda. Change it to make it yours.'}
      </p>
      <AgendaEditor
        idPrefix="settings-template"
        legend={`Default agenda for ${stage}`}
        items={items}
        onChange={setItems}
        pending={pending}
        onPendingChange={setPending}
        errors={agendaErrors(save.error, stage)}
      />
      <div className="settings__actions">
        <button type="submit" className="button" disabled={save.pending}>
          Save the {stage} agenda
        </button>
        {own ? (
          <button type="button" className="button button--secondary" disabled={save.pending} onClick={() => void reset()}>
            Reset {stage} to our agenda
          </button>
        ) : null}
      </div>
    </form>
  );
}
