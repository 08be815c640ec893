// Date and time fields a clerk types into: one text box each, 25/11/2026 and 14.16 on every PC.
//
// Why not <input type="date|time">: Chromium draws them in the browser's own language (an English
// Chrome shows 11/25/2026 and 02:16 PM whatever the page says), every segment is its own Tab stop
// (a prefilled time and date took 8 Tabs to pass), and typing into a segment that already holds a
// year appends to it (year 11990). A text box is one Tab stop, selects all on focus so retyping
// replaces, stops the year at four digits, and reads the short forms in forms/date-input.ts. The
// calendar button stays for the mouse but out of the Tab order (Alt+↓ opens it from the keyboard).
import { forwardRef, useId, useRef, useState, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import {
  DATE_PLACEHOLDER,
  dateInputProblem,
  dateInputText,
  maskDateTyping,
  maskTimeTyping,
  parseDateInput,
  parseTimeInput,
  TIME_PLACEHOLDER,
  timeInputProblem,
  timeInputText,
  type Parsed,
} from '../../../forms/date-input';
import { isValidDate } from '../../../forms/time';
import { Field } from './Field';

export type DateTimeKind = 'date' | 'time';

/**
 * `value` is a wire value (YYYY-MM-DD or HH:mm), '' when empty, or the text of an entry that could
 * not be read. `onChange` reports it on every keystroke, or with `commitOnBlur` only on leaving the
 * field, Enter or the calendar (for fields whose every change loads something, like a recap period).
 */
type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & { value: string; onChange: (value: string) => void; commitOnBlur?: boolean };

const KINDS = {
  date: { toText: dateInputText, parse: (t: string) => parseDateInput(t, new Date().getFullYear()), mask: maskDateTyping, placeholder: DATE_PLACEHOLDER, maxLength: 10, problem: dateInputProblem },
  time: { toText: timeInputText, parse: parseTimeInput, mask: maskTimeTyping, placeholder: TIME_PLACEHOLDER, maxLength: 5, problem: timeInputProblem },
} satisfies Record<DateTimeKind, { toText: (v: string) => string; parse: (t: string) => Parsed; mask: (p: string, n: string) => string; placeholder: string; maxLength: number; problem: (label: string, value: string) => string | null }>;

/** The message for a field value that is not a wire value, or null. */
export const dateTimeProblem = (kind: DateTimeKind, label: string, value: string) => KINDS[kind].problem(label, value);

/** The text box both fields share: keeps what is typed, reports the value it stands for. */
const TypedInput = forwardRef<HTMLInputElement, Props & { kind: DateTimeKind }>(function TypedInput({ kind, value, onChange, onBlur, onKeyDown, commitOnBlur = false, className, ...rest }, ref) {
  const k = KINDS[kind];
  const [text, setText] = useState(() => k.toText(value));
  const reported = useRef(value);
  // A value set from outside (a reset, a resumed draft, the calendar) replaces the text.
  if (value !== reported.current) {
    reported.current = value;
    setText(k.toText(value));
  }
  const report = (next: string) => {
    const parsed = k.parse(next);
    const v = next.trim() === '' ? '' : parsed.ok ? parsed.value : next;
    if (v === reported.current) return;
    reported.current = v;
    onChange(v);
  };
  // Leaving the field (or Enter) writes the entry the way it was read: 2511 becomes 25/11/2026.
  const commit = () => {
    const parsed = k.parse(text);
    if (parsed.ok) setText(k.toText(parsed.value));
    report(text);
  };
  return (
    <input
      ref={ref}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder={k.placeholder}
      maxLength={k.maxLength}
      className={className ? `typed-${kind} ${className}` : `typed-${kind}`}
      {...rest}
      value={text}
      onChange={(e) => {
        const next = k.mask(text, e.target.value);
        setText(next);
        if (!commitOnBlur) report(next);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        onKeyDown?.(e);
      }}
      onBlur={(e) => {
        commit();
        onBlur?.(e);
      }}
    />
  );
});

export const TimeInput = forwardRef<HTMLInputElement, Props>(function TimeInput(props, ref) {
  return <TypedInput kind="time" ref={ref} {...props} />;
});

export const DateInput = forwardRef<HTMLInputElement, Props>(function DateInput(props, ref) {
  const picker = useRef<HTMLInputElement>(null);
  const text = useRef<HTMLInputElement | null>(null);
  const open = () => {
    const p = picker.current;
    if (!p) return;
    p.value = isValidDate(props.value) ? props.value : '';
    try {
      p.showPicker();
    } catch {
      // No picker here (an old engine, or no user gesture): the field is still typed into.
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault();
      open();
    }
    props.onKeyDown?.(e);
  };
  return (
    <span className="date-input">
      <TypedInput
        kind="date"
        {...props}
        onKeyDown={onKeyDown}
        ref={(el) => {
          text.current = el;
          if (typeof ref === 'function') ref(el);
          else if (ref) ref.current = el;
        }}
      />
      <button type="button" className="calendar-button" tabIndex={-1} aria-label="Pilih dari kalender" title="Pilih dari kalender" disabled={props.disabled} onClick={open}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M4 1v2M12 1v2M1.5 5.5h13M2 3h12a.5.5 0 0 1 .5.5v10a.5.5 0 0 1-.5.5H2a.5.5 0 0 1-.5-.5v-10A.5.5 0 0 1 2 3z" fill="none" stroke="currentColor" strokeWidth="1.3" />
        </svg>
      </button>
      {/* Only the browser's calendar pop-up is used from this one; it is never shown or focused. */}
      <input
        ref={picker}
        type="date"
        className="picker-proxy"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          if (!e.target.value) return;
          props.onChange(e.target.value);
          text.current?.focus();
        }}
      />
    </span>
  );
});

/**
 * A labelled date or time field of a react-hook-form form. An entry that cannot be read stays in
 * the form as typed (so a draft keeps it and the schema refuses it), and the message beside the
 * field says what is wrong once the clerk has left the field or tried to save.
 */
export function DateTimeField<T extends FieldValues>(props: { kind: DateTimeKind; control: Control<T>; name: Path<T>; id: string; label: string; required?: boolean; hint?: string }) {
  const Input = props.kind === 'date' ? DateInput : TimeInput;
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState, formState }) => {
        const value = typeof field.value === 'string' ? field.value : '';
        const problem = fieldState.isTouched || formState.isSubmitted ? dateTimeProblem(props.kind, props.label, value) : null;
        return (
          <Field id={props.id} label={props.label} required={props.required} hint={props.hint} error={problem ?? fieldState.error?.message}>
            {(aria) => <Input {...aria} ref={field.ref} name={field.name} value={value} onChange={field.onChange} onBlur={field.onBlur} disabled={field.disabled} />}
          </Field>
        );
      }}
    />
  );
}

/**
 * A date field outside a form library (list filters, recap periods, a letter's date): the label
 * before it, the message after it. `onChange` only ever receives a wire date or ''; an entry that
 * cannot be read keeps the last good value and says so beside the field.
 */
export function InlineDateField({ label, value, onChange, required = false }: { label: string; value: string; onChange: (value: string) => void; required?: boolean }) {
  const id = useId();
  const [typed, setTyped] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  // A new value from outside (another period chosen, filters cleared) replaces a bad entry.
  const [outside, setOutside] = useState(value);
  if (value !== outside) {
    setOutside(value);
    setTyped(null);
  }
  const shown = typed ?? value;
  const problem = touched ? (required && shown === '' ? `${label} wajib diisi.` : dateTimeProblem('date', label, shown)) : null;
  const errId = `${id}-error`;
  return (
    <span className="inline-field">
      <label htmlFor={id}>{label}</label>
      <DateInput
        id={id}
        commitOnBlur
        value={shown}
        aria-invalid={!!problem}
        aria-describedby={problem ? errId : undefined}
        onChange={(v) => {
          const good = v === '' ? !required : isValidDate(v);
          setTyped(good ? null : v);
          if (good) onChange(v);
        }}
        onBlur={() => setTouched(true)}
      />
      {problem ? (
        <span className="error" id={errId} role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
