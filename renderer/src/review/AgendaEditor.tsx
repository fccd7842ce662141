// Runs in the renderer. The agenda of a meeting being planned: add items (with optional minutes), remove them, or
// start from the stage's suggested agenda. The core's messages for an item appear under that item.
import { useRef, useState } from 'react';
import { errorFor, FieldMessage, type FieldErrors } from '../ui/fields';
import { plural } from '../ui/format';

export interface AgendaDraftItem {
  key: number;
  text: string;
  /** As typed; empty means no time box. */
  minutes: string;
}

let nextKey = 1;
export const agendaItem = (text: string, minutes = ''): AgendaDraftItem => ({ key: nextKey++, text, minutes });

interface Props {
  idPrefix: string;
  items: AgendaDraftItem[];
  onChange: (items: AgendaDraftItem[]) => void;
  /** What is typed but not yet added (kept by the form, so saving can include it). */
  pending: { text: string; minutes: string };
  onPendingChange: (pending: { text: string; minutes: string }) => void;
  suggestions: readonly string[];
  stage: string;
  errors: FieldErrors | undefined;
}

export function AgendaEditor({ idPrefix, items, onChange, pending, onPendingChange, suggestions, stage, errors }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const textId = `${idPrefix}-new`;
  const minutesId = `${idPrefix}-minutes`;
  const total = items.reduce((sum, i) => sum + (Number(i.minutes) > 0 ? Number(i.minutes) : 0), 0);
  const listError = errors?.agenda;

  const add = () => {
    const text = pending.text.trim();
    if (!text) {
      inputRef.current?.focus();
      return;
    }
    onChange([...items, agendaItem(text, pending.minutes.trim())]);
    onPendingChange({ text: '', minutes: '' });
    setStatus(`Added: ${text}`);
    inputRef.current?.focus();
  };

  const remove = (index: number) => {
    const item = items[index];
    onChange(items.filter((_, i) => i !== index));
    setStatus(item ? `Removed: ${item.text}` : '');
    inputRef.current?.focus();
  };

  return (
    <fieldset className="agenda-editor" aria-describedby={listError ? `${idPrefix}-error` : undefined}>
      <legend className="field__label">
        Agenda <span className="optional">({items.length === 0 ? 'optional' : plural(items.length, 'item', 'items')}{total > 0 ? `, ${total} min` : ''})</span>
      </legend>
      {listError ? <FieldMessage id={`${idPrefix}-error`}>{listError}</FieldMessage> : null}
      {items.length > 0 ? (
        <ol className="agenda-editor__items">
          {items.map((item, i) => {
            const error = errorFor(errors, `agenda.${i}`);
            return (
              <li key={item.key} className={`agenda-editor__item${error ? ' agenda-editor__item--invalid' : ''}`}>
                <span className="agenda-editor__num" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="agenda-editor__text">{item.text}</span>
                {item.minutes ? <span className="agenda-editor__minutes">{item.minutes} min</span> : null}
                <button
                  type="button"
                  id={`${idPrefix}-item-${i}`}
                  className="button button--quiet button--small"
                  aria-describedby={error ? `${idPrefix}-item-${i}-error` : undefined}
                  onClick={() => remove(i)}
                >
                  Remove<span className="visually-hidden"> agenda item: {item.text}</span>
                </button>
                {error ? <FieldMessage id={`${idPrefix}-item-${i}-error`}>{error}</FieldMessage> : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      <div className="agenda-editor__add">
        <div className="field agenda-editor__new">
          <label className="visually-hidden" htmlFor={textId}>
            New agenda item
          </label>
          <input
            ref={inputRef}
            id={textId}
            className="input"
            value={pending.text}
            placeholder={suggestions[items.length] ? `e.g. ${suggestions[items.length]}` : 'Another item'}
            autoComplete="off"
            onChange={(e) => onPendingChange({ ...pending, text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <div className="field agenda-editor__mins">
          <label className="visually-hidden" htmlFor={minutesId}>
            Minutes for the new item (optional)
          </label>
          <input
            id={minutesId}
            className="input"
            type="number"
            min={1}
            max={480}
            inputMode="numeric"
            placeholder="min"
            value={pending.minutes}
            onChange={(e) => onPendingChange({ ...pending, minutes: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <button type="button" className="button button--secondary" onClick={add}>
          Add<span className="visually-hidden"> agenda item</span>
        </button>
      </div>
      {items.length === 0 && suggestions.length > 0 ? (
        <button
          type="button"
          className="button button--quiet button--small agenda-editor__suggest"
          onClick={() => {
            onChange(suggestions.map((text) => agendaItem(text)));
            setStatus(`Added the suggested agenda for a ${stage.toLowerCase()}.`);
          }}
        >
          Use a suggested agenda for this stage
        </button>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>
    </fieldset>
  );
}
