import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm, type Resolver } from 'react-hook-form';
import { ApiError } from '../../../forms/api';
import type { ComplaintDetail } from '../../../forms/complaint';
import {
  CLASSIFICATION_LABELS,
  CLASSIFICATIONS,
  FORWARD_KIND_LABELS,
  FORWARD_KINDS,
  JENIS,
  JENIS_LABELS,
  OUTCOME_LABELS,
  OUTCOMES,
  SANCTION_LABELS,
  SANCTIONS,
} from '../../../forms/vocabulary';
import { ACTION_INPUTS, WORKFLOW, type Action } from '../../../forms/workflow';
import { api } from '../app/api';
import { Field } from '../ui/Field';
import { Options } from '../ui/Options';

type Values = Record<string, unknown>;

const TEXT_FIELD: Partial<Record<Action, [string, string]>> = {
  minta_kelengkapan: ['note', 'Hal yang perlu dilengkapi'],
  arsipkan: ['note', 'Alasan pengarsipan'],
  jawab_langsung: ['answer', 'Penyelesaian'],
  jawab: ['answer', 'Jawaban'],
  tindak_lanjut: ['note', 'Perkembangan tindak lanjut'],
};

function defaults(action: Action, c: ComplaintDetail): Values {
  switch (action) {
    case 'verifikasi':
      return { classification: c.classification ?? '', jenis: c.jenis ?? '', darwas: c.darwas ?? false, category: c.category ?? '', anonymous: c.anonymous, confidential: c.confidential, note: '' };
    case 'teruskan':
      return { targets: [{ kind: 'unit', name: '', copy: false }], letterNo: '', note: '' };
    case 'selesaikan':
      return { outcome: '', sanctions: [], note: '' };
    case 'kepuasan':
      return { satisfied: true, note: '' };
    default:
      return { [TEXT_FIELD[action]![0]]: '' };
  }
}

function ActionForm({ action, c, categories, onDone, onCancel }: { action: Action; c: ComplaintDetail; categories: string[]; onDone: (c: ComplaintDetail) => void; onCancel: () => void }) {
  const { register, handleSubmit, control, setError, formState } = useForm<Values>({
    resolver: zodResolver(ACTION_INPUTS[action]) as unknown as Resolver<Values>,
    defaultValues: defaults(action, c),
  });
  const targets = useFieldArray({ control, name: 'targets' as never });
  const [actor, setActor] = useState(() => sessionStorage.getItem('loket-officer') ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const err = (name: string) => {
    const parts = name.split('.');
    let e: unknown = formState.errors;
    for (const p of parts) e = (e as Record<string, unknown> | undefined)?.[p];
    return (e as { message?: string } | undefined)?.message;
  };

  const submit = async (input: Values) => {
    setFailure(null);
    try {
      sessionStorage.setItem('loket-officer', actor);
      onDone(await api.call('complaints.transition', { id: c.id, action, input, actor } as never));
    } catch (e) {
      if (e instanceof ApiError) for (const [k, m] of Object.entries(e.fields)) setError(k.replace(/^input\./, ''), { message: m });
      setFailure(e instanceof Error ? e.message : 'Gagal menyimpan tindakan.');
    }
  };

  const textarea = (name: string, label: string, required = true) => (
    <Field id={`a-${name}`} label={label} required={required} error={err(name)}>
      {(aria) => <textarea rows={3} {...aria} {...register(name)} />}
    </Field>
  );

  return (
    <form className="action-form" noValidate onSubmit={(e) => void handleSubmit(submit)(e)} aria-label={WORKFLOW[action].label}>
      <h3>{WORKFLOW[action].label}</h3>
      {TEXT_FIELD[action] ? textarea(TEXT_FIELD[action][0], TEXT_FIELD[action][1]) : null}
      {action === 'verifikasi' ? (
        <>
          <Field id="a-classification" label="Klasifikasi" required error={err('classification')}>
            {(aria) => (
              <select {...aria} {...register('classification')}>
                <Options values={CLASSIFICATIONS} labels={CLASSIFICATION_LABELS} empty="— pilih —" />
              </select>
            )}
          </Field>
          <Field id="a-jenis" label="Jenis pengaduan" required error={err('jenis')}>
            {(aria) => (
              <select {...aria} {...register('jenis')}>
                <Options values={JENIS} labels={JENIS_LABELS} empty="— pilih —" />
              </select>
            )}
          </Field>
          <label className="check">
            <input type="checkbox" {...register('darwas')} /> Berkadar pengawasan (DarWas)
          </label>
          <Field id="a-category" label="Kategori" required error={err('category')}>
            {(aria) => (
              <select {...aria} {...register('category')}>
                <Options values={categories} labels={(k) => k} empty="— pilih —" />
              </select>
            )}
          </Field>
          <label className="check">
            <input type="checkbox" {...register('anonymous')} /> Anonim
          </label>
          <label className="check">
            <input type="checkbox" {...register('confidential')} /> Rahasia
          </label>
          {textarea('note', 'Catatan', false)}
        </>
      ) : null}
      {action === 'teruskan' ? (
        <>
          {targets.fields.map((t, i) => (
            <fieldset key={t.id} className="target">
              <legend>Tujuan {i + 1}</legend>
              <Field id={`a-targets-${i}-kind`} label="Diteruskan kepada" error={err(`targets.${i}.kind`)}>
                {(aria) => (
                  <select {...aria} {...register(`targets.${i}.kind`)}>
                    <Options values={FORWARD_KINDS} labels={FORWARD_KIND_LABELS} />
                  </select>
                )}
              </Field>
              <Field id={`a-targets-${i}-name`} label="Nama tujuan" required error={err(`targets.${i}.name`)}>
                {(aria) => <input type="text" {...aria} {...register(`targets.${i}.name`)} />}
              </Field>
              <label className="check">
                <input type="checkbox" {...register(`targets.${i}.copy`)} /> Tembusan
              </label>
              {i > 0 ? (
                <button type="button" className="secondary" onClick={() => targets.remove(i)}>
                  Hapus tujuan
                </button>
              ) : null}
            </fieldset>
          ))}
          {err('targets') ? <div className="error" role="alert">{err('targets')}</div> : null}
          <button type="button" className="secondary" onClick={() => targets.append({ kind: 'instansi_lain', name: '', copy: true } as never)}>
            Tambah tujuan
          </button>
          <Field id="a-letterNo" label="Nomor surat" error={err('letterNo')}>
            {(aria) => <input type="text" {...aria} {...register('letterNo')} />}
          </Field>
          {textarea('note', 'Catatan', false)}
        </>
      ) : null}
      {action === 'selesaikan' ? (
        <>
          <Field id="a-outcome" label="Hasil penanganan" required error={err('outcome')}>
            {(aria) => (
              <select {...aria} {...register('outcome')}>
                <Options values={OUTCOMES} labels={OUTCOME_LABELS} empty="— pilih —" />
              </select>
            )}
          </Field>
          <fieldset>
            <legend>Sanksi</legend>
            {SANCTIONS.map((s) => (
              <label key={s} className="check">
                <input type="checkbox" value={s} {...register('sanctions')} /> {SANCTION_LABELS[s]}
              </label>
            ))}
          </fieldset>
          {textarea('note', 'Ringkasan penyelesaian')}
        </>
      ) : null}
      {action === 'kepuasan' ? (
        <>
          <fieldset>
            <legend>Pernyataan pelapor</legend>
            <label className="check">
              <input type="radio" value="true" {...register('satisfied', { setValueAs: (v) => v === true || v === 'true' })} defaultChecked /> Puas
            </label>
            <label className="check">
              <input type="radio" value="false" {...register('satisfied', { setValueAs: (v) => v === true || v === 'true' })} /> Tidak puas (kembali ke tim)
            </label>
          </fieldset>
          {textarea('note', 'Catatan', false)}
        </>
      ) : null}
      <Field id="a-actor" label="Petugas">
        {(aria) => <input type="text" {...aria} value={actor} onChange={(e) => setActor(e.target.value)} />}
      </Field>
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
  if (c.allowedActions.length === 0) return <p>Kasus sudah ditutup; tidak ada tindakan lagi.</p>;
  return (
    <div className="action-panel">
      <div className="actions" role="group" aria-label="Tindakan">
        {(c.allowedActions as Action[]).map((a) => (
          <button key={a} type="button" className={open === a ? '' : 'secondary'} aria-pressed={open === a} onClick={() => setOpen(a)}>
            {WORKFLOW[a].label}
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
