// Backups, the rules both sides share: the API's shapes (Pengaturan → Cadangan), the file names in
// the backup folder, which backups are kept (7 daily, 12 monthly), when the daily backup is due
// (the close of the working day) and when the badge warns. Pure; server/backup/ does the I/O.
import { z } from 'zod';
import { requiredText } from './fields';
import { fromLocal, TIME_ZONE_INFO, toLocal, type TimeZone } from './time';
import { addDays } from './working-days';

export const BACKUP_EXTENSION = '.cadangan';
/** `loket-aduan-20261124-160012.cadangan` (office time), `-2` etc. when a second lands in the same second. */
const NAME = /^loket-aduan-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{1,3}))?\.cadangan$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function backupFileName(at: Date | string, tz: TimeZone, n = 0): string {
  const l = new Date(new Date(at).getTime() + TIME_ZONE_INFO[tz].offsetMinutes * 60_000);
  const stamp = `${l.getUTCFullYear()}${pad(l.getUTCMonth() + 1)}${pad(l.getUTCDate())}-${pad(l.getUTCHours())}${pad(l.getUTCMinutes())}${pad(l.getUTCSeconds())}`;
  return `loket-aduan-${stamp}${n ? `-${n}` : ''}${BACKUP_EXTENSION}`;
}

export interface BackupName {
  name: string;
  /** Office-local YYYY-MM-DD and HH:mm:ss from the name. */
  date: string;
  time: string;
  /** Sorts names oldest first. */
  order: string;
}

export function parseBackupName(name: string): BackupName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, n] = m;
  return { name, date: `${y}-${mo}-${d}`, time: `${h}:${mi}:${s}`, order: `${y}${mo}${d}${h}${mi}${s}${pad(Number(n ?? 0), 3)}` };
}

export const KEEP_DAILY = 7;
export const KEEP_MONTHLY = 12;

/**
 * The backups to keep among those in the folder: the newest of each of the last 7 days that have
 * one, and the newest of each of the last 12 months that have one. Names that are not backups are
 * never in the answer and never deleted by the caller either.
 */
export function backupsToKeep(names: string[]): Set<string> {
  const parsed = names.map(parseBackupName).filter((b): b is BackupName => !!b).sort((a, b) => (a.order < b.order ? 1 : -1));
  const keep = new Set<string>();
  const newestOf = (period: (b: BackupName) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of parsed) {
      const p = period(b);
      if (seen.has(p)) continue;
      seen.add(p);
      if (seen.size > count) break;
      keep.add(b.name);
    }
  };
  newestOf((b) => b.date, KEEP_DAILY);
  newestOf((b) => b.date.slice(0, 7), KEEP_MONTHLY);
  return keep;
}

const DAY_MS = 24 * 60 * 60_000;
/** The badge warns when the last good backup is older than this. */
export const STALE_AFTER_MS = 2 * DAY_MS;
/** Closing the app backs up first when the last good backup is older than this. */
export const EXIT_BACKUP_AFTER_MS = DAY_MS;
export const DEFAULT_DAILY_AT = '16:00';

/**
 * The latest close of a working day at or before `now`: `dailyAt` office time on a working day.
 * A PC that was off then backs up at its next start; null when none in the last 31 days.
 */
export function lastScheduledAt(now: Date, tz: TimeZone, dailyAt: string, isWorkingDay: (date: string) => boolean): string | null {
  let date = toLocal(now, tz).date;
  for (let i = 0; i < 31; i++, date = addDays(date, -1)) {
    const at = fromLocal({ date, time: dailyAt }, tz);
    if (Date.parse(at) <= now.getTime() && isWorkingDay(date)) return at;
  }
  return null;
}

export function scheduledBackupDue(now: Date, lastGoodAt: string | null, tz: TimeZone, dailyAt: string, isWorkingDay: (date: string) => boolean): boolean {
  const due = lastScheduledAt(now, tz, dailyAt, isWorkingDay);
  return !!due && (!lastGoodAt || lastGoodAt < due);
}

export const exitBackupDue = (now: Date, lastGoodAt: string | null) => !lastGoodAt || now.getTime() - Date.parse(lastGoodAt) > EXIT_BACKUP_AFTER_MS;

export const BACKUP_PROBLEMS = ['unconfigured', 'folder-missing', 'stale', 'failed'] as const;
export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];

/** What the badge warns about, the most pressing first; null when the last good backup is recent. */
export function backupProblem(s: { configured: boolean; folderAvailable: boolean; lastGoodAt: string | null; lastFailureAt: string | null }, now: Date): BackupProblem | null {
  if (!s.configured) return 'unconfigured';
  if (!s.folderAvailable) return 'folder-missing';
  if (!s.lastGoodAt || now.getTime() - Date.parse(s.lastGoodAt) > STALE_AFTER_MS) return 'stale';
  if (s.lastFailureAt && s.lastFailureAt > s.lastGoodAt) return 'failed';
  return null;
}

export const PASSWORD_MIN = 10;

const dailyAt = z
  .string({ error: 'Jam pencadangan wajib diisi.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Jam pencadangan tidak valid (format JJ:MM, misalnya 16:00).' });

export const backupSettingsInput = z
  .object({
    folder: requiredText('Folder cadangan', 1000),
    dailyAt,
    /** Write-only; null keeps the password already set. */
    password: z.string().max(1024, { error: 'Kata sandi cadangan terlalu panjang.' }).nullish(),
    passwordConfirm: z.string().max(1024).nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.password) return;
    if (v.password.length < PASSWORD_MIN) ctx.addIssue({ code: 'custom', path: ['password'], message: `Kata sandi cadangan minimal ${PASSWORD_MIN} karakter.` });
    else if (v.password !== v.passwordConfirm) ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'Ulangan kata sandi tidak sama.' });
  });
export type BackupSettingsInput = z.input<typeof backupSettingsInput>;

export const backupSettings = z.object({
  folder: z.string(),
  dailyAt: z.string(),
  passwordSet: z.boolean(),
  /** Where this folder's encryption key lives, in words (Pengaturan shows it). */
  keyWhere: z.string(),
});

export const backupStatus = z.object({
  configured: z.boolean(),
  folder: z.string().nullable(),
  folderAvailable: z.boolean(),
  running: z.boolean(),
  progress: z.object({ done: z.number(), total: z.number() }).nullable(),
  lastGood: z.object({ at: z.string(), file: z.string(), bytes: z.number() }).nullable(),
  lastFailure: z.object({ at: z.string(), message: z.string() }).nullable(),
  /** What the badge warns about (backupProblem). */
  problem: z.enum(BACKUP_PROBLEMS).nullable(),
  lastRestore: z
    .object({ at: z.string(), backupTakenAt: z.string(), requeued: z.number(), counters: z.array(z.object({ year: z.number(), before: z.number(), after: z.number() })) })
    .nullable(),
});
export type BackupStatus = z.infer<typeof backupStatus>;

export const backupFileInfo = z.object({ name: z.string(), path: z.string(), bytes: z.number(), date: z.string(), time: z.string() });

export const restoreInput = z.object({
  file: requiredText('Berkas cadangan', 1000),
  password: z.string({ error: 'Kata sandi cadangan wajib diisi.' }).min(1, { error: 'Kata sandi cadangan wajib diisi.' }).max(1024),
});

export const restoreResult = z.object({
  complaints: z.number().int(),
  attachments: z.number().int(),
  backupTakenAt: z.string(),
  requeued: z.number().int(),
  counters: z.array(z.object({ year: z.number(), before: z.number(), after: z.number() })),
  /** The app switches to the restored data now; false: at its next start. */
  switching: z.boolean(),
});
export type RestoreResult = z.infer<typeof restoreResult>;

/**
 * How many registration numbers a restore skips: at least 1,000, or twice the busiest day's
 * complaints in the backup for every day since it was taken (counting today), whichever is more.
 * Numbers given out after the backup (their complaints are not in it, but their receipts exist)
 * are below the jump, so none is given out twice.
 */
export function registrationGap(busiestDay: number, backupTakenAt: string, now: string): number {
  const days = Math.max(0, Math.ceil((Date.parse(now) - Date.parse(backupTakenAt)) / DAY_MS)) + 1;
  return Math.max(1000, 2 * busiestDay * days);
}

/** The counter after the jump: `last + gap` rounded up to a whole thousand, so the gap is easy to see. */
export const counterAfterRestore = (last: number, gap: number) => Math.ceil((last + gap) / 1000) * 1000;
