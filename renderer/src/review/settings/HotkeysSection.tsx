// Runs in the renderer. Settings › Hotkeys: one editor per action. Focus a field and press the combination you
// want: it is read as an accelerator, checked at once against the call apps' and the OS's shortcuts and the other
// hotkeys (the same rules the core applies), and saved when it passes. The core's own message, or a registration
// the OS refused, shows under the field. Tab and Shift+Tab still move on; "Reset to default" drops the rep's own
// choice, so the action follows our default (and any later change to it).
import { useState, type KeyboardEvent } from 'react';
import type { HotkeyAction, Settings } from '../../../../shared/domain';
import type { AppState } from '../../../../shared/views';
import { defaultHotkeys, validateHotkeys } from '../../../../shared/rules/hotkeys';
import { api } from '../../api';
import { Field } from '../../ui/fields';
import { formatAccelerator } from '../../ui/labels';
import { useAction } from '../../ui/useAction';
import { acceleratorOf, windowPlatform } from './accelerator';
import { SettingsSection } from './SettingsSection';

/** Each action's name as the rep reads it, in the order the editor lists them. */
export const HOTKEY_LABELS: Record<HotkeyAction, string> = {
  toggleOverlay: 'Show or hide the overlay',
  answerYes: 'Yes / agreed (answers the prompt)',
  snoozePrompt: 'Snooze the prompt',
  confirmPurpose: 'Purpose confirmed',
  reconfirmPurpose: 'Purpose re-confirmed',
  nextAgendaItem: 'Next agenda item',
  toggleClickThrough: 'Click-through on or off',
  endCall: 'End call',
  startNextMeeting: 'Start next meeting',
  openReview: 'Open the review',
};

const ACTIONS = Object.keys(HOTKEY_LABELS) as HotkeyAction[];

type HotkeyFailure = AppState['hotkeyFailures'][number];

interface Props {
  settings: Settings;
  failures: readonly HotkeyFailure[];
  onSaved: (settings: Settings, what: string) => void;
}

export function HotkeysSection({ settings, failures, onSaved }: Props) {
  const platform = windowPlatform();
  const defaults = defaultHotkeys(platform);
  const current: Record<HotkeyAction, string> = { ...defaults, ...settings.hotkeys };
  return (
    <SettingsSection
      id="settings-hotkeys"
      title="Hotkeys"
      lead="Click a field (or Tab to it) and press the keys you want — hold Ctrl, Alt or Cmd with a letter."
    >
      <ul className="hotkeys">
        {ACTIONS.map((action) => (
          <HotkeyEditor
            key={action}
            action={action}
            current={current}
            fallback={defaults[action]}
            overridden={settings.hotkeys[action] !== undefined}
            failure={failures.find((f) => f.action === action)}
            onSaved={onSaved}
          />
        ))}
      </ul>
    </SettingsSection>
  );
}

interface EditorProps {
  action: HotkeyAction;
  current: Record<HotkeyAction, string>;
  fallback: string;
  /** The rep chose their own combination (even one equal to today's default): reset has something to remove. */
  overridden: boolean;
  failure: HotkeyFailure | undefined;
  onSaved: Props['onSaved'];
}

function HotkeyEditor({ action, current, fallback, overridden, failure, onSaved }: EditorProps) {
  const platform = windowPlatform();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  // null: no override of the rep's own — the default applies.
  const save = useAction((accelerator: string | null) => api.updateSettings({ hotkeys: { [action]: accelerator } }));
  const id = `hotkey-${action}`;
  const label = HOTKEY_LABELS[action];
  const shown = pending ?? current[action];

  async function choose(accelerator: string, reset = false) {
    setPending(accelerator);
    const problems = validateHotkeys({ ...current, [action]: accelerator }, platform)[action];
    if (problems?.length) {
      save.clearError();
      setProblem(problems.join(' '));
      return;
    }
    setProblem(null);
    const saved = await save.run(reset ? null : accelerator);
    if (saved) {
      setPending(null);
      onSaved(saved, `${label}: ${formatAccelerator(accelerator)}`);
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Moving on (Tab, Shift+Tab) and leaving (Esc) stay the keyboard's own.
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) return;
    if (event.key === 'Escape') return;
    event.preventDefault();
    const accelerator = acceleratorOf(event, platform);
    if (accelerator) void choose(accelerator);
    else if (!['Control', 'Alt', 'Shift', 'Meta', 'AltGraph', 'OS'].includes(event.key)) {
      setProblem('Hold Ctrl, Alt or Cmd and press a letter, a digit or a function key.');
    }
  };

  const coreMessage = save.error ? (save.error.fields[`hotkeys.${action}`] ?? save.error.message) : undefined;
  const error = problem ?? coreMessage ?? undefined;
  const taken = failure && failure.accelerator === current[action] && !pending;
  return (
    <li className="hotkeys__item">
      <Field
        id={id}
        label={label}
        error={error}
        coach={taken ? `${formatAccelerator(failure.accelerator)} is taken by another app or by your system — it does nothing until you pick another.` : undefined}
        after={
          <button
            type="button"
            className="button button--quiet button--small"
            aria-label={`Reset to default: ${label}`}
            disabled={save.pending || (!overridden && !pending)}
            onClick={() => void choose(fallback, true)}
          >
            Reset to default
          </button>
        }
      >
        {(a11y) => (
          <input
            {...a11y}
            className="input input--hotkey"
            type="text"
            readOnly
            value={formatAccelerator(shown)}
            data-accelerator={shown}
            onKeyDown={onKeyDown}
          />
        )}
      </Field>
    </li>
  );
}
