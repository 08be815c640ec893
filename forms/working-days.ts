// Working days (hari kerja): Monday to Friday, minus national holidays and cuti bersama. Dates are
// office-local calendar dates as 'YYYY-MM-DD' strings, so arithmetic never meets a time zone.
import { fromLocal, toLocal, type TimeZone } from './time';

export interface Calendar {
  /** Non-working dates (libur nasional and cuti bersama) as YYYY-MM-DD. */
  holidays: ReadonlySet<string>;
}

const toUtc = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, day);
};
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * 86_400_000);
}

export function weekday(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

export function isWorkingDay(date: string, cal: Calendar): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !cal.holidays.has(date);
}

// The counting loops below walk day numbers (days since 1970-01-01, a Thursday), not date strings:
// recomputing 100,000 open deadlines after a calendar change runs them millions of times.
const DAY_MS = 86_400_000;
const dayNumber = (date: string) => toUtc(date) / DAY_MS;
const dateOfDay = (n: number) => fromUtc(n * DAY_MS);
const holidayDays = new WeakMap<ReadonlySet<string>, { size: number; days: Set<number> }>();
/** A test for "working day" over day numbers, for this calendar (its holidays turned into day numbers once). */
function workingDayTest(cal: Calendar): (day: number) => boolean {
  let cached = holidayDays.get(cal.holidays);
  if (cached?.size !== cal.holidays.size) holidayDays.set(cal.holidays, (cached = { size: cal.holidays.size, days: new Set([...cal.holidays].map(dayNumber)) }));
  const { days } = cached;
  return (day) => {
    const wd = (((day % 7) + 7) % 7 + 4) % 7;
    return wd !== 0 && wd !== 6 && !days.has(day);
  };
}

/**
 * The date n working days after `date` (before it for negative n). `date` itself is day 0 and
 * is not counted, whether or not it is a working day: a complaint received on a Saturday has its
 * first working day on Monday.
 */
export function addWorkingDays(date: string, n: number, cal: Calendar): string {
  const working = workingDayTest(cal);
  const step = n >= 0 ? 1 : -1;
  let left = Math.abs(n);
  let d = dayNumber(date);
  while (left > 0) {
    d += step;
    if (working(d)) left--;
  }
  return dateOfDay(d);
}

/** Working days in (from, to]; negative when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string, cal: Calendar): number {
  if (to < from) return -workingDaysBetween(to, from, cal);
  const working = workingDayTest(cal);
  let n = 0;
  for (let d = dayNumber(from) + 1, end = dayNumber(to); d <= end; d++) if (working(d)) n++;
  return n;
}

/** The first working day on or after `date`. */
export function nextWorkingDayOnOrAfter(date: string, cal: Calendar): string {
  const working = workingDayTest(cal);
  let d = dayNumber(date);
  while (!working(d)) d++;
  return dateOfDay(d);
}

/** The last instant of a local date: deadlines run to the end of their day. */
export function endOfLocalDay(date: string, tz: TimeZone): string {
  return new Date(new Date(fromLocal({ date: addDays(date, 1), time: '00:00' }, tz)).getTime() - 1).toISOString();
}

/** End of the n-th working day after the local date of `instant`. */
export function workingDayDeadline(instant: string, n: number, tz: TimeZone, cal: Calendar): { date: string; dueAt: string } {
  const date = addWorkingDays(toLocal(instant, tz).date, n, cal);
  return { date, dueAt: endOfLocalDay(date, tz) };
}
