import { useState } from 'react';
import { OUTBOX_STATE_LABELS, type SyncStatus } from '../../../forms/sync';
import { formatDateTime, formatNumber } from '../../../forms/format';
import type { TimeZone } from '../../../forms/time';
import { api } from '../app/api';
import { CONNECTION_LABELS } from './SyncBadge';
import { RejectionReasons, REQUEUE_HINT, requeueReports } from './SyncPanel';
import { useLoad } from '../hooks/useLoad';
import { useSettings } from '../settings/useSettings';
import { LoadFailure } from '../ui/Loaded';

function Progress({ status }: { status: SyncStatus }) {
  if (!status.progress || status.progress.total === 0) return null;
  const { done, total } = status.progress;
  return (
    <div className="progress-row">
      <progress max={total} value={done} aria-label="Kemajuan pengiriman" />
      <span data-testid="sync-progress">
        {formatNumber(done)} dari {formatNumber(total)} terkirim
      </span>
    </div>
  );
}

export function SyncPage({ status }: { status: SyncStatus | null }) {
  const settings = useSettings();
  // Follow the badge's status: whenever it changes, the tables are read again.
  const load = useLoad('sync.overview', {}, [status?.queued, status?.sent, status?.rejected, status?.lastAttemptAt]);
  const overview = load.data;
  const [message, setMessage] = useState<string | null>(null);
  const [requeueMessage, setRequeueMessage] = useState<string | null>(null);
  const tz: TimeZone = settings?.timeZone ?? 'WIB';
  const at = (iso: string | null) => (iso ? formatDateTime(iso, tz) : '—');


  const runNow = async () => {
    setMessage(null);
    try {
      await api.call('sync.run', {});
      setMessage('Sinkronisasi dimulai.');
      load.reload();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'Gagal memulai sinkronisasi.');
    }
  };

  const requeue = async (ids: string[]) => {
    setRequeueMessage(null);
    setRequeueMessage(await requeueReports(ids));
    load.reload();
  };

  const s = status ?? overview?.status ?? null;
  return (
    <section>
      <h1>Sinkronisasi</h1>
      <LoadFailure load={load} what="antrean sinkronisasi" />
      {s ? (
        <div className="sync-summary">
          <dl className="detail">
            <dt>Upstream</dt>
            <dd>{s.configured ? s.url : 'Belum diatur: isi alamat dan token di Pengaturan.'}</dd>
            <dt>Sambungan</dt>
            <dd data-testid="sync-connection">{s.configured ? CONNECTION_LABELS[s.connection] : '—'}</dd>
            <dt>Menunggu dikirim</dt>
            <dd data-testid="sync-queued">{s.queued + s.sending}</dd>
            <dt>Ditolak upstream</dt>
            <dd>{s.rejected}</dd>
            <dt>Sudah terkirim</dt>
            <dd>{s.sent}</dd>
            <dt>Terakhir berhasil</dt>
            <dd>{at(s.lastSuccessAt)}</dd>
            <dt>Percobaan berikutnya</dt>
            <dd>{s.running ? 'Sedang berjalan' : at(s.nextAttemptAt)}</dd>
            {s.lastError ? (
              <>
                <dt>Kesalahan terakhir</dt>
                <dd className="error">{s.lastError}</dd>
              </>
            ) : null}
          </dl>
          <Progress status={s} />
          {s.clockSkewMs !== null && Math.abs(s.clockSkewMs) > 5 * 60_000 ? (
            <p className="notice notice-warn" role="alert">
              Jam komputer ini berbeda {Math.round(Math.abs(s.clockSkewMs) / 60_000)} menit dari jam server upstream. Tenggat waktu dihitung dari jam komputer; betulkan jamnya.
            </p>
          ) : null}
          <p className={s.safeToShutDown ? 'notice notice-ok' : 'notice'} data-testid="sync-safe">
            {!s.safeToShutDown
              ? 'Masih ada pengaduan yang belum terkirim. Data tetap aman di komputer ini bila dimatikan, dan akan dikirim saat tersambung lagi.'
              : s.rejected > 0
                ? `Tidak ada yang menunggu dikirim: aman untuk dimatikan. ${s.rejected} pengaduan ditolak upstream dan perlu diperbaiki.`
                : 'Semua pengaduan sudah terkirim: aman untuk dimatikan.'}
          </p>
          <button type="button" onClick={() => void runNow()} disabled={!s.configured || s.running}>
            Sinkronkan sekarang
          </button>
          <span role="status" aria-live="polite">
            {' '}
            {message}
          </span>
        </div>
      ) : (
        <p>Memuat…</p>
      )}

      <h2>Ditolak upstream</h2>
      {overview && overview.rejected.length > 0 ? (
        <>
          <p>
            Perbaiki pengaduannya lewat <em>Koreksi data</em> di halaman pengaduan; setelah disimpan, pengaduan otomatis masuk antrean lagi. {REQUEUE_HINT}
          </p>
          {overview.rejected.length > 1 ? (
            <button type="button" onClick={() => void requeue(overview.rejected.map((r) => r.complaintId))}>
              Kirim ulang semua ({overview.rejected.length})
            </button>
          ) : null}
          <table className="list" data-testid="sync-rejected">
            <thead>
              <tr>
                <th>Nomor registrasi</th>
                <th>Versi</th>
                <th>Alasan dari upstream</th>
                <th>Tindakan</th>
              </tr>
            </thead>
            <tbody>
              {overview.rejected.map((r) => (
                <tr key={r.complaintId}>
                  <td>
                    <a href={`#/pengaduan/${r.complaintId}`}>{r.registrationNo}</a>
                  </td>
                  <td>{r.version}</td>
                  <td>
                    <RejectionReasons fieldErrors={r.fieldErrors} lastError={r.lastError} />
                  </td>
                  <td>
                    <button type="button" aria-label={`Kirim ulang ${r.registrationNo}`} onClick={() => void requeue([r.complaintId])}>
                      Kirim ulang
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>Tidak ada.</p>
      )}
      <p role="status" aria-live="polite" data-testid="sync-requeue-status">
        {requeueMessage}
      </p>

      <h2>Antrean</h2>
      {overview && overview.queue.length > 0 ? (
        <table className="list" data-testid="sync-queue">
          <thead>
            <tr>
              <th>Nomor registrasi</th>
              <th>Versi</th>
              <th>Keadaan</th>
              <th>Masuk antrean</th>
              <th>Catatan</th>
            </tr>
          </thead>
          <tbody>
            {overview.queue.map((r) => (
              <tr key={r.complaintId}>
                <td>
                  <a href={`#/pengaduan/${r.complaintId}`}>{r.registrationNo}</a>
                </td>
                <td>{r.version}</td>
                <td>{OUTBOX_STATE_LABELS[r.state]}</td>
                <td>{at(r.queuedAt)}</td>
                <td>{r.lastError ? `${r.lastError} (dicoba lagi ${at(r.nextAttemptAt)})` : r.sentVersion ? `Versi ${r.sentVersion} sudah terkirim` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Antrean kosong.</p>
      )}
      {overview && s && s.queued + s.sending > overview.queue.length ? <p>Menampilkan {overview.queue.length} pertama dari {s.queued + s.sending}.</p> : null}

      <h2>Riwayat sinkronisasi</h2>
      {overview && overview.runs.length > 0 ? (
        <table className="list" data-testid="sync-runs">
          <thead>
            <tr>
              <th>Mulai</th>
              <th>Dikirim</th>
              <th>Diterima</th>
              <th>Ditolak</th>
              <th>Pembaruan ditarik</th>
              <th>Kesalahan</th>
            </tr>
          </thead>
          <tbody>
            {overview.runs.map((r, i) => (
              <tr key={i}>
                <td>{at(r.startedAt)}</td>
                <td>{r.sent}</td>
                <td>{r.accepted}</td>
                <td>{r.rejected}</td>
                <td>{r.pulled}</td>
                <td>{r.error ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Belum ada.</p>
      )}
    </section>
  );
}
