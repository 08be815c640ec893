// The one place where a failure of the disk or of the database file becomes what the person at the
// desk reads: what happened, that what was saved before is safe, and what to do. Both the API
// (server/api-errors.ts, for every procedure) and start-up (server/core.ts) go through here, so
// "disk full" reads the same everywhere and never as the generic "coba lagi".
import fs from 'node:fs';
import { ApiError } from '../forms/api';

type Problem = 'full' | 'read-only' | 'io' | 'damaged' | 'busy';

const SAFE = 'Data yang sudah tersimpan sebelumnya tetap aman.';
const TEXT: Record<Problem, { what: string; safe: string; todo: string }> = {
  full: {
    what: 'Disk penuh: Loket Aduan tidak dapat menulis ke folder datanya',
    safe: SAFE,
    todo: 'Kosongkan ruang disk (hapus atau pindahkan berkas yang tidak diperlukan), lalu coba lagi.',
  },
  'read-only': {
    what: 'Folder data tidak dapat ditulisi (hanya-baca atau tanpa izin tulis)',
    safe: SAFE,
    todo: 'Minta petugas TI memberi izin tulis pada folder data Loket Aduan atau memindahkannya ke disk yang dapat ditulisi, lalu coba lagi.',
  },
  io: {
    what: 'Disk folder data tidak dapat dibaca atau ditulis (kesalahan perangkat atau jaringan)',
    safe: SAFE,
    todo: 'Periksa disk, kabel atau jaringan ke folder data (minta bantuan petugas TI), lalu coba lagi.',
  },
  damaged: {
    what: 'Basis data tidak dapat dibuka: berkasnya rusak, bukan basis data Loket Aduan, atau tidak dapat dibaca',
    safe: 'Berkasnya tidak diubah oleh aplikasi.',
    todo: 'Jangan hapus berkas itu; pulihkan dari cadangan terakhir atau hubungi petugas TI.',
  },
  busy: {
    what: 'Basis data sedang dikunci oleh program lain (mungkin Loket Aduan terbuka dua kali, atau sedang dicadangkan)',
    safe: SAFE,
    todo: 'Tutup program lain itu, lalu coba lagi.',
  },
};

const codeOf = (e: unknown): string | null => {
  const code = e && typeof e === 'object' && 'code' in e ? (e as { code: unknown }).code : null;
  return typeof code === 'string' ? code : null;
};

/**
 * SQLite reports an I/O failure or a file it cannot open without the operating system's reason,
 * so the folder itself is asked: refused writes mean read-only, no free space means full.
 */
function diagnose(dataDir: string | undefined, otherwise: Problem): Problem {
  if (!dataDir) return otherwise;
  try {
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (e) {
    if (['EROFS', 'EACCES', 'EPERM'].includes(codeOf(e) ?? '')) return 'read-only';
  }
  try {
    const s = fs.statfsSync(dataDir);
    if (s.bavail * s.bsize < 1024 * 1024) return 'full';
  } catch {
    // No answer from the folder: stay with what SQLite said.
  }
  return otherwise;
}

function classify(e: unknown, dataDir: string | undefined): Problem | null {
  const code = codeOf(e);
  if (!code) return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'damaged';
  if (code.startsWith('SQLITE_CANTOPEN')) return diagnose(dataDir, 'damaged');
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return diagnose(dataDir, 'io');
  return null;
}

/**
 * The STORAGE error for a failed disk or database, or null when `e` is something else. `during`
 * says whether a call was refused ('api': what it would have written is not saved) or the app
 * could not start ('start': the folder is named, for whoever fixes it).
 */
export function storageError(e: unknown, dataDir: string | undefined, during: 'api' | 'start'): ApiError | null {
  const problem = classify(e, dataDir);
  if (!problem) return null;
  const t = TEXT[problem];
  const message =
    during === 'api' ? `${t.what}; perubahan ini belum tersimpan. ${t.safe} ${t.todo}` : `${t.what}. ${t.safe} ${t.todo}${dataDir ? ` Folder data: ${dataDir}` : ''}`;
  return new ApiError({ code: 'STORAGE', message });
}
