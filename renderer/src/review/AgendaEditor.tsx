// Runs in the renderer. An agenda being written — a meeting's (the prep form) or a stage's default (Settings): add
// items (with optional minutes), remove them, move them up or down, or start from the stage's template. Every control
// is a button or a field, so it all works from the keyboard; after a move, focus stays on the item that moved. The
// core's messages for an item appear under that item.
import { useRef, useState, type KeyboardEvent } from 'react';
import type { StageTemplateItem } from '../../../shared/domain';
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
export const draftItems = (items: readonly StageTemplateItem[]): AgendaDraftItem[] =>
  items.map((i) => agendaItem(i.text, i.minutes ? String(i.minutes) : ''));

/** The stage's template, offered in place of (or after) an agenda the rep already wrote. */
export interface TemplateOffer {
  stage: string;
  items: readonly StageTemplateItem[];
}

interface Props {
  idPrefix: string;
  /** The visible name of the list ("Agenda", "Default agenda"). */
  legend?: string;
  items: AgendaDraftItem[];
  onChange: (items: AgendaDraftItem[]) => void;
  /** What is typed but not yet added (kept by the form, so saving can include it). */
  pending: { text: string; minutes: string };
  onPendingChange: (pending: { text: string; minutes: string }) => void;
  /** The current stage's template: the placeholders, and the "use it" button while the agenda is empty. */
  template?: TemplateOffer | undefined;
  /** Asks the rep whether a newly picked stage's template replaces or follows their own agenda. */
  offer?: TemplateOffer | null | undefined;
  onOfferClosed?: () => void;
  /** What just happened to the list, said by the form (a stage's template filled it). */
  notice?: string;
  errors: FieldErrors | undefined;
}

const toMinutes = (text: string) => (Number(text) > 0 ? Number(text) : 0);

export function AgendaEditor(props: Props) {
  const { idPrefix, legend = 'Agenda', items, onChange, pending, onPendingChange, template, offer, onOfferClosed, notice, errors } = props;
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const textId = `${idPrefix}-new`;
  const minutesId = `${idPrefix}-minutes`;
  const total = items.reduce((sum, i) => sum + toMinutes(i.minutes), 0);
  const listError = errors?.agenda;
  const suggestions = template?.items ?? [];
  const moveId = (direction: 'up' | 'down', index: number) => `${idPrefix}-${direction}-${index}`;

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

  const move = (index: number, direction: 'up' | 'down') => {
    const to = direction === 'up' ? index - 1 : index + 1;
    if (to < 0 || to >= items.length) return;
    const next = items.slice();
    [next[index], next[to]] = [next[to]!, next[index]!];
    onChange(next);
    setStatus(`Moved ${next[to]!.text} to position ${to + 1} of ${items.length}.`);
    // Keep focus on the item that moved; at either end its button in that direction is disabled, so take the other.
    const atEnd = direction === 'up' ? to === 0 : to === items.length - 1;
    requestAnimationFrame(() => document.getElementById(moveId(atEnd ? (direction === 'up' ? 'down' : 'up') : direction, to))?.focus());
  };

  const applyTemplate = (what: TemplateOffer, how: 'replace' | 'append') => {
    onChange([...(how === 'append' ? items : []), ...draftItems(what.items)]);
    setStatus(how === 'append' ? `Added the ${what.stage} agenda after yours.` : `The agenda is now the ${what.stage} agenda.`);
    onOfferClosed?.();
    inputRef.current?.focus();
  };

  const enterAdds = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      add();
    }
  };

  return (
    <fieldset className="agenda-editor" aria-describedby={listError ? `${idPrefix}-error` : undefined}>
      <legend className="field__label">
        {legend} <span className="optional">({items.length === 0 ? 'optional' : plural(items.length, 'item', 'items')}{total > 0 ? `, ${total} min` : ''})</span>
      </legend>
      {listError ? <FieldMessage id={`${idPrefix}-error`}>{listError}</FieldMessage> : null}
      {offer && items.length > 0 ? (
        <div className="agenda-editor__offer" role="group" aria-labelledby={`${idPrefix}-offer`}>
          <p id={`${idPrefix}-offer`}>
            Your agenda is kept. Use the {offer.stage} agenda ({plural(offer.items.length, 'item', 'items')}) too?
          </p>
          <div className="agenda-editor__offer-actions">
            <button type="button" className="button button--secondary button--small" onClick={() => applyTemplate(offer, 'append')}>
              Add it after mine
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => applyTemplate(offer, 'replace')}>
              Replace mine
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => onOfferClosed?.()}>
              Keep mine only
            </button>
          </div>
        </div>
      ) : null}
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
                <span className="agenda-editor__tools">
                  <button type="button" id={moveId('up', i)} className="button button--quiet button--small button--icon" disabled={i === 0} onClick={() => move(i, 'up')}>
                    <span aria-hidden="true">↑</span>
                    <span className="visually-hidden">Move up: {item.text}</span>
                  </button>
                  <button
                    type="button"
                    id={moveId('down', i)}
                    className="button button--quiet button--small button--icon"
                    disabled={i === items.length - 1}
                    onClick={() => move(i, 'down')}
                  >
                    <span aria-hidden="true">↓</span>
                    <span className="visually-hidden">Move down: {item.text}</span>
                  </button>
                  <button
                    type="button"
                    id={`${idPrefix}-item-${i}`}
                    className="button button--quiet button--small"
                    aria-describedby={error ? `${idPrefix}-item-${i}-error` : undefined}
                    onClick={() => remove(i)}
                  >
                    Remove<span className="visually-hidden"> agenda item: {item.text}</span>
                  </button>
                </span>
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
            placeholder={suggestions[items.length] ? `e.g. ${suggestions[items.length]!.text}` : 'Another item'}
            autoComplete="off"
            onChange={(e) => onPendingChange({ ...pending, text: e.target.value })}
            onKeyDown={enterAdds}
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
            onKeyDown={enterAdds}
          />
        </div>
        <button type="button" className="button button--secondary" onClick={add}>
          Add<span className="visually-hidden"> agenda item</span>
        </button>
      </div>
      {items.length === 0 && template && template.items.length > 0 ? (
        <button type="button" className="button button--quiet button--small agenda-editor__suggest" onClick={() => applyTemplate(template, 'replace')}>
          Use the {template.stage} agenda ({plural(template.items.length, 'item', 'items')})
        </button>
      ) : null}
      <p className="agenda-editor__notice" role="status">
        {notice}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>
    </fieldset>
  );
}
