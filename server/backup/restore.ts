// Restoring a backup into a new data folder, checked before anything existing is touched:
//  1. the file's header and the password (wrong password, not a backup, damaged header: refused);
//  2. the manifest, first in the file: a backup from a newer app is refused here;
//  3. everything else is written into a staging folder beside the target (`<target>.pulih-…`): the
//     database snapshot as it is in the file (encrypted under the backup's own key), each
//     attachment checked against its SHA-256 name and encrypted under the target folder's key;
//     every chunk's authenticity is checked as it is read, so a truncated or altered file fails;
//  4. the snapshot's integrity and fingerprint must equal the manifest's; it is then copied into
//     the staging folder's database under the target folder's key (never a plain page), checked
//     again, migrated to this version's schema, and given the restore fix-ups (the outbox queues
//     everything not confirmed, the registration counters jump: db/restore-fixups.ts);
//  5. only then does the staging folder become the data folder: renamed to the target (command
//     line), or marked ready and switched in at the app's next start (in the app:
//     `finishPendingRestore`, which renames the old folder to `<data>.sebelum-pulih-…`).
// A failure at any step removes the staging folder; the data folder in use is never touched.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { openKeyed, vacuumInto } from '../../db/cipher';
import { fsyncDir, fsyncFile, writeFileDurably } from '../../db/durable';
import { fingerprint, fingerprintDifferences, integrityProblems } from '../../db/fingerprint';
import { loadMigrations } from '../../db/migrate';
import { DB_FILE, openDatabase } from '../../db/open';
import { setLocal } from '../../db/local-state';
import { applyRestoreFixups } from '../../db/restore-fixups';
import { toLocal } from '../../forms/time';
import { AttachmentStore, sha256Of } from '../attachment-store';
import { acquireDataLock, inUseMessage, lockHolder } from '../instance-lock';
import type { DataKeys } from '../keys';
import { log } from '../log';
import { BackupFileError, BackupReader, writeAll } from './container';
import { MANIFEST_FORMAT, type Manifest } from './create';

const STAGING = '.pulih-';
const BEFORE = '.sebelum-pulih-';
const READY = 'RESTORE-READY';
const SNAPSHOT = 'snapshot-from-backup.tmp';

export type RestoreProblem = 'file-missing' | 'target-not-empty' | 'in-use';

/** A restore refused for a reason that is not the file's content (BackupFileError is that). */
export class RestoreError extends Error {
  constructor(
    readonly problem: RestoreProblem,
    message: string,
  ) {
    super(message);
    this.name = 'RestoreError';
  }
}

export interface RestoreOptions {
  from: string;
  password: string;
  /** The data folder the restored data is for: a new or empty folder, or (switch) the one in use. */
  target: string;
  /** 'new-folder': the staging folder is renamed to `target` at the end; 'switch': the app switches at its next start. */
  mode: 'new-folder' | 'switch';
  /** The target folder's keys (a new folder: fresh ones; the app's own folder: its keys). */
  keys: DataKeys;
  migrationsFolder: string;
  now: Date;
  /** Files of the folder in use that the restored folder keeps (the desktop's key, the upstream token). */
  carry?: string[];
  onProgress?: (done: number, total: number) => void;
}

export interface RestoreSummary {
  complaints: number;
  attachments: number;
  backupTakenAt: string;
  backupAppVersion: string;
  requeued: number;
  counters: { year: number; before: number; after: number }[];
  /** Where the restored data is now: the target, or the staging folder waiting for the switch. */
  folder: string;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14);

function isEmptyDir(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
}

async function readManifest(reader: BackupReader, migrationsFolder: string): Promise<Manifest> {
  const meta = await reader.next();
  if (meta.kind !== 'manifest') throw new BackupFileError('damaged');
  let m: Manifest;
  try {
    m = JSON.parse((await reader.whole(meta.bytes)).toString('utf8')) as Manifest;
  } catch (e) {
    if (e instanceof BackupFileError) throw e;
    throw new BackupFileError('damaged');
  }
  if (m.app !== 'loket-aduan') throw new BackupFileError('not-backup');
  const known = loadMigrations(migrationsFolder).length;
  if (m.format > MANIFEST_FORMAT || m.schemaVersion > known) {
    throw new BackupFileError('newer', `(Loket Aduan ${m.appVersion}, skema ${m.schemaVersion}; aplikasi ini mengenal sampai skema ${known}.) Perbarui aplikasi dulu; tidak ada yang diubah.`);
  }
  return m;
}

export async function restoreBackup(opts: RestoreOptions): Promise<RestoreSummary> {
  const target = path.resolve(opts.target);
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(opts.from, 'r');
  } catch {
    throw new RestoreError('file-missing', `Berkas cadangan tidak ditemukan atau tidak dapat dibaca: ${opts.from}`);
  }
  let staging: string | null = null;
  try {
    if ((await fh.stat()).isDirectory()) throw new RestoreError('file-missing', `${opts.from} adalah folder, bukan berkas cadangan.`);
    const reader = await BackupReader.open(fh, opts.password);
    const manifest = await readManifest(reader, opts.migrationsFolder);

    if (opts.mode === 'new-folder') {
      const holder = lockHolder(target);
      if (holder) throw new RestoreError('in-use', inUseMessage(target, holder));
      if (!isEmptyDir(target)) throw new RestoreError('target-not-empty', `Folder ${target} tidak kosong. Pemulihan selalu ke folder baru (atau kosong), agar tidak ada data yang tertimpa; pilih folder lain.`);
    }

    staging = `${target}${STAGING}${stamp(opts.now)}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    const lock = acquireDataLock(staging);
    const total = manifest.databaseBytes + manifest.attachments.length;
    let done = 0;

    // 3. The database snapshot, still under the backup's own key.
    const db = await reader.next();
    if (db.kind !== 'database' || db.bytes !== manifest.databaseBytes) throw new BackupFileError('damaged');
    const snapshot = path.join(staging, SNAPSHOT);
    const out = await fsp.open(snapshot, 'wx');
    try {
      for await (const piece of reader.body(db.bytes)) {
        await writeAll(out, piece);
        done += piece.length;
        opts.onProgress?.(done, total);
      }
      await out.sync();
    } finally {
      await out.close();
    }

    const store = new AttachmentStore(staging, opts.keys.attachments);
    for (const expected of manifest.attachments) {
      const meta = await reader.next();
      if (meta.kind !== 'attachment' || meta.name !== expected) throw new BackupFileError('damaged');
      const plain = await reader.whole(meta.bytes);
      if (sha256Of(plain) !== expected) throw new BackupFileError('damaged');
      store.write(expected, plain);
      opts.onProgress?.(++done, total);
    }
    if ((await reader.next()).kind !== 'end') throw new BackupFileError('damaged');
    await reader.finish();

    // 4. Checked against the manifest, then copied under the target folder's key and checked again.
    const dbKey = Buffer.from(manifest.databaseKey, 'hex');
    const check = (file: string, key: Buffer) => {
      const sqlite = openKeyed(file, key, { readonly: true, fileMustExist: true });
      try {
        const problems = [...integrityProblems(sqlite), ...fingerprintDifferences(manifest.fingerprint, fingerprint(sqlite))];
        if (problems.length) throw new BackupFileError('damaged', `(${problems.slice(0, 3).join(', ')})`);
      } finally {
        sqlite.close();
      }
    };
    check(snapshot, dbKey);
    const file = path.join(staging, DB_FILE);
    vacuumInto({ file: snapshot, key: dbKey }, file, opts.keys.database);
    fs.rmSync(snapshot);
    check(file, opts.keys.database);

    const database = openDatabase({ dataDir: staging, migrationsFolder: opts.migrationsFolder, key: opts.keys.database });
    let fixed: ReturnType<typeof applyRestoreFixups>;
    try {
      const tz = manifest.timeZone;
      fixed = applyRestoreFixups(database.db, {
        backupFile: path.basename(opts.from),
        backupTakenAt: manifest.takenAt,
        backupAppVersion: manifest.appVersion,
        backupBytes: (await fh.stat()).size,
        now: opts.now.toISOString(),
        takenYear: Number(toLocal(manifest.takenAt, tz).date.slice(0, 4)),
        nowYear: Number(toLocal(opts.now, tz).date.slice(0, 4)),
      });
      setLocal(database.db, 'attachmentsEncrypted', true);
      database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      database.close();
    }
    for (const f of opts.carry ?? []) {
      if (fs.existsSync(f)) {
        fs.copyFileSync(f, path.join(staging, path.basename(f)));
        fsyncFile(path.join(staging, path.basename(f)));
      }
    }
    lock.release();
    fsyncDir(staging);

    // 5. Into place.
    let folder: string;
    if (opts.mode === 'new-folder') {
      if (fs.existsSync(target)) fs.rmdirSync(target);
      fs.renameSync(staging, target);
      folder = target;
    } else {
      writeFileDurably(path.join(staging, READY), JSON.stringify({ from: opts.from, at: opts.now.toISOString() }));
      folder = staging;
    }
    fsyncDir(path.dirname(target));
    staging = null;
    return {
      complaints: manifest.complaints,
      attachments: manifest.attachments.length,
      backupTakenAt: manifest.takenAt,
      backupAppVersion: manifest.appVersion,
      requeued: fixed.requeued,
      counters: fixed.counters,
      folder,
    };
  } finally {
    await fh.close();
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * At start, before the data folder is opened: a restore made in the app and marked ready becomes
 * the data folder (the folder it replaces is kept as `<data>.sebelum-pulih-<time>`). Abandoned
 * staging folders (a restore interrupted by a crash) are removed. Returns the replaced folder.
 */
export function finishPendingRestore(dataDir: string, now = new Date()): string | null {
  const dir = path.resolve(dataDir);
  if (lockHolder(dir)) return null; // another app has the folder; it will refuse this start anyway
  const parent = path.dirname(dir);
  const prefix = `${path.basename(dir)}${STAGING}`;
  let names: string[];
  try {
    names = fs.readdirSync(parent).filter((n) => n.startsWith(prefix)).sort();
  } catch {
    return null;
  }
  const ready = names.filter((n) => fs.existsSync(path.join(parent, n, READY)));
  for (const n of names) {
    if (ready.includes(n) || lockHolder(path.join(parent, n))) continue;
    fs.rmSync(path.join(parent, n), { recursive: true, force: true });
  }
  fs.rmSync(path.join(dir, READY), { force: true }); // a switch that was cut right after its rename
  const newest = ready.at(-1);
  if (!newest) return null;
  let before: string | null = null;
  if (fs.existsSync(dir)) {
    before = `${dir}${BEFORE}${stamp(now)}`;
    fs.renameSync(dir, before);
  }
  fs.renameSync(path.join(parent, newest), dir);
  fsyncDir(parent);
  fs.rmSync(path.join(dir, READY), { force: true });
  for (const older of ready.slice(0, -1)) fs.rmSync(path.join(parent, older), { recursive: true, force: true });
  log.info(`switched to the restored data${before ? `; the previous data folder is kept as ${before}` : ''}`);
  return before;
}
