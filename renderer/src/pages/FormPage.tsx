import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '../../../forms/api';
import { complaintInput, type ComplaintData, type ComplaintInput } from '../../../forms/complaint';
import { FORM_LAYOUTS, type FieldSpec } from '../../../forms/layouts';
import { toLocal } from '../../../forms/time';
import { CHANNEL_LABELS, FORM_C_CHANNELS, FORM_TITLES, GENDER_LABELS, GENDERS, type FormKind } from '../../../forms/vocabulary';
import { api } from '../api';
import { Field } from '../Field';
import { useSettings } from '../useSettings';

type Values = Record<string, string | boolean | null | undefined>;

function emptyValues(form: FormKind, tz: 'WIB' | 'WITA' | 'WIT'): Values {
  const { date, time } = toLocal(new Date(), tz);
  const v: Values = { form, receivedDate: date, receivedTime: time, anonymous: false, confidential: false, officer: '' };
  for (const section of FORM_LAYOUTS[form]) for (const f of section.fields) if (!(f.name in v)) v[f.name] = '';
  if (form === 'B') v.slipDate = '';
  return v;
}

export function FormPage({ form }: { form: FormKind }) {
  const settings = useSettings();
  const tz = settings?.timeZone ?? 'WIB';
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ComplaintInput, unknown, ComplaintData>({
    resolver: zodResolver(complaintInput),
    defaultValues: emptyValues(form, tz) as ComplaintInput,
  });
  const [saved, setSaved] = useState<{ registrationNo: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const startNew = useRef(false);
  const firstField = FORM_LAYOUTS[form][0]!.fields[0]!.name;

  useEffect(() => {
    if (settings) reset(emptyValues(form, settings.timeZone) as ComplaintInput);
  }, [settings, form, reset]);

  const onSubmit = async (data: ComplaintData) => {
    setFailure(null);
    setSaved(null);
    try {
      // The answer arrives only after the row is committed with synchronous=FULL.
      const res = await api.call('complaints.create', data as ComplaintInput);
      setSaved({ registrationNo: res.registrationNo });
      if (startNew.current) {
        reset(emptyValues(form, tz) as ComplaintInput);
        setFocus(firstField as never);
      }
    } catch (e) {
      if (e instanceof ApiError) {
        for (const [name, message] of Object.entries(e.fields)) setError(name as never, { message });
        setFailure(e.message);
      } else setFailure('Gagal menyimpan. Data belum tersimpan; coba lagi.');
    }
  };

  const errorOf = (name: string) => (errors as Record<string, { message?: string } | undefined>)[name]?.message;

  const renderInput = (f: FieldSpec, aria: Record<string, string | boolean>) => {
    const reg = register(f.name as never);
    switch (f.kind) {
      case 'textarea':
        return <textarea rows={5} {...aria} {...reg} />;
      case 'gender':
        return (
          <select {...aria} {...reg}>
            <option value="">—</option>
            {GENDERS.map((g) => (
              <option key={g} value={g}>
                {GENDER_LABELS[g]}
              </option>
            ))}
          </select>
        );
      case 'channel':
        return (
          <select {...aria} {...reg}>
            <option value="">— pilih —</option>
            {FORM_C_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        );
      default:
        return <input type={f.kind === 'tel' ? 'tel' : f.kind} autoComplete="off" {...aria} {...reg} />;
    }
  };

  return (
    <section>
      <h1>Formulir {form}</h1>
      <p className="subtitle">{FORM_TITLES[form]}</p>
      <form
        noValidate
        onSubmit={(e) => {
          startNew.current = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('data-new') === '1';
          void handleSubmit(onSubmit)(e);
        }}
      >
        {FORM_LAYOUTS[form].map((section, i) => (
          <fieldset key={i}>
            {section.title ? <legend>{section.title}</legend> : null}
            {section.fields.map((f) => (
              <Field key={f.name} id={`f-${f.name}`} label={f.label} required={f.required} hint={f.hint} error={errorOf(f.name)}>
                {(aria) => renderInput(f, aria)}
              </Field>
            ))}
          </fieldset>
        ))}
        <fieldset className="workflow">
          <legend>Data tambahan (bukan bagian formulir kertas)</legend>
          {form === 'B' ? (
            <label className="check">
              <input type="checkbox" {...register('anonymous')} /> Anonim (identitas pelapor disembunyikan)
            </label>
          ) : null}
          <label className="check">
            <input type="checkbox" {...register('confidential')} /> Rahasia (pengaduan tidak dipublikasikan)
          </label>
          {errorOf('anonymous') ? (
            <div className="error" role="alert">
              {errorOf('anonymous')}
            </div>
          ) : null}
          <Field id="f-officer" label="Petugas penerima" error={errorOf('officer')}>
            {(aria) => <input type="text" {...aria} {...register('officer')} />}
          </Field>
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={isSubmitting}>
            Simpan
          </button>
          <button type="submit" data-new="1" disabled={isSubmitting}>
            Simpan &amp; baru
          </button>
        </div>
        <div role="status" aria-live="polite" className="status">
          {saved ? (
            <p className="saved">
              Tersimpan. <span>Nomor registrasi</span>: <strong data-testid="registration-no">{saved.registrationNo}</strong>
            </p>
          ) : null}
        </div>
        {failure ? (
          <p className="error" role="alert">
            {failure}
          </p>
        ) : null}
      </form>
    </section>
  );
}
