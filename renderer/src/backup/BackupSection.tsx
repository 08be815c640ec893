import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../forms/api';
import { PASSWORD_MIN, type RestoreResult } from '../../../forms/backup';
import { formatDate, formatDateTime, formatNumber, formatTime } from '../../../forms/format';
import { api } from '../app/api';
import { Field } from '../ui/Field';
import { useSettings } from '../settings/useSettings';
import { backupSummary } from './backupText';
import { BACKUP_CHANGED_EVENT, useBackupStatus } from './useBackupStatus';
import { SubmitForm } from '../ui/SubmitForm';
import { showFailure } from '../ui/failure';
import { ConfirmNotice } from '../ui/ConfirmNotice';

const changed = () => window.dispatchEvent(new Event(BACKUP_CHANGED_EVENT));
const mb = (bytes: number) => `${formatNumber(bytes / 1024 / 1024, 1)} MB`;

/**
 * Pengaturan → Cadangan data: the backup folder, the daily time, the backup password (set by the
 * admin, write-only), *Cadangkan sekarang*, and *Pulihkan dari cadangan*.
 */
export function BackupSection() {
  const settings = useSettings();
  const status = useBackupStatus();
  const [current, setCurrent] = useState<OutputOf<'backup.settings.get'> | null>(null);
  const [folder, setFolder] = useState('');
  const [dailyAt, setDailyAt] = useState('16:00');
  const [password, setPassword] = useState('');
  const [passwordConfirm, setPasswordConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    api.call('backup.settings.get', {}).then((s) => {
      setCurrent(s);
      setFolder(s.folder);
      setDailyAt(s.dailyAt);
    });
  }, []);

  const save = async () => {
    setErrors({});
    setMessage(null);
    try {
      const saved = await api.call('backup.settings.save', { folder, dailyAt, password: password || null, passwordConfirm: passwordConfirm || null });
      setCurrent(saved);
      setPassword('');
      setPasswordConfirm('');
      setMessage('Pengaturan cadangan tersimpan.');
      changed();
    } catch (e) {
      showFailure(e, 'Gagal menyimpan.', setMessage, setErrors);
    }
  };

  const backupNow = async () => {
    setMessage(null);
    try {
      await api.call('backup.run', {});
      changed();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'Pencadangan tidak dapat dimulai.');
    }
  };

  if (!current || !settings) return null;
  const tz = settings.timeZone;
  return (
    <section id="cadangan">
      <SubmitForm
        className="form"
        aria-labelledby="backup-title"
        onSubmit={save}
      >
        <h2 id="backup-title">Cadangan data</h2>
        {status ? (
          <div className={`notice ${status.problem ? 'notice-warn' : 'notice-ok'}`} data-testid="backup-state">
            <p>
              <strong>{backupSummary(status, tz)}</strong>
              {status.lastGood ? ` — ${status.lastGood.file} (${mb(status.lastGood.bytes)})` : null}
            </p>
            {status.lastFailure && (!status.lastGood || status.lastFailure.at > status.lastGood.at) ? (
              <p role="alert">
                Gagal {formatDateTime(status.lastFailure.at, tz)}: {status.lastFailure.message}
              </p>
            ) : null}
            {status.lastRestore ? (
              <p>
                Dipulihkan {formatDateTime(status.lastRestore.at, tz)} dari cadangan {formatDateTime(status.lastRestore.backupTakenAt, tz)};{' '}
                {status.lastRestore.counters.map((c) => `nomor registrasi ${c.year || ''} dilanjutkan dari ${c.after + 1} (sebelumnya ${c.before})`).join(', ')}.
              </p>
            ) : null}
          </div>
        ) : null}
        <Field id="backup-folder" label="Folder cadangan" hint="Folder di disk lain, misalnya di flashdisk: E:\Cadangan Loket Aduan. Folder harus sudah ada." error={errors.folder}>
          {(aria) => <input {...aria} value={folder} onChange={(e) => setFolder(e.target.value)} />}
        </Field>
        <Field id="backup-daily" label="Jam pencadangan harian" hint="Setiap hari kerja pada jam ini; bila komputer mati saat itu, cadangan dibuat begitu aplikasi dibuka lagi." error={errors.dailyAt}>
          {(aria) => <input {...aria} inputMode="numeric" value={dailyAt} onChange={(e) => setDailyAt(e.target.value)} />}
        </Field>
        <Field
          id="backup-password"
          label="Kata sandi cadangan"
          hint={
            current.passwordSet
              ? 'Sudah diatur. Biarkan kosong untuk tetap memakainya.'
              : `Minimal ${PASSWORD_MIN} karakter. Catat dan simpan di tempat aman: tanpa kata sandi ini cadangan tidak dapat dipulihkan di komputer lain.`
          }
          error={errors.password}
        >
          {(aria) => <input {...aria} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Field id="backup-password-confirm" label="Ulangi kata sandi cadangan" error={errors.passwordConfirm}>
          {(aria) => <input {...aria} type="password" autoComplete="new-password" value={passwordConfirm} onChange={(e) => setPasswordConfirm(e.target.value)} />}
        </Field>
        <p className="hint">Kunci enkripsi data di komputer ini: {current.keyWhere}.</p>
        <div className="actions">
          <button type="submit">Simpan pengaturan cadangan</button>
          <button type="button" className="secondary" disabled={!status?.configured || status.running} onClick={() => void backupNow()}>
            Cadangkan sekarang
          </button>
        </div>
        <div role="status" aria-live="polite">
          {message}
        </div>
      </SubmitForm>
      <RestoreForm lastBackupAt={status?.lastGood?.at ?? null} />
    </section>
  );
}

/** Pulihkan dari cadangan: a backup of the folder (or a typed path), its password, a confirmation. */
function RestoreForm({ lastBackupAt }: { lastBackupAt: string | null }) {
  const settings = useSettings();
  const [files, setFiles] = useState<OutputOf<'backup.list'>>([]);
  const [file, setFile] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<RestoreResult | null>(null);

  useEffect(() => {
    const load = () => api.call('backup.list', {}).then(setFiles, () => setFiles([]));
    void load();
    window.addEventListener(BACKUP_CHANGED_EVENT, load);
    return () => window.removeEventListener(BACKUP_CHANGED_EVENT, load);
  }, [lastBackupAt]);

  const ask = () => {
    setErrors({});
    setMessage(null);
    const missing: Record<string, string> = {};
    if (!file.trim()) missing.file = 'Berkas cadangan wajib diisi.';
    if (!password) missing.password = 'Kata sandi cadangan wajib diisi.';
    if (Object.keys(missing).length) setErrors(missing);
    else setConfirming(true);
  };

  const restore = async () => {
    setConfirming(false);
    setBusy(true);
    try {
      const r = await api.call('backup.restore', { file, password });
      setResult(r);
      setPassword('');
      if (r.switching) setTimeout(() => window.location.reload(), 2_000);
    } catch (e) {
      showFailure(e, 'Pemulihan gagal.', setMessage, setErrors);
    } finally {
      setBusy(false);
    }
  };

  return (
    <SubmitForm
      className="form"
      aria-labelledby="restore-title"
      onSubmit={ask}
    >
      <h3 id="restore-title">Pulihkan dari cadangan</h3>
      <p className="hint">Dipakai bila data di komputer ini rusak atau hilang, atau di komputer pengganti. Data yang dipakai sekarang tidak dihapus: disimpan sebagai folder terpisah.</p>
      {files.length ? (
        <Field id="restore-pick" label="Cadangan di folder cadangan">
          {(aria) => (
            <select {...aria} value={files.some((f) => f.path === file) ? file : ''} onChange={(e) => setFile(e.target.value)}>
              <option value="">— pilih —</option>
              {files.map((f) => (
                <option key={f.path} value={f.path}>
                  {formatDate(f.date)}, {formatTime(f.time.slice(0, 5))} ({mb(f.bytes)})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field id="restore-file" label="Berkas cadangan" hint="Lokasi lengkap berkas .cadangan, misalnya E:\Cadangan Loket Aduan\loket-aduan-20261124-160000.cadangan" error={errors.file}>
        {(aria) => <input {...aria} value={file} onChange={(e) => setFile(e.target.value)} />}
      </Field>
      <Field id="restore-password" label="Kata sandi cadangan" error={errors.password}>
        {(aria) => <input {...aria} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Memeriksa dan memulihkan…' : 'Pulihkan dari cadangan'}
        </button>
      </div>
      {confirming ? (
        <ConfirmNotice yes="Ya, pulihkan" onYes={() => void restore()} onNo={() => setConfirming(false)}>
          Data yang dipakai sekarang akan diganti dengan isi cadangan ini (data sekarang disimpan sebagai folder terpisah). Pengaduan yang dicatat sesudah cadangan dibuat tidak ada di dalamnya. Lanjutkan?
        </ConfirmNotice>
      ) : null}
      {result && settings ? (
        <div className="notice notice-ok" role="status" data-testid="restore-result">
          <p>
            Pemulihan selesai: {formatNumber(result.complaints, 0)} pengaduan dan {formatNumber(result.attachments, 0)} lampiran dari cadangan {formatDateTime(result.backupTakenAt, settings.timeZone)}.{' '}
            {result.requeued} laporan akan dikirim ulang ke SP4N-LAPOR!. Nomor registrasi berikutnya:{' '}
            {result.counters.map((c) => `${c.year || ''} mulai ${c.after + 1}`).join(', ')}.
          </p>
          <p>{result.switching ? 'Aplikasi memuat ulang data…' : 'Tutup lalu buka kembali aplikasi untuk memakai data yang dipulihkan.'}</p>
        </div>
      ) : (
        <div role="status" aria-live="polite">
          {message}
        </div>
      )}
    </SubmitForm>
  );
}
