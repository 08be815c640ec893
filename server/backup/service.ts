// The app's backups: settings (folder, daily time, the password's key), *Cadangkan sekarang*, the
// daily backup at the close of the working day (and at the next start when the PC was off then),
// the backup on exit when the last one is older than a day, the status the badge shows, and the
// restore made from Pengaturan. One backup runs at a time.
import fs from 'node:fs';
import path from 'node:path';
import { calendarOf } from '../../db/holidays';
import { getLocal, lastRestore, setLocal } from '../../db/local-state';
import type { Db } from '../../db/open';
import { getSettings } from '../../db/settings';
import { backupProblem, DEFAULT_DAILY_AT, exitBackupDue, parseBackupName, scheduledBackupDue, type BackupStatus } from '../../forms/backup';
import type { TimeZone } from '../../forms/time';
import { isWorkingDay } from '../../forms/working-days';
import type { DataFolder } from '../data-folder';
import { log } from '../log';
import type { DataKeys } from '../keys';
import { derivePasswordKey } from './container';
import { BackupError, folderMissing, writeBackup, type BackupSource, type WrittenBackup } from './create';
import { restoreBackup, type RestoreSummary } from './restore';

export interface BackupTuning {
  /** How often the schedule is looked at. */
  checkEveryMs: number;
  /** After a failed scheduled backup, the next try waits this long. */
  retryAfterFailureMs: number;
}

export const DEFAULT_BACKUP_TUNING: BackupTuning = { checkEveryMs: 60_000, retryAfterFailureMs: 15 * 60_000 };

export interface BackupServiceOptions {
  source: BackupSource;
  db: Db;
  keys: DataKeys | null;
  migrationsFolder: string;
  now: () => Date;
  timeZone: () => TimeZone;
  isWorkingDay: (date: string) => boolean;
  tuning: BackupTuning;
  /** Files of the data folder a restored folder keeps (the desktop's key, the upstream token). */
  carry: string[];
}

const isDir = (p: string) => {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
};

export class BackupService {
  private running: Promise<WrittenBackup> | null = null;
  private progress: { done: number; total: number } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastTryFailedAt = 0;
  /** A restore is ready to be switched in: closing now must not back up the data it replaces. */
  private restoreReady = false;

  constructor(private readonly o: BackupServiceOptions) {}

  settings() {
    const db = this.o.db;
    return { folder: getLocal(db, 'folder') ?? '', dailyAt: getLocal(db, 'dailyAt') ?? DEFAULT_DAILY_AT, passwordSet: !!getLocal(db, 'password') };
  }

  /** Checks the folder: it must exist now, and lie outside the data folder. Returns a problem or null. */
  folderProblem(folder: string): string | null {
    const abs = path.resolve(folder);
    const rel = path.relative(path.resolve(this.o.source.dataDir), abs);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return 'Folder cadangan tidak boleh berada di dalam folder data; pilih disk lain (misalnya flashdisk).';
    if (!isDir(abs)) return `Folder ${abs} tidak ditemukan. Pasang disk cadangannya dulu, atau periksa penulisannya.`;
    return null;
  }

  async saveSettings(input: { folder: string; dailyAt: string; password?: string | null | undefined }) {
    const db = this.o.db;
    // The slow part (scrypt) first, so nothing is half saved if it fails.
    const password = input.password ? await derivePasswordKey(input.password) : null;
    db.transaction((tx) => {
      setLocal(tx as unknown as Db, 'folder', path.resolve(input.folder));
      setLocal(tx as unknown as Db, 'dailyAt', input.dailyAt);
      if (password) setLocal(tx as unknown as Db, 'password', password);
    });
    return this.settings();
  }

  status(): BackupStatus {
    const db = this.o.db;
    const folder = getLocal(db, 'folder');
    const configured = !!folder && !!getLocal(db, 'password');
    const folderAvailable = !!folder && isDir(folder);
    const lastGood = getLocal(db, 'lastGood');
    const lastFailure = getLocal(db, 'lastFailure');
    const restore = lastRestore(db);
    return {
      configured,
      folder,
      folderAvailable,
      running: !!this.running,
      progress: this.progress,
      lastGood,
      lastFailure,
      problem: backupProblem({ configured, folderAvailable, lastGoodAt: lastGood?.at ?? null, lastFailureAt: lastFailure?.at ?? null }, this.o.now()),
      lastRestore: restore ? { at: restore.restoredAt, backupTakenAt: restore.backupTakenAt, requeued: restore.requeued, counters: restore.counters } : null,
    };
  }

  /** The backups in the folder, newest first. */
  list() {
    const folder = getLocal(this.o.db, 'folder');
    if (!folder || !isDir(folder)) return [];
    return fs
      .readdirSync(folder)
      .map(parseBackupName)
      .filter((b) => !!b)
      .sort((a, b) => (a.order < b.order ? 1 : -1))
      .map((b) => ({ name: b.name, path: path.join(folder, b.name), bytes: fs.statSync(path.join(folder, b.name)).size, date: b.date, time: b.time }));
  }

  /** Throws BackupError at once when no backup can start; otherwise the running backup. */
  runNow(): Promise<WrittenBackup> {
    if (this.running) return this.running;
    const db = this.o.db;
    const folder = getLocal(db, 'folder');
    const password = getLocal(db, 'password');
    if (!folder || !password) throw new BackupError('folder-missing', 'Cadangan belum diatur: pilih folder cadangan dan kata sandi cadangan di Pengaturan.');
    if (!isDir(folder)) throw folderMissing(folder);
    const now = this.o.now();
    this.progress = { done: 0, total: 0 };
    const run = writeBackup(this.o.source, {
      folder,
      password,
      now,
      timeZone: this.o.timeZone(),
      onProgress: (done, total) => {
        this.progress = { done, total };
      },
    });
    this.running = run.then(
      (written) => {
        setLocal(db, 'lastGood', { at: now.toISOString(), file: path.basename(written.file), bytes: written.bytes });
        this.lastTryFailedAt = 0;
        log.info(`backup written (${written.bytes} bytes${written.removed.length ? `, ${written.removed.length} older removed` : ''})`);
        return written;
      },
      (e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        setLocal(db, 'lastFailure', { at: this.o.now().toISOString(), message });
        this.lastTryFailedAt = Date.now();
        log.warn('backup failed', e);
        throw e;
      },
    );
    const done = () => {
      this.running = null;
      this.progress = null;
    };
    this.running.then(done, done);
    return this.running;
  }

  /** Starts the daily schedule. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.o.tuning.checkEveryMs);
    this.timer.unref?.();
  }

  /** One look at the schedule: backs up when the close of a working day has passed since the last good one. */
  async tick(): Promise<void> {
    const s = this.status();
    if (s.running || !s.configured || !s.folderAvailable) return;
    if (this.lastTryFailedAt && Date.now() - this.lastTryFailedAt < this.o.tuning.retryAfterFailureMs) return;
    const dailyAt = getLocal(this.o.db, 'dailyAt') ?? DEFAULT_DAILY_AT;
    if (!scheduledBackupDue(this.o.now(), s.lastGood?.at ?? null, this.o.timeZone(), dailyAt, this.o.isWorkingDay)) return;
    await this.runNow().catch(() => undefined);
  }

  /** Stops the schedule; on exit, backs up first when the last good backup is older than a day. */
  async stop(opts: { exitBackup: boolean }): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.running) await this.running.catch(() => undefined);
    if (!opts.exitBackup || this.restoreReady) return;
    const s = this.status();
    if (!s.configured || !s.folderAvailable || !exitBackupDue(this.o.now(), s.lastGood?.at ?? null)) return;
    await this.runNow().catch(() => undefined);
  }

  /** Pulihkan dari cadangan: restores beside the data folder, ready to be switched in. */
  async restore(file: string, password: string): Promise<RestoreSummary> {
    if (!this.o.keys) throw new Error('restoring needs an encrypted data folder');
    if (this.running) await this.running.catch(() => undefined);
    const restored = await restoreBackup({
      from: path.resolve(file),
      password,
      target: this.o.source.dataDir,
      mode: 'switch',
      keys: this.o.keys,
      migrationsFolder: this.o.migrationsFolder,
      now: this.o.now(),
      carry: this.o.carry,
    });
    this.restoreReady = true;
    return restored;
  }
}

/** The backup service of an opened data folder, on the office's settings and working-day calendar. */
export function backupServiceFor(
  folder: DataFolder,
  opts: { dataDir: string; migrationsFolder: string; version: string; backup?: Partial<BackupTuning> | undefined },
  now: () => Date,
): BackupService {
  const { database, attachments, keys } = folder;
  const { db } = database;
  return new BackupService({
    source: { databaseFile: database.file, databaseKey: keys?.database ?? null, attachments, dataDir: opts.dataDir, appVersion: opts.version },
    db,
    keys,
    migrationsFolder: opts.migrationsFolder,
    now,
    timeZone: () => getSettings(db).timeZone,
    isWorkingDay: (date) => isWorkingDay(date, calendarOf(db)),
    tuning: { ...DEFAULT_BACKUP_TUNING, ...opts.backup },
    carry: folder.carry,
  });
}
