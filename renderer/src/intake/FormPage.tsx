import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { ApiError } from '../../../forms/api';
import { ATTACHMENT_ACCEPT, formatSize, type AttachmentRef } from '../../../forms/attachments';
import { complaintInput, type ComplaintInput } from '../../../forms/complaint';
import { FORM_LAYOUTS, PAPER_NOTES, type AnyFieldSpec } from '../../../forms/layouts';
import { formatDateTime } from '../../../forms/format';
import { toLocal, type TimeZone } from '../../../forms/time';
import { CHANNEL_LABELS, FORM_C_CHANNELS, FORM_TITLES, GENDER_LABELS, GENDERS, type FormKind } from '../../../forms/vocabulary';
import { api } from '../app/api';
import { DateTimeField } from '../ui/DateTimeInput';
import { Field } from '../ui/Field';
import { FilePicker } from '../ui/FilePicker';
import { Options } from '../ui/Options';
import { fileToBase64 } from '../ui/files';
import { PrintPanel } from '../complaints/PrintPanel';
import { useDraft, type OfferedDraft } from './useDraft';
import { useSettings } from '../settings/useSettings';
import { windowId } from './windowIdentity';
import { CHANGED_EVENT } from '../app/changes';

type Values = Record<string, string | boolean | null>;

function emptyValues(form: FormKind, tz: TimeZone): Values {
  const { date, time } = toLocal(new Date(), tz);
  const v: Values = { form, anonymous: false, confidential: false, officer: sessionStorage.getItem('loket-officer') ?? '' };
  for (const section of FORM_LAYOUTS[form]) for (const f of section.fields) v[f.name] = '';
  return { ...v, receivedDate: date, receivedTime: time };
}

/** Slips keyed in this sitting (this tab), per form. */
function useSittingCounter(form: FormKind) {
  const key = `loket-sitting-${form}`;
  const [n, setN] = useState(() => Number(sessionStorage.getItem(key) ?? 0));
  const bump = () =>
    setN((x) => {
      sessionStorage.setItem(key, String(x + 1));
      return x + 1;
    });
  return [n, bump] as const;
}

const resolver = zodResolver(complaintInput) as unknown as Resolver<Values>;

/** Prefilled from the clock, so they follow the office's zone once the settings have loaded. */
const CLOCK_FIELDS = ['receivedDate', 'receivedTime'] as const;

export function FormPage({ form }: { form: FormKind }) {
  const settings = useSettings();
  const tz = settings?.timeZone ?? 'WIB';
  const draft = useDraft(form);
  // The form is there (and typed into) before the settings arrive: they never reset it.
  const [initial] = useState(() => emptyValues(form, tz));
  const { register, control, handleSubmit, reset, setError, setValue, getValues, watch, formState } = useForm<Values>({
    resolver,
    defaultValues: initial,
  });
  const { errors, isSubmitting } = formState;
  const [files, setFiles] = useState<AttachmentRef[]>([]);
  const [uploading, setUploading] = useState(false);
  const [saved, setSaved] = useState<{ id: string; registrationNo: string; andNew: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<ApiError['duplicateOf']>(undefined);
  const [count, bump] = useSittingCounter(form);
  const startNew = useRef(false);
  const confirmed = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const firstField = FORM_LAYOUTS[form][0]!.fields[0]!.name;
  // After React has painted (reset re-renders the inputs), so the focus sticks.
  const focusFirst = useCallback(() => {
    requestAnimationFrame(() => document.getElementById(`f-${firstField}`)?.focus());
  }, [firstField]);
  const filesRef = useRef(files);
  filesRef.current = files;

  // Keyboard first: the cursor starts in the form's first field, without waiting for any load.
  useEffect(focusFirst, [focusFirst]);

  // The office's zone arrives with the settings: the prefilled date and time follow it, unless the
  // clerk (or a resumed draft) has already put something else there. Nothing else changes.
  useEffect(() => {
    if (!settings) return;
    const now = emptyValues(form, settings.timeZone);
    for (const name of CLOCK_FIELDS) if (getValues(name) === initial[name] && now[name] !== initial[name]) setValue(name, now[name] ?? '');
  }, [settings, form, initial, getValues, setValue]);

  // The confirmation sits at the top of the page, where the eye is after Simpan: scroll there, and
  // put the cursor on the first print button (Simpan) or back in the first field (Simpan & baru).
  useEffect(() => {
    if (!saved) return;
    window.scrollTo({ top: 0 });
    if (saved.andNew) focusFirst();
    else savedRef.current?.querySelector('button')?.focus({ preventScroll: true });
  }, [saved, focusFirst]);
  // A refusal (a duplicate to confirm, a failed save) shows beside the Simpan buttons: bring them into view.
  useEffect(() => {
    if (duplicate || failure) actionsRef.current?.scrollIntoView({ block: 'center' });
  }, [duplicate, failure]);

  // Every change goes to the draft (debounced well under half a second).
  useEffect(() => {
    const sub = watch((values, { type }) => {
      if (type !== 'change') return;
      draft.schedule(values as Values, filesRef.current);
    });
    return () => sub.unsubscribe();
  }, [watch, draft.schedule]);

  const submit = useCallback(
    async (values: Values) => {
      setFailure(null);
      setDuplicate(undefined);
      draft.cancelPending();
      const payload = { ...values, attachments: filesRef.current, draftId: draft.id, draftHolder: windowId(), confirmDuplicateOf: confirmed.current } as unknown as ComplaintInput;
      try {
        // The answer arrives only after the row is committed with synchronous=FULL.
        const res = await api.call('complaints.create', payload);
        confirmed.current = null;
        setSaved({ id: res.id, registrationNo: res.registrationNo, andNew: startNew.current });
        window.dispatchEvent(new Event(CHANGED_EVENT));
        bump();
        const officer = values.officer;
        if (typeof officer === 'string') sessionStorage.setItem('loket-officer', officer);
        draft.startNew();
        if (startNew.current) {
          reset(emptyValues(form, tz));
          setFiles([]);
        }
      } catch (e) {
        setSaved(null);
        if (e instanceof ApiError) {
          if (e.code === 'DUPLICATE') setDuplicate(e.duplicateOf);
          for (const [name, message] of Object.entries(e.fields)) setError(name, { message });
          setFailure(e.message);
        } else setFailure('Gagal menyimpan. Pengaduan belum tersimpan; coba lagi.');
      }
    },
    [draft, bump, reset, form, tz, setError],
  );

  const doSubmit = (andNew: boolean) => {
    startNew.current = andNew;
    void handleSubmit(submit)();
  };

  // Ctrl+S saves, Ctrl+Enter saves and starts a new form of the same kind.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.key === 's' || e.key === 'S') {
        e.preventDefault();
        doSubmit(false);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        doSubmit(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const resume = async (d: OfferedDraft) => {
    if (!(await draft.resume(d))) return;
    reset({ ...emptyValues(form, tz), ...d.data, form });
    setFiles(d.attachments);
    setSaved(null);
    focusFirst();
  };

  const newForm = async () => {
    await draft.setAside();
    reset(emptyValues(form, tz));
    setFiles([]);
    setSaved(null);
    window.scrollTo({ top: 0 });
    focusFirst();
  };

  const upload = async (list: FileList | null) => {
    if (!list?.length) return;
    setUploading(true);
    setFailure(null);
    try {
      let next = filesRef.current;
      for (const file of Array.from(list)) {
        const ref = await api.call('attachments.upload', { filename: file.name, contentType: file.type, dataBase64: await fileToBase64(file) });
        if (!next.some((f) => f.sha256 === ref.sha256)) next = [...next, ref];
      }
      setFiles(next);
      draft.schedule(getValues(), next);
    } catch (e) {
      setError('attachments', { message: e instanceof Error ? e.message : 'Gagal mengunggah lampiran.' });
    } finally {
      setUploading(false);
    }
  };

  const removeFile = (sha256: string) => {
    const next = files.filter((f) => f.sha256 !== sha256);
    setFiles(next);
    draft.schedule(getValues(), next);
  };

  const errorOf = (name: string) => errors[name]?.message;

  const renderInput = (f: AnyFieldSpec, aria: Record<string, string | boolean>) => {
    const reg = register(f.name);
    switch (f.kind) {
      case 'textarea':
        return <textarea rows={4} {...aria} {...reg} />;
      case 'gender':
        return (
          <select {...aria} {...reg}>
            <Options values={GENDERS} labels={GENDER_LABELS} empty="—" />
          </select>
        );
      case 'channel':
        return (
          <select {...aria} {...reg}>
            <Options values={FORM_C_CHANNELS} labels={CHANNEL_LABELS} empty="— pilih —" />
          </select>
        );
      default:
        return <input type={f.kind === 'tel' ? 'tel' : f.kind} autoComplete="off" {...aria} {...reg} />;
    }
  };

  return (
    <section>
      <div className="form-head">
        <div>
          <h1>Formulir {form}</h1>
          <p className="subtitle">{FORM_TITLES[form]}</p>
        </div>
        <p className="counter" aria-live="polite" data-testid="sitting-counter">
          Dicatat pada sesi ini: <strong>{count}</strong>
        </p>
      </div>

      {/* The live region is always there, so a screen reader announces each new number. */}
      <div ref={savedRef} className={saved ? 'saved-card' : undefined}>
        <div role="status" aria-live="polite">
          {saved ? (
            <p className="saved">
              Tersimpan. <span>Nomor registrasi</span>: <strong data-testid="registration-no">{saved.registrationNo}</strong>
            </p>
          ) : null}
        </div>
        {saved ? (
          <>
            <PrintPanel key={saved.id} id={saved.id} />
            <p className="saved-links">
              <a href={`#/pengaduan/${saved.id}`}>Lihat detail</a>{' '}
              <button type="button" className="secondary" onClick={() => void newForm()}>
                Formulir baru
              </button>
            </p>
          </>
        ) : null}
      </div>

      {draft.heldElsewhere ? (
        <p className="duplicate" role="alert" data-testid="draft-held">
          {draft.heldElsewhere} Perubahan di jendela ini tidak disimpan sebagai draf.
        </p>
      ) : null}
      {draft.pending.length > 0 ? (
        <div className="drafts" role="region" aria-label="Draf belum selesai">
          <p>
            <strong>Ada {draft.pending.length} draf belum selesai.</strong> Lanjutkan atau buang:
          </p>
          <ul>
            {draft.pending.map((d) => (
              <li key={d.id}>
                <span>
                  {String(d.data.reporterName || d.data.content || d.data.problem || '(kosong)').slice(0, 60)} — disimpan {formatDateTime(d.updatedAt, tz)}
                </span>{' '}
                {/* A window still editing it keeps it: neither continued nor thrown away from here. */}
                {d.heldElsewhere && !d.orphaned ? (
                  <em>sedang dibuka di jendela lain</em>
                ) : (
                  <>
                    {d.orphaned ? <em>jendela sebelumnya sudah tertutup</em> : null}{' '}
                    <button type="button" onClick={() => void resume(d)}>
                      Lanjutkan draf
                    </button>{' '}
                    <button type="button" className="secondary" onClick={() => void draft.discard(d.id)}>
                      Buang draf
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          doSubmit((e.nativeEvent as SubmitEvent).submitter?.getAttribute('data-new') === '1');
        }}
      >
        {FORM_LAYOUTS[form].map((section, i) => (
          <fieldset key={i}>
            {section.title ? <legend>{section.title}</legend> : null}
            {section.fields.map((f) =>
              f.kind === 'date' || f.kind === 'time' ? (
                <DateTimeField key={f.name} kind={f.kind} control={control} name={f.name} id={`f-${f.name}`} label={f.label} required={f.required} hint={f.hint} />
              ) : (
                <Field key={f.name} id={`f-${f.name}`} label={f.label} required={f.required} hint={f.hint} error={errorOf(f.name)}>
                  {(aria) => renderInput(f, aria)}
                </Field>
              ),
            )}
          </fieldset>
        ))}
        {PAPER_NOTES[form] ? <p className="paper-note">{PAPER_NOTES[form]}</p> : null}

        <fieldset className="workflow">
          <legend>Data tambahan (bukan bagian formulir kertas)</legend>
          {form === 'B' ? (
            <label className="check">
              <input type="checkbox" {...register('anonymous')} /> Anonim (identitas pelapor disembunyikan)
            </label>
          ) : null}
          {errorOf('anonymous') ? (
            <div className="error" role="alert">
              {errorOf('anonymous')}
            </div>
          ) : null}
          <label className="check">
            <input type="checkbox" {...register('confidential')} /> Rahasia (pengaduan tidak dipublikasikan)
          </label>
          <Field id="f-officer" label="Petugas penerima" error={errorOf('officer')}>
            {(aria) => <input type="text" {...aria} {...register('officer')} />}
          </Field>
          <Field id="f-attachments" label="Lampiran" hint={`PDF, JPG atau PNG; paling besar ${settings?.attachmentMaxMb ?? 10} MB per berkas`} error={errorOf('attachments')}>
            {(aria) => <FilePicker aria={aria} accept={ATTACHMENT_ACCEPT} disabled={uploading} state={uploading ? 'Mengunggah…' : files.length ? `${files.length} berkas terlampir` : 'Belum ada berkas dipilih'} onFiles={upload} />}
          </Field>
          {files.length > 0 ? (
            <ul className="files" aria-label="Lampiran terunggah">
              {files.map((f) => (
                <li key={f.sha256}>
                  {f.filename} ({formatSize(f.size)}){' '}
                  <button type="button" className="secondary" onClick={() => removeFile(f.sha256)} aria-label={`Hapus lampiran ${f.filename}`}>
                    Hapus
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </fieldset>

        {duplicate ? (
          <div className="duplicate" role="alert">
            <p>
              Pengaduan ini mirip dengan <strong>{duplicate.registrationNo}</strong> (diterima {formatDateTime(duplicate.receivedAt, tz)}).{' '}
              <a href={`#/pengaduan/${duplicate.id}`}>Lihat pengaduan itu</a>
            </p>
            <button
              type="button"
              onClick={() => {
                confirmed.current = duplicate.registrationNo;
                doSubmit(startNew.current);
              }}
            >
              Tetap simpan
            </button>
          </div>
        ) : null}

        <div className="actions" ref={actionsRef}>
          <button type="submit" disabled={isSubmitting || uploading}>
            Simpan
          </button>
          <button type="submit" data-new="1" disabled={isSubmitting || uploading}>
            Simpan &amp; baru
          </button>
          <span className="hint">Ctrl+S simpan · Ctrl+Enter simpan &amp; baru</span>
          {draft.savedAt ? <span className="hint" data-testid="draft-saved">Draf tersimpan otomatis</span> : null}
        </div>
        {failure && !duplicate ? (
          <p className="error" role="alert">
            {failure}
          </p>
        ) : null}
      </form>
    </section>
  );
}
