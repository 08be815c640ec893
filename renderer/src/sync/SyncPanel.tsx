import { useState } from 'react';
import { CORRECTABLE_FIELDS, CORRECTABLE_LABELS, type ComplaintDetail, type CorrectableField } from '../../../forms/complaint';
import { OUTBOX_STATE_LABELS } from '../../../forms/sync';
import { formatDateTime } from '../../../forms/format';
import type { TimeZone } from '../../../forms/time';
import { UPSTREAM_STATUS_LABELS, upstreamFieldLabel, type UpstreamStatus } from '../../../forms/upstream-v1';
import { STATUS_LABELS } from '../../../forms/vocabulary';
import { api } from '../app/api';
import { Field } from '../ui/Field';
import { announceChange } from '../app/changes';
import { SubmitForm } from '../ui/SubmitForm';
import { showFailure } from '../ui/failure';

/** What a person is told about a set-aside report they may send again unchanged. */
export const REQUEUE_HINT = 'Bila penolakannya karena gangguan sementara (misalnya kiriman dinilai terlalu besar), pilih Kirim ulang: pengaduan dikirim lagi tanpa diubah.';

/** *Kirim ulang*: set-aside reports go back to the queue as they are; the answer to show the person. */
export async function requeueReports(ids: string[]): Promise<string> {
  try {
    const { requeued } = await api.call('sync.requeue', { ids });
    announceChange();
    return `${requeued} pengaduan masuk antrean lagi dan akan dikirim ulang.`;
  } catch (e) {
    return e instanceof Error ? e.message : 'Gagal mengirim ulang.';
  }
}

/** The upstream's reasons for refusing a report, in the forms' words (its field code on hover). */
export function RejectionReasons({ fieldErrors, lastError }: { fieldErrors: { field: string; message: string }[] | null; lastError: string | null }) {
  const reasons = fieldErrors?.length ? fieldErrors : [{ field: '', message: lastError ?? '' }];
  return (
    <ul className="plain">
      {reasons.map((e, i) => (
        <li key={i}>
          {e.field ? <span title={e.field}>{upstreamFieldLabel(e.field)}:</span> : null} {e.message}
        </li>
      ))}
    </ul>
  );
}

/** Where this complaint stands upstream: tracking id, both statuses side by side, rejections. */
export function SyncPanel({ c, tz, onChange }: { c: ComplaintDetail; tz: TimeZone; onChange: (next: ComplaintDetail) => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const s = c.sync;
  if (!s) return null;
  const requeue = async () => {
    setMessage(await requeueReports([c.id]));
    onChange(await api.call('complaints.get', { id: c.id }));
  };
  return (
    <div className="sync-panel" data-testid="complaint-sync">
      <dl className="detail">
        <dt>Pengiriman</dt>
        <dd>
          {OUTBOX_STATE_LABELS[s.state]}
          {s.state === 'sent' && s.sentAt ? ` (versi ${s.sentVersion}, ${formatDateTime(s.sentAt, tz)})` : s.sentVersion ? ` (versi ${s.sentVersion} sudah terkirim; versi ${s.version} menunggu)` : ''}
        </dd>
        <dt>Tracking ID</dt>
        <dd data-testid="tracking-id">{s.trackingId ?? 'Belum ada'}</dd>
        <dt>Status di kantor</dt>
        <dd>{STATUS_LABELS[c.status]}</dd>
        <dt>Status di upstream</dt>
        <dd>{s.upstreamStatus ? `${UPSTREAM_STATUS_LABELS[s.upstreamStatus as UpstreamStatus] ?? s.upstreamStatus} (${formatDateTime(s.upstreamStatusAt!, tz)})` : 'Belum ada kabar'}</dd>
      </dl>
      {s.officeChangedLater ? (
        <p className="notice">Kantor mengubah pengaduan ini setelah kabar terakhir dari upstream; keduanya ditampilkan, tidak ada yang ditimpa.</p>
      ) : null}
      {s.state === 'rejected' ? (
        <div className="notice notice-warn" role="alert">
          Ditolak upstream:
          <RejectionReasons fieldErrors={s.fieldErrors} lastError={s.lastError} />
          <p>
            Perbaiki lewat <em>Koreksi data</em>; setelah disimpan pengaduan dikirim lagi. {REQUEUE_HINT}
          </p>
          <button type="button" onClick={() => void requeue()}>
            Kirim ulang
          </button>
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {message}
      </div>
    </div>
  );
}

type Values = Record<CorrectableField, string>;

/** Koreksi data: the officer fixes what was keyed wrong; the reason goes into the history. */
export function CorrectionPanel({ c, onSaved }: { c: ComplaintDetail; onSaved: (next: ComplaintDetail) => void }) {
  const initial = () => Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, c[f] ?? ''])) as Values;
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(initial);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  // Form B has no problem/institution line; Form A no phone or email.
  const shown = CORRECTABLE_FIELDS.filter((f) => !(c.form === 'B' && (f === 'problem' || f === 'reporterInstitution')) && !(c.form === 'A' && (f === 'reporterPhone' || f === 'reporterEmail')) && !(c.form === 'C' && (f === 'problem' || f === 'reporterEmail')));

  if (!open) {
    return (
      <button type="button" onClick={() => { setValues(initial()); setOpen(true); }}>
        Koreksi data
      </button>
    );
  }
  const save = async () => {
    setErrors({});
    setStatus(null);
    try {
      const next = await api.call('complaints.correct', {
        id: c.id,
        version: c.version,
        fields: Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, values[f].trim() === '' ? null : values[f]])) as never,
        reason,
      });
      setOpen(false);
      setReason('');
      onSaved(next);
    } catch (e) {
      showFailure(e, 'Koreksi gagal disimpan.', setStatus, setErrors);
    }
  };
  return (
    <SubmitForm
      className="form correction"
      aria-label="Koreksi data"
      onSubmit={save}
    >
      {shown.map((f) => (
        <Field key={f} id={`koreksi-${f}`} label={CORRECTABLE_LABELS[f]} error={errors[`fields.${f}`]}>
          {(aria) =>
            f === 'content' ? (
              <textarea {...aria} rows={5} value={values[f]} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
            ) : (
              <input {...aria} value={values[f]} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
            )
          }
        </Field>
      ))}
      <Field id="koreksi-alasan" label="Alasan koreksi" required error={errors.reason}>
        {(aria) => <input {...aria} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit">Simpan koreksi</button>
        <button type="button" onClick={() => setOpen(false)}>
          Batal
        </button>
      </div>
      <div role="status" aria-live="polite">
        {status}
      </div>
    </SubmitForm>
  );
}
