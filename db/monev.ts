import { and, eq } from 'drizzle-orm';
import type { Quarter } from '../forms/periods';
import { MONEV_ACTIVITIES, type Monev } from '../forms/recap';
import type { Db } from './open';
import { monev } from './schema';

export function getMonev(db: Db, year: number, quarter: Quarter): Monev {
  const row = db.select().from(monev).where(and(eq(monev.year, year), eq(monev.quarter, quarter))).get();
  return { year, quarter, rows: row?.rows ?? MONEV_ACTIVITIES.map((activity) => ({ activity, obstacles: '', plan: '' })) };
}

export function saveMonev(db: Db, m: Monev, now: string): Monev {
  db.insert(monev)
    .values({ year: m.year, quarter: m.quarter, rows: m.rows, updatedAt: now })
    .onConflictDoUpdate({ target: [monev.year, monev.quarter], set: { rows: m.rows, updatedAt: now } })
    .run();
  return getMonev(db, m.year, m.quarter);
}
