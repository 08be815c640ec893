import crypto from 'node:crypto';
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { CalendarView, Holiday, HolidayInput } from '../forms/calendar';
import type { OfficialCalendar } from '../forms/official-calendars';
import type { Calendar } from '../forms/working-days';
import { inTransaction, type Db } from './open';
import { prepared } from './prepared';
import { complaints, holidays, officialCalendars } from './schema';

export function listHolidays(db: Db): Holiday[] {
  return db.select().from(holidays).orderBy(asc(holidays.date)).all();
}

const holidayDates = (db: Db) => db.select({ date: holidays.date }).from(holidays).orderBy(asc(holidays.date)).prepare();
/** The calendar last read, by its dates: the same object while they stay the same (working-day counts keep a per-calendar cache). */
let lastCalendar: { key: string; calendar: Calendar } | null = null;

export function calendarOf(db: Db): Calendar {
  // Read on every save and every deadline shown; any writer (Pengaturan, an import, a decree
  // shipped with an update, another connection) changes the dates and so the key.
  const dates = prepared(db, holidayDates).values().map((r) => r[0] as string);
  const key = dates.join(',');
  if (lastCalendar?.key !== key) lastCalendar = { key, calendar: { holidays: new Set(dates) } };
  return lastCalendar.calendar;
}

export function yearsCovered(db: Db): CalendarView['years'] {
  const decrees = new Map(db.select().from(officialCalendars).all().map((r) => [r.year, r.source]));
  return db
    .select({
      year: sql<number>`cast(substr(${holidays.date}, 1, 4) as integer)`,
      count: sql<number>`count(*)`,
      official: sql<number>`sum(${holidays.status} = 'resmi')`,
    })
    .from(holidays)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .all()
    .map((y) => ({ ...y, status: decrees.has(y.year) ? ('resmi' as const) : ('sementara' as const), source: decrees.get(y.year) ?? null }));
}

/**
 * The calendar as Pengaturan shows it, with the years the office needs but has no dates for: this
 * year, next year and every year an open deadline falls in.
 */
export function calendarView(db: Db, thisYear: number): CalendarView {
  const years = yearsCovered(db);
  const dueYears = db
    .select({ y: sql<number>`DISTINCT cast(substr(${complaints.nextDueAt}, 1, 4) as integer)` })
    .from(complaints)
    .where(sql`${complaints.nextDueAt} IS NOT NULL`)
    .all()
    .map((r) => r.y);
  const needed = [...new Set([thisYear, thisYear + 1, ...dueYears])].sort();
  return { holidays: listHolidays(db), years, missingYears: needed.filter((y) => !years.some((c) => c.year === y)) };
}

export function upsertHolidays(db: Db, rows: HolidayInput[], source: Holiday['source'], now: string): void {
  inTransaction(db, (tx) => {
    for (const r of rows) {
      tx.insert(holidays)
        .values({ ...r, source, updatedAt: now })
        .onConflictDoUpdate({ target: holidays.date, set: { name: r.name, kind: r.kind, status: r.status, source, updatedAt: now } })
        .run();
    }
  });
}

export function deleteHoliday(db: Db, date: string): boolean {
  return db.delete(holidays).where(eq(holidays.date, date)).run().changes > 0;
}

export function hasYear(db: Db, year: number): boolean {
  return !!db.select({ d: holidays.date }).from(holidays).where(sql`${holidays.date} LIKE ${`${year}-%`}`).limit(1).get();
}

/** Rows the app wrote from shipped data; everything else was decided by the office. */
const SHIPPED_SOURCES: Holiday['source'][] = ['skb', 'date-holidays'];

/**
 * Brings the shipped official calendars into the office calendar and returns the years it changed.
 *
 * A year is brought in when its shipped data is new to this data folder: the first start, or an
 * update that ships a newly published or amended decree. Then, for that year, every shipped date
 * becomes an official row and the provisional or earlier official dates the decree does not list
 * are removed. Rows an admin saved or imported are the office's own decisions (a regional day off,
 * a correction) and are never changed or removed; where one shares a date with the decree it stays
 * as the admin wrote it, the day being off either way. Between updates nothing is re-applied, so an
 * admin's later edit of an official row (removing a cuti bersama the office works through) stands
 * until the year's decree itself changes.
 */
export function applyOfficialCalendars(db: Db, calendars: readonly OfficialCalendar[], now: string): number[] {
  const changed: number[] = [];
  inTransaction(db, (tx) => {
    for (const cal of calendars) {
      const fingerprint = crypto.createHash('sha256').update(JSON.stringify(cal)).digest('hex');
      const applied = tx.select().from(officialCalendars).where(eq(officialCalendars.year, cal.year)).get();
      if (applied?.fingerprint === fingerprint) continue;
      const inYear = sql`${holidays.date} LIKE ${`${cal.year}-%`}`;
      const dates = cal.holidays.map((h) => h.date);
      tx.delete(holidays)
        .where(and(inYear, inArray(holidays.source, SHIPPED_SOURCES), notInArray(holidays.date, dates)))
        .run();
      const office = new Set(
        tx.select({ date: holidays.date }).from(holidays).where(and(inYear, notInArray(holidays.source, SHIPPED_SOURCES))).all().map((r) => r.date),
      );
      for (const h of cal.holidays) {
        if (office.has(h.date)) continue;
        const row = { name: h.name, kind: h.kind, status: 'resmi' as const, source: 'skb' as const, updatedAt: now };
        tx.insert(holidays).values({ date: h.date, ...row }).onConflictDoUpdate({ target: holidays.date, set: row }).run();
      }
      const decree = { source: cal.source, fingerprint, appliedAt: now };
      tx.insert(officialCalendars).values({ year: cal.year, ...decree }).onConflictDoUpdate({ target: officialCalendars.year, set: decree }).run();
      changed.push(cal.year);
    }
  });
  return changed;
}
