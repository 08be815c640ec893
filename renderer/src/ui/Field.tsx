import type { ReactNode } from 'react';

/**
 * A labelled input with its message beside it. The label is the input's accessible name; the
 * message is linked with aria-describedby and announced (role=alert) when it appears.
 */
export function Field(props: { id: string; label: string; required?: boolean; hint?: string; error?: string; children: (aria: Record<string, string | boolean>) => ReactNode }) {
  const errId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.hint ? hintId : null, props.error ? errId : null].filter(Boolean).join(' ');
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      {/* The label holds only the paper's words: it is the input's accessible name. */}
      <div className="label-cell">
        <label htmlFor={props.id}>{props.label}</label>
        {props.required ? (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </div>
      {props.children({
        id: props.id,
        'aria-invalid': !!props.error,
        ...(props.required ? { 'aria-required': true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {props.hint ? (
        <div className="hint" id={hintId}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <div className="error" id={errId} role="alert">
          {props.error}
        </div>
      ) : null}
    </div>
  );
}
