import type { SyncStatus } from '../../../forms/sync';
import { formatDateTime } from '../../../forms/format';
import { useSettings } from '../settings/useSettings';

export const CONNECTION_LABELS: Record<SyncStatus['connection'], string> = {
  online: 'Daring',
  offline: 'Luring',
  unauthorized: 'Token ditolak',
  unknown: 'Menghubungkan…',
};

/** On every screen: is the upstream reachable, how much waits, when it last worked. */
export function SyncBadge({ status }: { status: SyncStatus | null }) {
  const settings = useSettings();
  if (!status) return null;
  const waiting = status.queued + status.sending;
  const state = !status.configured ? 'unconfigured' : status.connection;
  return (
    // The link's name is its visible text (WCAG 2.5.3), after a prefix only screen readers hear.
    <a href="#/sinkronisasi" className={`sync-badge sync-${state}`} data-testid="sync-badge" data-connection={state}>
      <span className="visually-hidden">Status sinkronisasi: </span>
      <span className="sync-dot" aria-hidden="true" />
      <span>{status.configured ? CONNECTION_LABELS[status.connection] : 'Sinkronisasi belum diatur'}</span>
      <span data-testid="sync-waiting">{waiting > 0 ? `Menunggu: ${waiting}` : status.rejected > 0 ? 'Tidak ada antrean' : 'Semua terkirim'}</span>
      {status.rejected > 0 ? <span className="sync-rejected">Ditolak: {status.rejected}</span> : null}
      {status.lastSuccessAt && settings ? <span className="sync-last">Terakhir berhasil: {formatDateTime(status.lastSuccessAt, settings.timeZone)}</span> : null}
    </a>
  );
}
