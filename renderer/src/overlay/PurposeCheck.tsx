// Runs in the renderer. The confirm-purpose moment: say the point out loud and record whether they agreed or you
// adjusted it together. When the core says it is due (at the start, and again mid-call), it shows as the prompt
// with its hotkey and can wait ("Later"); once confirmed, it shows when.
import { useState } from 'react';
import type { HotkeyAction, Meeting } from '../../../shared/domain';
import type { Prompt } from '../../../shared/rules/prompt-schedule';
import { api } from '../api';
import { SnoozeButton, useSnooze } from './SnoozeButton';
import { errorFor, FieldMessage } from '../ui/fields';
import { formatTime } from '../ui/format';
import { Kbd } from '../ui/Kbd';
import { useAction } from '../ui/useAction';

type Step = 'idle' | 'choosing' | 'adjusting';

interface Props {
  meeting: Meeting;
  prompt: Prompt | null;
  hotkeys: Partial<Record<HotkeyAction, string>>;
  onMeeting: (m: Meeting) => void;
}

export function PurposeCheck({ meeting, prompt, hotkeys, onMeeting }: Props) {
  const [step, setStep] = useState<Step>('idle');
  const [adjusted, setAdjusted] = useState('');
  const confirm = meeting.confirmations.find((c) => c.kind === 'confirm');
  const reconfirms = meeting.confirmations.filter((c) => c.kind === 'reconfirm');
  const kind = confirm ? 'reconfirm' : 'confirm';
  const due = prompt?.kind === 'confirm-purpose' || prompt?.kind === 'reconfirm-purpose';
  /** Another prompt has the floor: stay quiet (one prompt at a time). */
  const otherPrompt = !!prompt && !due;
  const hotkey = hotkeys[kind === 'confirm' ? 'confirmPurpose' : 'reconfirmPurpose'];

  const save = useAction((result: 'agreed' | 'adjusted') =>
    api.confirmPurpose({ meetingId: meeting.id, kind, result, ...(result === 'adjusted' ? { adjustedPurpose: adjusted } : {}) }),
  );
  const snooze = useSnooze(meeting);

  const answer = async (result: 'agreed' | 'adjusted') => {
    const updated = await save.run(result);
    if (updated) {
      setStep('idle');
      onMeeting(updated);
      if (result === 'adjusted') void api.releaseFocus(); // typing is done: the keyboard goes back to the call
    }
  };

  const fieldError = errorFor(save.error?.fields, 'adjustedPurpose');
  const error = (save.error && !fieldError ? save.error.message : undefined) ?? snooze.error?.message;

  return (
    <div className={`purpose-check${step !== 'idle' ? ' purpose-check--open' : ''}${due ? ' purpose-check--due' : ''}`}>
      {due ? (
        <p className="prompt-line">
          <span aria-hidden="true">⚑ </span>
          <span className="prompt-line__text">{kind === 'confirm' ? 'Confirm the purpose with them' : 'Check the purpose still holds'}</span>
          <Kbd accelerator={hotkey} />
        </p>
      ) : null}
      {confirm ? (
        <p className="purpose-check__done">
          <span aria-hidden="true">✓ </span>
          Purpose confirmed {formatTime(confirm.at)}
          {reconfirms.map((r) => (
            <span key={r.at}> · re-confirmed {formatTime(r.at)}</span>
          ))}
        </p>
      ) : null}

      {step === 'idle' && !(confirm && otherPrompt) ? (
        <div className="purpose-check__choices">
          {confirm ? (
            <button
              type="button"
              className={due ? 'button button--small' : 'button button--quiet button--small'}
              aria-keyshortcuts={hotkey}
              onClick={() => setStep('choosing')}
            >
              Check the purpose again
            </button>
          ) : (
            <button type="button" className="button button--small" aria-keyshortcuts={hotkey} onClick={() => setStep('choosing')}>
              Confirm purpose
            </button>
          )}
          {due ? <SnoozeButton snooze={snooze} accelerator={hotkeys.snoozePrompt} /> : null}
        </div>
      ) : null}

      {step === 'choosing' ? (
        <div className="purpose-check__choices">
          <button type="button" className="button button--small" disabled={save.pending} aria-keyshortcuts={hotkey} onClick={() => void answer('agreed')}>
            Agreed <Kbd accelerator={hotkey} />
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={save.pending}
            onClick={() => {
              setAdjusted((a) => a || meeting.purpose);
              setStep('adjusting');
            }}
          >
            Adjusted…
          </button>
          <button type="button" className="button button--quiet button--small" onClick={() => setStep('idle')}>
            Not yet
          </button>
        </div>
      ) : null}

      {step === 'adjusting' ? (
        <form
          className="purpose-check__adjust"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void answer('adjusted');
          }}
        >
          <label htmlFor="ov-adjusted" className="field__label">
            Adjusted purpose
          </label>
          <textarea
            id="ov-adjusted"
            className="input input--area"
            rows={3}
            value={adjusted}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'ov-adjusted-error' : undefined}
            onChange={(e) => setAdjusted(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void answer('adjusted');
              }
            }}
          />
          {fieldError ? <FieldMessage id="ov-adjusted-error">{fieldError}</FieldMessage> : null}
          <div className="purpose-check__choices">
            <button type="submit" className="button button--small" disabled={save.pending}>
              Save adjusted purpose
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => setStep('choosing')}>
              Back
            </button>
          </div>
        </form>
      ) : null}

      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
