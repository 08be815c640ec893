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
      <label htmlFor={props.id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.children({ id: props.id, 'aria-invalid': !!props.error, ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
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
