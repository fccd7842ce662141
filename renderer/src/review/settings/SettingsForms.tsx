// Runs in the renderer. The Settings tab's small forms: prompt timings, next steps, end of day, the rep's email
// domains and the overlay's look (each with its own Save button), and the two switches that save as they change
// (internal meetings, start at login). Numbers are checked for being numbers here; every other rule is the core's,
// and its message shows under the field it names ("prompts.snoozeMinutes" under "Snooze a prompt for").
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Settings } from '../../../../shared/domain';
import { api, type ApiError } from '../../api';
import { CheckboxField, errorFor, Field, TextAreaField, TextField } from '../../ui/fields';
import { useAction } from '../../ui/useAction';
import { SettingsSection } from './SettingsSection';

type Patch = Parameters<typeof api.updateSettings>[0];
type OnSaved = (settings: Settings, what: string) => void;
interface FormProps {
  settings: Settings;
  onSaved: OnSaved;
}

function useSave(what: string, onSaved: OnSaved) {
  const action = useAction((patch: Patch) => api.updateSettings(patch));
  return {
    pending: action.pending,
    error: action.error,
    async submit(patch: Patch) {
      const saved = await action.run(patch);
      if (saved) onSaved(saved, what);
    },
  };
}

/** The core's sentence when no field on screen carries it (a field message already shows under its field). */
function FormError({ error, shown }: { error: ApiError | null; shown: string[] }) {
  if (!error || shown.some((key) => errorFor(error.fields, key))) return null;
  return (
    <p className="inline-error" role="alert">
      {error.message}
    </p>
  );
}

function SectionForm({ onSubmit, save, pending, children }: { onSubmit: () => void; save: string; pending: boolean; children: ReactNode }) {
  return (
    <form
      className="settings__form"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <div className="settings__actions">
        <button type="submit" className="button" disabled={pending}>
          {save}
        </button>
      </div>
    </form>
  );
}

const NOT_A_NUMBER = 'Enter a number.';
const asNumber = (text: string): number | null => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text));

/** Number fields: local "enter a number" checks first, then the core's messages by key. */
function useNumbers<K extends string>(initial: Record<K, number>) {
  const [values, setValues] = useState<Record<K, string>>(() => Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, String(v)])) as Record<K, string>);
  const [local, setLocal] = useState<Partial<Record<K, string>>>({});
  return {
    values,
    set: (key: K) => (value: string) => setValues((v) => ({ ...v, [key]: value })),
    local,
    /** The numbers, or null after marking the fields that are not numbers. */
    read(): Record<K, number> | null {
      const problems: Partial<Record<K, string>> = {};
      const out = {} as Record<K, number>;
      for (const key of Object.keys(values) as K[]) {
        const n = asNumber(values[key]);
        if (n === null) problems[key] = NOT_A_NUMBER;
        else out[key] = n;
      }
      setLocal(problems);
      return Object.keys(problems).length ? null : out;
    },
  };
}

export function PromptsForm({ settings, onSaved }: FormProps) {
  const p = settings.prompts;
  const save = useSave('prompts', onSaved);
  const n = useNumbers({ askNext: p.askNextMinutesBefore, reconfirm: Math.round(p.reconfirmAtFraction * 100), snooze: p.snoozeMinutes, hardLimit: p.hardLimitMinutes });
  const err = (key: keyof typeof n.values, path: string) => n.local[key] ?? errorFor(save.error?.fields, path);
  const submit = () => {
    const v = n.read();
    if (v) void save.submit({ prompts: { askNextMinutesBefore: v.askNext, reconfirmAtFraction: v.reconfirm / 100, snoozeMinutes: v.snooze, hardLimitMinutes: v.hardLimit } });
  };
  return (
    <SettingsSection id="settings-prompts" title="Prompts" lead="When the overlay nudges you during a call.">
      <SectionForm onSubmit={submit} save="Save prompts" pending={save.pending}>
        <TextField id="settings-ask-next" label="Ask for the next meeting (minutes before the end)" type="number" inputMode="numeric" min={1} max={60} value={n.values.askNext} onChange={n.set('askNext')} error={err('askNext', 'prompts.askNextMinutesBefore')} />
        <TextField id="settings-reconfirm" label="Re-confirm the purpose at (% of the call)" type="number" inputMode="numeric" min={10} max={90} value={n.values.reconfirm} onChange={n.set('reconfirm')} error={err('reconfirm', 'prompts.reconfirmAtFraction')} />
        <TextField id="settings-snooze" label="Snooze a prompt for (minutes)" type="number" inputMode="numeric" min={1} max={30} value={n.values.snooze} onChange={n.set('snooze')} error={err('snooze', 'prompts.snoozeMinutes')} />
        <TextField id="settings-hard-limit" label="Open the wrap-up of a call left running (minutes after its end)" type="number" inputMode="numeric" min={5} max={480} value={n.values.hardLimit} onChange={n.set('hardLimit')} error={err('hardLimit', 'prompts.hardLimitMinutes')} />
        <FormError error={save.error} shown={['prompts']} />
      </SectionForm>
    </SettingsSection>
  );
}

export function NextStepsForm({ settings, onSaved }: FormProps) {
  const save = useSave('next steps', onSaved);
  const n = useNumbers({ maxDaysOut: settings.nextStep.maxDaysOut });
  const submit = () => {
    const v = n.read();
    if (v) void save.submit({ nextStep: { maxDaysOut: v.maxDaysOut } });
  };
  return (
    <SettingsSection id="settings-next-steps" title="Next steps">
      <SectionForm onSubmit={submit} save="Save next steps" pending={save.pending}>
        <TextField
          id="settings-max-days"
          label="Warn when a next step is further out than (days)"
          hint="Interest cools: a step weeks away often never happens."
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          value={n.values.maxDaysOut}
          onChange={n.set('maxDaysOut')}
          error={n.local.maxDaysOut ?? errorFor(save.error?.fields, 'nextStep')}
        />
        <FormError error={save.error} shown={['nextStep']} />
      </SectionForm>
    </SettingsSection>
  );
}

export function EndOfDayForm({ settings, onSaved }: FormProps) {
  const save = useSave('end of day', onSaved);
  const [value, setValue] = useState(settings.endOfDay);
  return (
    <SettingsSection id="settings-end-of-day" title="End of day">
      <SectionForm onSubmit={() => void save.submit({ endOfDay: value })} save="Save end of day" pending={save.pending}>
        <Field id="settings-end-of-day-time" label="Review my day at" hint="On workdays (Monday to Friday) the review opens at this time, unless you already went through it." error={errorFor(save.error?.fields, 'endOfDay')}>
          {(a11y) => <input {...a11y} className="input input--time" type="time" value={value} onChange={(e) => setValue(e.target.value)} />}
        </Field>
        <FormError error={save.error} shown={['endOfDay']} />
      </SectionForm>
    </SettingsSection>
  );
}

/** "acme.com, ours.io\nexample.org" -> ["acme.com", "ours.io", "example.org"]. */
export const splitDomains = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);

export function DomainsForm({ settings, onSaved }: FormProps) {
  const save = useSave('your email domains', onSaved);
  const [text, setText] = useState(settings.ownDomains.join('\n'));
  return (
    <SettingsSection id="settings-domains" title="Your email domains">
      <SectionForm onSubmit={() => void save.submit({ ownDomains: splitDomains(text) })} save="Save email domains" pending={save.pending}>
        <TextAreaField
          id="settings-own-domains"
          label="Email domains of your company"
          hint="One per line or separated by commas, like acme.com. A meeting with only these attendees counts as internal."
          rows={3}
          value={text}
          onChange={setText}
          error={errorFor(save.error?.fields, 'ownDomains')}
        />
        <FormError error={save.error} shown={['ownDomains']} />
      </SectionForm>
    </SettingsSection>
  );
}

export function OverlayForm({ settings, onSaved }: FormProps) {
  const o = settings.overlay;
  const save = useSave('overlay', onSaved);
  const [opacity, setOpacity] = useState(Math.round(o.opacity * 100));
  const [compact, setCompact] = useState(o.compact);
  const [protect, setProtect] = useState(o.contentProtection);
  return (
    <SettingsSection id="settings-overlay" title="Overlay">
      <SectionForm onSubmit={() => void save.submit({ overlay: { opacity: opacity / 100, compact, contentProtection: protect } })} save="Save overlay" pending={save.pending}>
        <Field id="settings-opacity" label="Opacity" error={errorFor(save.error?.fields, 'overlay.opacity')} after={<output htmlFor="settings-opacity">{opacity}%</output>}>
          {(a11y) => (
            <input {...a11y} className="input--range" type="range" min={30} max={100} step={5} value={opacity} aria-valuetext={`${opacity}%`} onChange={(e) => setOpacity(Number(e.target.value))} />
          )}
        </Field>
        <CheckboxField id="settings-compact" label="Compact: a single line" checked={compact} onChange={setCompact} />
        <CheckboxField
          id="settings-content-protection"
          label="Hide the overlay from screen sharing and recordings"
          hint="Linux and some screen-recording apps on macOS 15+ ignore this — check before you share your screen."
          checked={protect}
          onChange={setProtect}
        />
        <FormError error={save.error} shown={['overlay']} />
      </SectionForm>
    </SettingsSection>
  );
}

/** Switches that save the moment they change. */
function Switch({ id, label, hint, checked, patch, what, onSaved }: { id: string; label: string; hint?: string; checked: boolean; patch: (on: boolean) => Patch; what: (on: boolean) => string; onSaved: OnSaved }) {
  const action = useAction((on: boolean) => api.updateSettings(patch(on)));
  return (
    <CheckboxField
      id={id}
      label={label}
      hint={hint}
      checked={checked}
      error={action.error?.message}
      onChange={(on) =>
        void action.run(on).then((saved) => {
          if (saved) onSaved(saved, what(on));
        })
      }
    />
  );
}

export function Toggles({ settings, onSaved }: FormProps) {
  return (
    <>
      <SettingsSection id="settings-internal" title="Internal meetings">
        <Switch
          id="settings-gate-internal"
          label="Ask for a next step after internal meetings too"
          hint="Off: meetings with only your own colleagues never hold you at the wrap-up."
          checked={settings.gateInternalMeetings}
          patch={(on) => ({ gateInternalMeetings: on })}
          what={(on) => (on ? 'internal meetings are gated' : 'internal meetings are not gated')}
          onSaved={onSaved}
        />
      </SettingsSection>
      <SettingsSection id="settings-login" title="Start at login">
        <Switch
          id="settings-start-at-login"
          label="Start Second Step when I log in"
          checked={settings.startAtLogin}
          patch={(on) => ({ startAtLogin: on })}
          what={(on) => (on ? 'starts at login' : 'does not start at login')}
          onSaved={onSaved}
        />
      </SettingsSection>
    </>
  );
}
