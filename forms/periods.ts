// Recap periods as office-local dates (inclusive). The office's week runs Monday to Sunday.
import { z } from 'zod';
import { dateField } from './fields';
import { formatTanggal } from './format';
import { addDays, weekday } from './working-days';

export const periodInput = z
  .object({ from: dateField('Dari tanggal'), to: dateField('Sampai tanggal') })
  .refine((p) => p.from <= p.to, { error: 'Tanggal akhir harus sesudah tanggal awal.', path: ['to'] });
export type Period = z.output<typeof periodInput>;

export function weekOf(date: string): Period {
  const from = addDays(date, -((weekday(date) + 6) % 7));
  return { from, to: addDays(from, 6) };
}

/** Quarters (*triwulan*) and semesters of the calendar year: a semester is two quarters. */
export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];
export const SEMESTERS = [1, 2] as const;
export type Semester = (typeof SEMESTERS)[number];
const ROMAN: Record<Quarter, string> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

export function quarterOf(year: number, q: Quarter): Period {
  const month = (n: number) => String(n).padStart(2, '0');
  const m = (q - 1) * 3 + 1;
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${month(m + 3)}-01`;
  return { from: `${year}-${month(m)}-01`, to: addDays(next, -1) };
}

/** The year and quarter a date (YYYY-MM-DD) lies in. */
export function quarterContaining(date: string): { year: number; quarter: Quarter } {
  return { year: Number(date.slice(0, 4)), quarter: (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter };
}

export function semesterOf(year: number, s: Semester): Period {
  return { from: quarterOf(year, (2 * s - 1) as Quarter).from, to: quarterOf(year, (2 * s) as Quarter).to };
}

export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });

const DAY_MS = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Days in a period, both ends included. */
export const daysIn = (p: Period): number => (utc(p.to) - utc(p.from)) / DAY_MS + 1;

/** The part of `p` that lies inside `within`, or null when they do not meet. */
export function clip(p: Period, within: Period): Period | null {
  const from = p.from > within.from ? p.from : within.from;
  const to = p.to < within.to ? p.to : within.to;
  return from <= to ? { from, to } : null;
}

/** The calendar years a period touches. */
export function yearsOf(p: Period): number[] {
  const first = Number(p.from.slice(0, 4));
  return Array.from({ length: Number(p.to.slice(0, 4)) - first + 1 }, (_, i) => first + i);
}

/** The calendar months a period touches ('YYYY-MM'), each with its part of the period. */
export function monthsOf(p: Period): { month: string; period: Period }[] {
  const out: { month: string; period: Period }[] = [];
  for (let month = p.from.slice(0, 7); month <= p.to.slice(0, 7); ) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    out.push({ month, period: clip({ from: `${month}-01`, to: addDays(`${next}-01`, -1) }, p)! });
    month = next;
  }
  return out;
}

/** A yearly target's share for a period: in proportion to the days it covers of each year. */
export function proratedTarget(yearly: number, p: Period): number {
  return Math.round(yearsOf(p).reduce((sum, y) => sum + (yearly * daysIn(clip(p, yearPeriod(y))!)) / daysIn(yearPeriod(y)), 0));
}

/**
 * The period a recap shows for the period chosen last, on whichever recap it was chosen: the
 * weekly recap needs a week and monitoring a quarter, so they take the one holding the chosen
 * period's latest day that has begun (the chosen week itself when it is one); any other recap
 * shows the chosen period as it is.
 */
export function periodFor(shape: 'week' | 'quarter' | 'any', chosen: Period, today: string): Period {
  if (shape === 'any') return chosen;
  const week = weekOf(chosen.from);
  if (shape === 'week' && week.from === chosen.from && week.to === chosen.to) return chosen;
  const ref = chosen.to <= today ? chosen.to : chosen.from > today ? chosen.from : today;
  if (shape === 'week') return weekOf(ref);
  const { year, quarter } = quarterContaining(ref);
  return quarterOf(year, quarter);
}

/** "Semester 1 (1 Januari – 30 Juni)" style, or the plain range. */
export function describePeriod(p: Period): string {
  const y = Number(p.from.slice(0, 4));
  const range = `${formatTanggal(p.from)} – ${formatTanggal(p.to)}`;
  if (p.from === `${y}-01-01` && p.to === `${y}-12-31`) return `Tahun ${y}`;
  for (const s of SEMESTERS) {
    const sp = semesterOf(y, s);
    if (sp.from === p.from && sp.to === p.to) return `Semester ${s} (${range})`;
  }
  for (const q of QUARTERS) {
    const qp = quarterOf(y, q);
    if (qp.from === p.from && qp.to === p.to) return `Triwulan ${ROMAN[q]} (${range})`;
  }
  return range;
}
