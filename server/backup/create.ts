// Writing one backup into the backup folder (a USB disk, typically) while the app keeps working:
//  1. a snapshot of the database: VACUUM INTO from a second connection (db/cipher.ts vacuumInto),
//     one read transaction while the app's own connection goes on committing, written beside the
//     database and encrypted under a fresh key of this backup only (never a plain page on disk);
//  2. the snapshot is checked (integrity, fingerprint of every table) and described in a manifest;
//  3. manifest, snapshot and every attachment (decrypted from the data folder, sealed again by the
//     container) go into `<name>.cadangan.tmp`, which is fsynced and then renamed: a backup folder
//     never shows a half backup under a backup's name;
//  4. then, only then, old backups beyond 7 daily and 12 monthly are deleted.
// Any failure removes the temporary file and leaves the older backups as they were.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { PasswordKey } from '../../db/local-state';
import { openKeyed, vacuumInto } from '../../db/cipher';
import { fsyncDir } from '../../db/durable';
import { fingerprint, integrityProblems, type Fingerprint } from '../../db/fingerprint';
import { backupFileName, backupsToKeep, parseBackupName } from '../../forms/backup';
import type { TimeZone } from '../../forms/time';
import type { AttachmentStore } from '../attachment-store';
import { log } from '../log';
import { BackupWriter } from './container';

export const MANIFEST_FORMAT = 1;

export interface Manifest {
  app: 'loket-aduan';
  format: number;
  appVersion: string;
  schemaVersion: number;
  takenAt: string;
  timeZone: TimeZone;
  /** The snapshot's own key (hex): the snapshot entry is the database encrypted under it. */
  databaseKey: string;
  databaseBytes: number;
  fingerprint: Fingerprint;
  complaints: number;
  /** SHA-256 names of the attachment files that follow, in order. */
  attachments: string[];
}

export interface BackupSource {
  /** The live database file (the app keeps writing it while the snapshot is taken). */
  databaseFile: string;
  /** The live database's key (null: the bench's plain baseline). */
  databaseKey: Buffer | null;
  attachments: AttachmentStore;
  dataDir: string;
  appVersion: string;
}

export type BackupFailure = 'folder-missing' | 'full' | 'gone' | 'read-only' | 'data-folder' | 'other';

/** A backup that did not happen, with what the admin reads; older backups are untouched. */
export class BackupError extends Error {
  constructor(
    readonly reason: BackupFailure,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

const code = (e: unknown) => (e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '');

export function folderMissing(folder: string): BackupError {
  return new BackupError('folder-missing', `Folder cadangan ${folder} tidak ditemukan. Pasang flashdisk/disk cadangan, atau pilih folder lain di Pengaturan.`);
}

/** What a failed write to the backup folder means for the person at the desk. */
function failure(e: unknown, folder: string): BackupError {
  if (e instanceof BackupError) return e;
  const c = code(e);
  const kept = 'Berkas yang belum selesai dihapus; cadangan lama tetap ada.';
  if (c === 'ENOSPC' || c === 'EDQUOT') return new BackupError('full', `Disk cadangan penuh (${folder}). ${kept} Kosongkan ruang di disk itu atau ganti disk, lalu cadangkan lagi.`);
  if (['ENOENT', 'ENODEV', 'ENXIO', 'EIO', 'ESTALE', 'ENOTDIR'].includes(c)) {
    return new BackupError('gone', `Folder cadangan ${folder} hilang saat menulis (flashdisk dicabut?). ${kept} Pasang kembali disknya, lalu cadangkan lagi.`);
  }
  if (['EROFS', 'EACCES', 'EPERM'].includes(c)) return new BackupError('read-only', `Folder cadangan ${folder} tidak dapat ditulisi (hanya-baca atau tanpa izin). Pilih folder lain di Pengaturan.`);
  return new BackupError('other', `Pencadangan gagal (${c || (e instanceof Error ? e.message : String(e))}). Cadangan lama tetap ada.`);
}

/** Temporary backups an interrupted run left (a folder that vanished, a crash): gone once they are stale. */
const STALE_TEMP_MS = 10 * 60_000;
const isTemp = (name: string) => name.endsWith('.cadangan.tmp') && !!parseBackupName(name.slice(0, -'.tmp'.length));

function sweepTemps(folder: string): void {
  for (const name of fs.readdirSync(folder)) {
    if (!isTemp(name)) continue;
    const file = path.join(folder, name);
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > STALE_TEMP_MS) fs.rmSync(file, { force: true });
    } catch {
      // Raced with another run's own cleanup.
    }
  }
}

/** Snapshot files a crash left in the data folder (encrypted; removed at the next backup or start). */
export const SNAPSHOT_PREFIX = 'backup-snapshot-';

export function sweepSnapshots(dataDir: string): void {
  for (const name of fs.readdirSync(dataDir)) {
    if (name.startsWith(SNAPSHOT_PREFIX)) fs.rmSync(path.join(dataDir, name), { force: true });
  }
}

interface Snapshot {
  file: string;
  key: Buffer;
  fingerprint: Fingerprint;
  complaints: number;
}

function takeSnapshot(src: BackupSource): Snapshot {
  const file = path.join(src.dataDir, `${SNAPSHOT_PREFIX}${crypto.randomBytes(6).toString('hex')}.tmp`);
  const key = crypto.randomBytes(32);
  try {
    vacuumInto({ file: src.databaseFile, key: src.databaseKey }, file, key);
    const copy = openKeyed(file, key, { readonly: true, fileMustExist: true });
    try {
      const problems = integrityProblems(copy);
      if (problems.length) throw new Error(`snapshot integrity: ${problems.slice(0, 3).join('; ')}`);
      const complaints = copy.prepare('SELECT count(*) FROM complaints').pluck().get() as number;
      return { file, key, fingerprint: fingerprint(copy), complaints };
    } finally {
      copy.close();
    }
  } catch (e) {
    fs.rmSync(file, { force: true });
    throw new BackupError('data-folder', `Salinan basis data untuk cadangan tidak dapat dibuat di folder data (${code(e) || (e instanceof Error ? e.message : String(e))}). Cadangan lama tetap ada.`);
  }
}

async function* fileChunks(file: string): AsyncGenerator<Buffer> {
  const fh = await fsp.open(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) return;
      yield Buffer.from(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
}

export interface WrittenBackup {
  file: string;
  bytes: number;
  manifest: Manifest;
  /** Older backups deleted by the 7 daily / 12 monthly rule. */
  removed: string[];
}

export interface BackupTarget {
  folder: string;
  password: PasswordKey;
  now: Date;
  timeZone: TimeZone;
  /** Bytes done of about how many; may be awaited (the UI's progress; tests act mid-write here). */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export async function writeBackup(src: BackupSource, target: BackupTarget): Promise<WrittenBackup> {
  const { folder } = target;
  let isDir = false;
  try {
    isDir = fs.statSync(folder).isDirectory();
  } catch {
    // missing
  }
  if (!isDir) throw folderMissing(folder);
  try {
    sweepTemps(folder);
  } catch (e) {
    throw failure(e, folder);
  }

  const snapshot = takeSnapshot(src);
  let tmp: string | null = null;
  let fh: fsp.FileHandle | null = null;
  try {
    const names = src.attachments.list();
    const manifest: Manifest = {
      app: 'loket-aduan',
      format: MANIFEST_FORMAT,
      appVersion: src.appVersion,
      schemaVersion: snapshot.fingerprint.userVersion,
      takenAt: target.now.toISOString(),
      timeZone: target.timeZone,
      databaseKey: snapshot.key.toString('hex'),
      databaseBytes: fs.statSync(snapshot.file).size,
      fingerprint: snapshot.fingerprint,
      complaints: snapshot.complaints,
      attachments: names,
    };
    const total = manifest.databaseBytes + names.reduce((n, name) => n + fs.statSync(src.attachments.pathOf(name)).size, 0);

    let name = backupFileName(target.now, target.timeZone);
    for (let n = 1; fs.existsSync(path.join(folder, name)) || fs.existsSync(path.join(folder, `${name}.tmp`)); n++) name = backupFileName(target.now, target.timeZone, n);
    const final = path.join(folder, name);
    tmp = `${final}.tmp`;
    fh = await fsp.open(tmp, 'wx');
    const writer = await BackupWriter.start(fh, target.password);
    const progress = async () => target.onProgress?.(writer.taken, total);
    const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    await writer.entry({ kind: 'manifest', bytes: manifestBytes.length }, manifestBytes);
    await writer.entry({ kind: 'database', bytes: manifest.databaseBytes }, fileChunks(snapshot.file));
    await progress();
    for (const sha of names) {
      const plain = src.attachments.read(sha);
      await writer.entry({ kind: 'attachment', name: sha, bytes: plain.length }, plain);
      await progress();
    }
    await writer.finish();
    await fh.sync();
    await fh.close();
    fh = null;
    fs.renameSync(tmp, final);
    tmp = null;
    fsyncDir(folder);
    const bytes = fs.statSync(final).size;
    return { file: final, bytes, manifest, removed: rotate(folder, name) };
  } catch (e) {
    await fh?.close().catch(() => undefined);
    if (tmp) fs.rmSync(tmp, { force: true });
    throw failure(e, folder);
  } finally {
    fs.rmSync(snapshot.file, { force: true });
  }
}

/** Deletes the backups the 7 daily / 12 monthly rule no longer keeps (never the one just written). */
function rotate(folder: string, written: string): string[] {
  const removed: string[] = [];
  try {
    const names = fs.readdirSync(folder).filter((n) => parseBackupName(n));
    const keep = backupsToKeep(names);
    keep.add(written);
    for (const n of names) {
      if (keep.has(n)) continue;
      fs.rmSync(path.join(folder, n), { force: true });
      removed.push(n);
    }
    if (removed.length) fsyncDir(folder);
  } catch (e) {
    log.warn('old backups could not be removed', e);
  }
  return removed;
}
