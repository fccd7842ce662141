// Runs in the renderer. Form fields with a visible label, an optional hint and the core's message under the field,
// wired for assistive tech (`aria-describedby`, `aria-invalid`). Forms never use native validation bubbles: the
// core's plain sentences are the messages.
import type { ChangeEvent, KeyboardEvent, ReactNode, Ref } from 'react';
import type { ApiError } from '../api';

export type FieldErrors = Readonly<Record<string, string>>;

/** The message for a field key, or for anything nested under it ("agenda" catches "agenda.0.text"). */
export function errorFor(errors: FieldErrors | undefined, key: string): string | undefined {
  if (!errors) return undefined;
  if (errors[key]) return errors[key];
  const nested = Object.keys(errors).find((k) => k.startsWith(`${key}.`));
  return nested ? errors[nested] : undefined;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

interface ShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** A coaching note on what was typed (not an error: it does not block anything). */
  coach?: string | undefined;
  error?: string | undefined;
  className?: string;
  /** Shown after the control on the same line (a unit, an echo of the parsed value). */
  after?: ReactNode;
  children: (a11y: { id: string; 'aria-describedby': string | undefined; 'aria-invalid': true | undefined }) => ReactNode;
}

/** Label, control, hint and error message in the right order and wired together. */
export function Field({ id, label, hint, coach, error, className, after, children }: ShellProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const coachId = coach && !error ? `${id}-coach` : undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="field__control">
        {children({ id, 'aria-describedby': describedBy(errorId, coachId, hintId), 'aria-invalid': error ? true : undefined })}
        {after}
      </div>
      <FieldNotes error={error} errorId={errorId} coach={coach} coachId={coachId} hint={hint} hintId={hintId} />
    </div>
  );
}

/** Under a control, in reading order: the core's message, the coach's note, the hint — each with the id the
 * control's aria-describedby points at. */
function FieldNotes(props: { error?: string | undefined; errorId: string | undefined; coach?: string | undefined; coachId: string | undefined; hint?: ReactNode; hintId: string | undefined }) {
  const { error, errorId, coach, coachId, hint, hintId } = props;
  return (
    <>
      {error ? <FieldMessage id={errorId!}>{error}</FieldMessage> : null}
      {coachId ? <CoachNote id={coachId}>{coach}</CoachNote> : null}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </>
  );
}

export function FieldMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="field__error" id={id}>
      {children}
    </p>
  );
}

export function CoachNote({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="field__coach" id={id}>
      {children}
    </p>
  );
}

type InputProps = Omit<ShellProps, 'children'> & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'datetime-local';
  placeholder?: string | undefined;
  required?: boolean;
  list?: string;
  min?: string | number;
  max?: string | number;
  inputMode?: 'numeric' | 'text';
  autoComplete?: string;
  inputRef?: Ref<HTMLInputElement>;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
};

export function TextField({ value, onChange, type = 'text', placeholder, required, list, min, max, inputMode, autoComplete, inputRef, onKeyDown, ...shell }: InputProps) {
  return (
    <Field {...shell}>
      {(a11y) => (
        <input
          {...a11y}
          ref={inputRef}
          className="input"
          type={type}
          value={value}
          placeholder={placeholder}
          aria-required={required || undefined}
          list={list}
          min={min}
          max={max}
          inputMode={inputMode}
          autoComplete={autoComplete ?? 'off'}
          onKeyDown={onKeyDown}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

type AreaProps = Omit<ShellProps, 'children'> & {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string | undefined;
  required?: boolean;
  rows?: number;
};

export function TextAreaField({ value, onChange, placeholder, required, rows = 2, ...shell }: AreaProps) {
  return (
    <Field {...shell}>
      {(a11y) => (
        <textarea
          {...a11y}
          className="input input--area"
          rows={rows}
          value={value}
          placeholder={placeholder}
          aria-required={required || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
}

type SelectProps<V extends string> = Omit<ShellProps, 'children'> & {
  value: V;
  onChange: (value: V) => void;
  options: readonly Choice<V>[];
};

export function SelectField<V extends string>({ value, onChange, options, ...shell }: SelectProps<V>) {
  return (
    <Field {...shell}>
      {(a11y) => (
        <select {...a11y} className="input input--select" value={value} onChange={(e) => onChange(e.target.value as V)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

type CheckboxProps = {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  coach?: string | undefined;
  error?: string | undefined;
  className?: string;
};

export function CheckboxField({ id, label, checked, onChange, hint, coach, error, className }: CheckboxProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const coachId = coach && !error ? `${id}-coach` : undefined;
  return (
    <div className={['field', 'field--check', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <div className="check">
        <input
          id={id}
          type="checkbox"
          className="check__box"
          checked={checked}
          aria-describedby={describedBy(errorId, coachId, hintId)}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label className="check__label" htmlFor={id}>
          {label}
        </label>
      </div>
      <FieldNotes error={error} errorId={errorId} coach={coach} coachId={coachId} hint={hint} hintId={hintId} />
    </div>
  );
}

type RadioProps<V extends string> = {
  id: string;
  /** The group's name, shown as its label ("Owner"). */
  label: string;
  value: V | '';
  onChange: (value: V) => void;
  options: readonly Choice<V>[];
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
};

/** A `radiogroup` named by its visible label; arrow keys move between options as usual for radios. */
export function RadioGroupField<V extends string>({ id, label, value, onChange, options, hint, error, className }: RadioProps<V>) {
  const labelId = `${id}-label`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <span className="field__label" id={labelId}>
        {label}
      </span>
      <div
        id={id}
        role="radiogroup"
        className="radios"
        aria-labelledby={labelId}
        aria-describedby={describedBy(errorId, hintId)}
        aria-invalid={error ? true : undefined}
        tabIndex={-1}
      >
        {options.map((o) => (
          <label key={o.value} className="radio">
            <input
              type="radio"
              className="radio__input"
              name={id}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error ? <FieldMessage id={errorId!}>{error}</FieldMessage> : null}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export interface SummaryField {
  /** The id of the control to move focus to. */
  id: string;
}

/**
 * The `role=alert` summary above a form: the core's sentence, then each field's message as a link to the field.
 * Messages for keys the form does not show (a root-level rule) are listed as plain text.
 */
export function ErrorSummary({
  error,
  fields,
  summaryRef,
}: {
  error: ApiError | null;
  fields: Readonly<Record<string, SummaryField>>;
  summaryRef?: Ref<HTMLDivElement>;
}) {
  if (!error) return null;
  const target = (key: string): SummaryField | undefined => fields[key] ?? fields[key.split('.')[0] ?? ''];
  // In the order the fields appear on screen, whatever order the core listed them in.
  const entries = Object.entries(error.fields).sort(([a], [b]) => byDocumentOrder(target(a)?.id, target(b)?.id));
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
      <p className="error-summary__title">{error.message}</p>
      {entries.length > 0 ? (
        <ul className="error-summary__list">
          {entries.map(([key, message]) => {
            const field = target(key);
            return (
              <li key={key}>
                {field ? (
                  <a
                    href={`#${field.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      focusField(field.id);
                    }}
                  >
                    {message}
                  </a>
                ) : (
                  message
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/** Moves focus to a field (or the first control inside a group) and brings it into view. */
export function focusField(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  const control = el.matches('input, select, textarea, button')
    ? el
    : (el.querySelector<HTMLElement>('input:checked, input, select, textarea, button') ?? el);
  control.focus();
  control.scrollIntoView?.({ block: 'center' });
}

/** Sorts element ids by where they are in the page (unknown ones last). */
export function byDocumentOrder(a: string | undefined, b: string | undefined): number {
  const ea = a ? document.getElementById(a) : null;
  const eb = b ? document.getElementById(b) : null;
  if (!ea || !eb) return ea ? -1 : eb ? 1 : 0;
  if (ea === eb) return 0;
  return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** The first of these field ids on screen. */
export const firstOnScreen = (ids: (string | undefined)[]): string | undefined =>
  ids.filter((id): id is string => !!id).sort(byDocumentOrder)[0];
