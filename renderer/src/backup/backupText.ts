// What the badge and Pengaturan say about the backups, from the status.
import type { BackupStatus } from '../../../forms/backup';
import { formatDateTime } from '../../../forms/format';
import type { TimeZone } from '../../../forms/time';

const DAY_MS = 24 * 60 * 60_000;

export function backupSummary(s: BackupStatus, tz: TimeZone, now = new Date()): string {
  if (s.running) return s.progress && s.progress.total ? `Mencadangkan… ${Math.min(99, Math.floor((100 * s.progress.done) / s.progress.total))}%` : 'Mencadangkan…';
  switch (s.problem) {
    case 'unconfigured':
      return 'Cadangan belum diatur';
    case 'folder-missing':
      return 'Folder cadangan tidak ditemukan';
    case 'stale':
      return s.lastGood ? `Cadangan terakhir ${Math.floor((now.getTime() - Date.parse(s.lastGood.at)) / DAY_MS)} hari lalu` : 'Belum ada cadangan';
    case 'failed':
      return 'Pencadangan terakhir gagal';
    default:
      return s.lastGood ? `Cadangan: ${formatDateTime(s.lastGood.at, tz)}` : 'Belum ada cadangan';
  }
}
