import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm, type Control, type FieldErrors, type Resolver, type UseFormRegister } from 'react-hook-form';
import { initialValues, type FieldUi } from '../../../forms/action-fields';
import type { ComplaintDetail } from '../../../forms/complaint';
import { mayTake, specOf, type Action } from '../../../forms/workflow';
import { api } from '../app/api';
import { useAccount } from '../auth/AuthGate';
import { Field } from '../ui/Field';
import { formErrors, showFailure } from '../ui/failure';
import { Options } from '../ui/Options';

type Values = Record<string, unknown>;

/** What a field needs to draw itself inside an action's form. */
interface FieldProps {
  /** The value's path in the form (`targets.0.name`). */
  name: string;
  ui: FieldUi;
  register: UseFormRegister<Values>;
  control: Control<Values>;
  err: (name: string) => string | undefined;
  categories: string[];
}

const idOf = (name: string) => `a-${name.replace(/\./g, '-')}`;
const asBoolean = { setValueAs: (v: unknown) => v === true || v === 'true' };

/** One field of an action's form, drawn from its declaration (forms/workflow.ts). */
function ActionField({ name, ui, register, control, err, categories }: FieldProps) {
  switch (ui.kind) {
    case 'textarea':
    case 'text':
      return (
        <Field id={idOf(name)} label={ui.label} required={ui.required} error={err(name)}>
          {(aria) => (ui.kind === 'textarea' ? <textarea rows={3} {...aria} {...register(name)} /> : <input type="text" {...aria} {...register(name)} />)}
        </Field>
      );
    case 'select': {
      const labels = ui.labels;
      return (
        <Field id={idOf(name)} label={ui.label} required={ui.required} error={err(name)}>
          {(aria) => (
            <select {...aria} {...register(name)}>
              <Options values={ui.options === 'categories' ? categories : ui.options} labels={labels ? (k: string) => labels[k] ?? k : (k: string) => k} empty={ui.placeholder} />
            </select>
          )}
        </Field>
      );
    }
    case 'check':
      return (
        <label className="check">
          <input type="checkbox" {...register(name)} /> {ui.label}
        </label>
      );
    case 'checks':
      return (
        <fieldset>
          <legend>{ui.label}</legend>
          {ui.options.map((o) => (
            <label key={o} className="check">
              <input type="checkbox" value={o} {...register(name)} /> {ui.labels[o]}
            </label>
          ))}
        </fieldset>
      );
    case 'yesno':
      return (
        <fieldset>
          <legend>{ui.label}</legend>
          <label className="check">
            <input type="radio" value="true" {...register(name, asBoolean)} defaultChecked /> {ui.yes}
          </label>
          <label className="check">
            <input type="radio" value="false" {...register(name, asBoolean)} /> {ui.no}
          </label>
        </fieldset>
      );
    case 'list':
      return <ListField name={name} ui={ui} register={register} control={control} err={err} categories={categories} />;
  }
}

/** Several items of one small form, with buttons to add and remove items. */
function ListField(props: FieldProps & { ui: Extract<FieldUi, { kind: 'list' }> }) {
  const { name, ui, control, err } = props;
  const items = useFieldArray({ control, name: name as never });
  return (
    <div role="group" aria-label={ui.label}>
      {items.fields.map((item, i) => (
        <fieldset key={item.id} className="target">
          <legend>
            {ui.item} {i + 1}
          </legend>
          {Object.entries(ui.fields).map(([k, sub]) => (
            <ActionField key={k} {...props} name={`${name}.${i}.${k}`} ui={sub} />
          ))}
          {i > 0 ? (
            <button type="button" className="secondary" onClick={() => items.remove(i)}>
              {ui.remove}
            </button>
          ) : null}
        </fieldset>
      ))}
      {err(name) ? <div className="error" role="alert">{err(name)}</div> : null}
      <button type="button" className="secondary" onClick={() => items.append(ui.added as never)}>
        {ui.add}
      </button>
    </div>
  );
}

function ActionForm({ action, c, categories, onDone, onCancel }: { action: Action; c: ComplaintDetail; categories: string[]; onDone: (c: ComplaintDetail) => void; onCancel: () => void }) {
  const spec = specOf(action);
  const { register, handleSubmit, control, setError, formState } = useForm<Values>({
    resolver: zodResolver(spec.input) as unknown as Resolver<Values>,
    defaultValues: initialValues(spec.fields, c),
  });
  // The step is recorded under the signed-in account (the core takes it from the session).
  const me = useAccount().account;
  const [failure, setFailure] = useState<string | null>(null);
  const err = (name: string) => {
    let e: unknown = formState.errors as FieldErrors;
    for (const p of name.split('.')) e = (e as Record<string, unknown> | undefined)?.[p];
    return (e as { message?: string } | undefined)?.message;
  };

  const submit = async (input: Values) => {
    setFailure(null);
    try {
      onDone(await api.call('complaints.transition', { id: c.id, action, input } as never));
    } catch (e) {
      // The core names a step's fields under `input.`; the form has them at the top.
      showFailure(e, 'Gagal menyimpan tindakan.', setFailure, formErrors(setError, (k) => k.replace(/^input\./, '')));
    }
  };

  return (
    <form className="action-form" noValidate onSubmit={(e) => void handleSubmit(submit)(e)} aria-label={spec.label}>
      <h3>{spec.label}</h3>
      {Object.entries(spec.fields).map(([name, f]) => (
        <ActionField key={name} name={name} ui={f.ui} register={register} control={control} err={err} categories={categories} />
      ))}
      <p className="hint">Dicatat atas nama {me.name}.</p>
      {failure ? <p className="error" role="alert">{failure}</p> : null}
      <div className="actions">
        <button type="submit" disabled={formState.isSubmitting}>
          Simpan tindakan
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Batal
        </button>
      </div>
    </form>
  );
}

/** The actions the flow allows now (from the server), each with its own small form. */
export function ActionPanel({ c, categories, onChange }: { c: ComplaintDetail; categories: string[]; onChange: (c: ComplaintDetail) => void }) {
  const [open, setOpen] = useState<Action | null>(null);
  const { roles } = useAccount().account;
  if (c.allowedActions.length === 0) return <p>Kasus sudah ditutup; tidak ada tindakan lagi.</p>;
  // Only the steps this person's roles may take (forms/workflow.ts `by`); the core refuses the others.
  const mine = c.allowedActions.filter((a) => mayTake(a, roles));
  if (mine.length === 0) return null;
  return (
    <div className="action-panel">
      <div className="actions" role="group" aria-label="Tindakan">
        {mine.map((a) => (
          <button key={a} type="button" className={open === a ? '' : 'secondary'} aria-pressed={open === a} onClick={() => setOpen(a)}>
            {specOf(a).label}
          </button>
        ))}
      </div>
      {open ? (
        <ActionForm
          key={`${open}-${c.version}`}
          action={open}
          c={c}
          categories={categories}
          onCancel={() => setOpen(null)}
          onDone={(next) => {
            setOpen(null);
            onChange(next);
          }}
        />
      ) : null}
    </div>
  );
}
