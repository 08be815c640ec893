import { asc, eq, sql } from 'drizzle-orm';
import type { Holiday, HolidayInput } from '../forms/calendar';
import type { Calendar } from '../forms/working-days';
import type { Db } from './open';
import { holidays } from './schema';

export function listHolidays(db: Db): Holiday[] {
  return db.select().from(holidays).orderBy(asc(holidays.date)).all();
}

export function calendarOf(db: Db): Calendar {
  return { holidays: new Set(db.select({ date: holidays.date }).from(holidays).all().map((r) => r.date)) };
}

export function yearsCovered(db: Db): { year: number; count: number; official: number }[] {
  return db
    .select({
      year: sql<number>`cast(substr(${holidays.date}, 1, 4) as integer)`,
      count: sql<number>`count(*)`,
      official: sql<number>`sum(${holidays.status} = 'resmi')`,
    })
    .from(holidays)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .all();
}

export function upsertHolidays(db: Db, rows: HolidayInput[], source: Holiday['source'], now: string): void {
  db.transaction((tx) => {
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
