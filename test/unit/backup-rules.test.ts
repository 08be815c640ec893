// The pure rules of backups: file names, which backups are kept, when the daily backup is due, what
// the badge warns about, and how far the registration counter jumps after a restore.
import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupProblem,
  backupsToKeep,
  counterAfterRestore,
  exitBackupDue,
  lastScheduledAt,
  parseBackupName,
  registrationGap,
  scheduledBackupDue,
} from '../../forms/backup';
import { addDays, weekday } from '../../forms/working-days';

const weekdays = (date: string) => weekday(date) !== 0 && weekday(date) !== 6;

describe('backup file names', () => {
  it('name a backup by its office time, and read it back', () => {
    const name = backupFileName('2026-11-24T09:00:12.345Z', 'WIB');
    expect(name).toBe('loket-aduan-20261124-160012.cadangan');
    expect(parseBackupName(name)).toMatchObject({ date: '2026-11-24', time: '16:00:12' });
    expect(backupFileName('2026-11-24T09:00:12Z', 'WIT', 2)).toBe('loket-aduan-20261124-180012-2.cadangan');
    for (const other of ['loket-aduan-20261124-160012.cadangan.tmp', 'catatan.txt', 'loket-aduan-2026.cadangan']) expect(parseBackupName(other)).toBeNull();
  });
});

describe('keeping 7 daily and 12 monthly backups', () => {
  it('keeps the newest of each of the last 7 days and of each of the last 12 months, nothing else', () => {
    // Two backups a day (manual and scheduled) for 400 days back from 2026-11-24.
    const names: string[] = [];
    for (let i = 0; i < 400; i++) {
      const date = addDays('2026-11-24', -i).replaceAll('-', '');
      names.push(`loket-aduan-${date}-090000.cadangan`, `loket-aduan-${date}-160000.cadangan`);
    }
    names.push('catatan-admin.txt');
    const keep = [...backupsToKeep(names)].sort();
    const daily = Array.from({ length: 7 }, (_, i) => `loket-aduan-${addDays('2026-11-24', -i).replaceAll('-', '')}-160000.cadangan`);
    const monthEnds = ['20251231', '20260131', '20260228', '20260331', '20260430', '20260531', '20260630', '20260731', '20260831', '20260930', '20261031'];
    const monthly = monthEnds.map((d) => `loket-aduan-${d}-160000.cadangan`);
    expect(keep).toEqual([...new Set([...daily, ...monthly])].sort());
    expect(keep).toHaveLength(7 + 11); // November 2026's newest is today's daily
    expect(keep).not.toContain('catatan-admin.txt');
  });

  it('counts days that have backups, so a PC off for a week keeps its last seven', () => {
    const names = ['20261101', '20261102', '20261103', '20261104', '20261105', '20261106', '20261107', '20261108', '20261124'].map((d) => `loket-aduan-${d}-160000.cadangan`);
    const keep = [...backupsToKeep(names)].sort();
    // The 7 newest days with a backup; November's monthly is the 24th, already kept.
    expect(keep).toEqual(['03', '04', '05', '06', '07', '08', '24'].map((d) => `loket-aduan-202611${d}-160000.cadangan`));
  });
});

describe('the daily backup at the close of the working day', () => {
  const tz = 'WIB' as const;
  it('is due from 16:00 office time on a working day until a backup is made', () => {
    const at = (iso: string) => new Date(iso);
    expect(lastScheduledAt(at('2026-11-24T08:59:00Z'), tz, '16:00', weekdays)).toBe('2026-11-23T09:00:00.000Z'); // Tuesday 15:59: Monday's close
    expect(scheduledBackupDue(at('2026-11-24T08:59:00Z'), '2026-11-23T09:05:00.000Z', tz, '16:00', weekdays)).toBe(false);
    expect(scheduledBackupDue(at('2026-11-24T09:00:00Z'), '2026-11-23T09:05:00.000Z', tz, '16:00', weekdays)).toBe(true);
    expect(scheduledBackupDue(at('2026-11-24T09:30:00Z'), '2026-11-24T09:01:00.000Z', tz, '16:00', weekdays)).toBe(false);
    expect(scheduledBackupDue(at('2026-11-24T09:30:00Z'), null, tz, '16:00', weekdays)).toBe(true);
  });

  it('skips weekends and holidays, and is made at the next start when the PC was off at the close', () => {
    const holiday = (date: string) => weekdays(date) && date !== '2026-11-27';
    // Saturday: the last close was Thursday's (Friday is a holiday here).
    expect(lastScheduledAt(new Date('2026-11-28T03:00:00Z'), 'WIB', '16:00', holiday)).toBe('2026-11-26T09:00:00.000Z');
    // Monday 08:00, PC off since Thursday noon: Thursday's close is still owed.
    expect(scheduledBackupDue(new Date('2026-11-30T01:00:00Z'), '2026-11-26T05:00:00.000Z', 'WIB', '16:00', holiday)).toBe(true);
  });

  it('backs up on exit when the last good backup is older than a day', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(exitBackupDue(now, null)).toBe(true);
    expect(exitBackupDue(now, '2026-11-23T09:59:00.000Z')).toBe(true);
    expect(exitBackupDue(now, '2026-11-23T10:01:00.000Z')).toBe(false);
  });
});

describe('the backup badge', () => {
  const now = new Date('2026-11-24T10:00:00Z');
  const ok = { configured: true, folderAvailable: true, lastGoodAt: '2026-11-23T09:00:00.000Z', lastFailureAt: null };
  it('warns when the last good backup is older than 2 days, the folder is missing, or nothing is set', () => {
    expect(backupProblem(ok, now)).toBeNull();
    expect(backupProblem({ ...ok, lastGoodAt: '2026-11-22T09:59:00.000Z' }, now)).toBe('stale');
    expect(backupProblem({ ...ok, lastGoodAt: null }, now)).toBe('stale');
    expect(backupProblem({ ...ok, folderAvailable: false }, now)).toBe('folder-missing');
    expect(backupProblem({ ...ok, configured: false }, now)).toBe('unconfigured');
    expect(backupProblem({ ...ok, lastFailureAt: '2026-11-24T09:00:00.000Z' }, now)).toBe('failed');
  });
});

describe('the registration counter after a restore', () => {
  it('jumps at least 1,000, or twice the busiest day for every day since the backup, to a whole thousand', () => {
    expect(registrationGap(40, '2026-11-24T09:00:00Z', '2026-11-24T11:00:00Z')).toBe(1000);
    // Ten days and two hours ago: 11 days since, 12 counting today.
    expect(registrationGap(40, '2026-11-14T09:00:00Z', '2026-11-24T11:00:00Z')).toBe(1000);
    expect(registrationGap(100, '2026-11-14T09:00:00Z', '2026-11-24T11:00:00Z')).toBe(2 * 100 * 12);
    expect(counterAfterRestore(123, 1000)).toBe(2000);
    expect(counterAfterRestore(0, 1000)).toBe(1000);
    expect(counterAfterRestore(1999, 880)).toBe(3000);
  });
});
