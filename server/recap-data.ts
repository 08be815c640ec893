// What each recap shows for a period, read from the database with the office's settings as they
// stand: the weekly recap, the semester/quarter recap and results report, monitoring & evaluation,
// and the yearly indicators. Run by the background worker (server/background/jobs.ts) so a big
// period never holds up the app's other calls.
import { getMonev } from '../db/monev';
import type { OpenDatabase } from '../db/open';
import { indicatorData, periodCounts, periodRecap, weeklyRecap } from '../db/recaps';
import { getSettings } from '../db/settings';
import { deadlineContextOf } from '../db/workflow';
import { quarterContaining, type Period } from '../forms/periods';
import type { RecapData } from '../forms/recap-layouts';
import type { RecapKind } from '../forms/recap';
import { toLocal } from '../forms/time';

/** `now` caps "overdue at the end of the week" for the week still running. */
export const weeklyOf = ({ db, sqlite }: OpenDatabase, period: Period, now: string) => weeklyRecap(sqlite, period, deadlineContextOf(db), now);

/** The semester or quarter recap (its counts). */
export const countsOf = ({ db, sqlite }: OpenDatabase, period: Period) => periodCounts(sqlite, period, { tz: getSettings(db).timeZone });

/** The counts and the results report, one row per complaint. */
export const periodOf = ({ db, sqlite }: OpenDatabase, period: Period) => periodRecap(sqlite, period, { tz: getSettings(db).timeZone });

/** What a recap of this kind shows for the period (monitoring: the quarter the period starts in). */
export function recapData(database: OpenDatabase, kind: RecapKind, period: Period, now: string): RecapData {
  if (kind === 'mingguan') return { weekly: weeklyOf(database, period, now) };
  if (kind === 'monev') {
    const { year, quarter } = quarterContaining(period.from);
    return { monev: getMonev(database.db, year, quarter) };
  }
  return kind === 'rekapitulasi' ? { counts: countsOf(database, period) } : { period: periodOf(database, period) };
}

export function indicatorsOf({ db, sqlite }: OpenDatabase, period: Period) {
  const s = getSettings(db);
  return indicatorData(sqlite, { tz: s.timeZone, period, targetReceived: s.targetReceived, targetFinishedPercent: s.targetFinishedPercent });
}

/** The settings a printed or exported recap is headed and signed with, and its date. */
export function recapSettings({ db }: OpenDatabase, now: string) {
  const settings = getSettings(db);
  return { settings, today: toLocal(now, settings.timeZone).date };
}
