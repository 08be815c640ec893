import { useState } from 'react';
import type { OutputOf } from '../../../forms/api';
import { normalizeUpstreamUrl, UPSTREAM_TOKEN_ENV, upstreamUrlProblem } from '../../../forms/sync';
import { api } from '../app/api';
import { Field } from '../ui/Field';
import { LoadedFrom } from '../ui/Loaded';
import { SubmitForm } from '../ui/SubmitForm';
import { showFailure } from '../ui/failure';
import { ConfirmNotice } from '../ui/ConfirmNotice';

const TOKEN_SOURCE: Record<OutputOf<'sync.settings.get'>['tokenSource'], string> = {
  safeStorage: 'Token tersimpan terenkripsi (safeStorage sistem operasi).',
  file: 'Token tersimpan di berkas terpisah dari basis data, hanya dapat dibaca pengguna ini.',
  env: `Token diatur lewat variabel lingkungan ${UPSTREAM_TOKEN_ENV}.`,
  none: 'Belum ada token.',
};

/** Upstream address, office code and token. The token is write-only: it never comes back to the screen. */
export function SyncSettingsSection() {
  return (
    <LoadedFrom method="sync.settings.get" input={{}} what="pengaturan sinkronisasi">
      {(current, setCurrent) => <SyncSettingsForm current={current} setCurrent={setCurrent} />}
    </LoadedFrom>
  );
}

function SyncSettingsForm({ current, setCurrent }: { current: OutputOf<'sync.settings.get'>; setCurrent: (s: OutputOf<'sync.settings.get'>) => void }) {
  const [url, setUrl] = useState(current.url);
  const [officeId, setOfficeId] = useState(current.officeId);
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  /** A changed address waits for a yes on the page (the browser's confirm() speaks the browser's language). */
  const [confirming, setConfirming] = useState(false);

  const save = async (clearToken = false, confirmed = false) => {
    setErrors({});
    setStatus(null);
    setConfirming(false);
    const clean = normalizeUpstreamUrl(url);
    const problem = clean ? upstreamUrlProblem(clean) : null;
    if (problem) {
      setErrors({ url: problem });
      return;
    }
    if (current.url && clean && clean !== current.url && !confirmed) {
      setConfirming(true);
      return;
    }
    try {
      const saved = await api.call('sync.settings.save', { url, officeId, token: clearToken ? '' : token || null });
      setCurrent(saved);
      setUrl(saved.url);
      setToken('');
      setStatus('Pengaturan sinkronisasi tersimpan.');
    } catch (e) {
      showFailure(e, 'Gagal menyimpan.', setStatus, setErrors);
    }
  };

  return (
    <SubmitForm
      className="form"
      aria-labelledby="sync-settings-title"
      onSubmit={save}
    >
      <h2 id="sync-settings-title">Sinkronisasi SP4N-LAPOR!</h2>
      <Field id="sync-url" label="Alamat upstream" hint="Contoh: https://hub.example.go.id/pengaduan" error={errors.url}>
        {(aria) => <input {...aria} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />}
      </Field>
      <Field id="sync-office" label="Kode kantor" hint="Dikirim sebagai office_id; kosong = nama kantor" error={errors.officeId}>
        {(aria) => <input {...aria} value={officeId} onChange={(e) => setOfficeId(e.target.value)} />}
      </Field>
      <Field id="sync-token" label="Token akses" hint={TOKEN_SOURCE[current.tokenSource]} error={errors.token}>
        {(aria) => (
          <input
            {...aria}
            type="password"
            autoComplete="off"
            value={token}
            disabled={!current.tokenEditable}
            placeholder={current.tokenSet ? '•••••••• (biarkan kosong untuk tetap memakai token ini)' : ''}
            onChange={(e) => setToken(e.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit">Simpan sinkronisasi</button>
        {current.tokenSet && current.tokenEditable ? (
          <button type="button" onClick={() => void save(true)}>
            Hapus token
          </button>
        ) : null}
      </div>
      {confirming ? (
        <ConfirmNotice yes="Ya, pakai alamat baru" onYes={() => void save(false, true)} onNo={() => setConfirming(false)}>
          Alamat upstream berubah: semua pengaduan akan dikirim ulang ke alamat baru. Lanjutkan?
        </ConfirmNotice>
      ) : null}
      <div role="status" aria-live="polite">
        {status}
      </div>
    </SubmitForm>
  );
}
