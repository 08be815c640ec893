// Recap periods as office-local dates (inclusive). The office's week runs Monday to Sunday.
import { z } from 'zod';
import { dateField } from './fields';
import { formatTanggal } from './time';
import { addDays, weekday } from './working-days';

export const periodInput = z
  .object({ from: dateField('Dari tanggal'), to: dateField('Sampai tanggal') })
  .refine((p) => p.from <= p.to, { error: 'Tanggal akhir harus sesudah tanggal awal.', path: ['to'] });
export type Period = z.output<typeof periodInput>;

export function weekOf(date: string): Period {
  const from = addDays(date, -((weekday(date) + 6) % 7));
  return { from, to: addDays(from, 6) };
}

export function quarterOf(year: number, q: 1 | 2 | 3 | 4): Period {
  const month = (n: number) => String(n).padStart(2, '0');
  const m = (q - 1) * 3 + 1;
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${month(m + 3)}-01`;
  return { from: `${year}-${month(m)}-01`, to: addDays(next, -1) };
}

export function semesterOf(year: number, s: 1 | 2): Period {
  return s === 1 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/** "Semester 1 (1 Januari – 30 Juni)" style, or the plain range. */
export function describePeriod(p: Period): string {
  const y = Number(p.from.slice(0, 4));
  const range = `${formatTanggal(p.from)} – ${formatTanggal(p.to)}`;
  for (const s of [1, 2] as const) {
    const sp = semesterOf(y, s);
    if (sp.from === p.from && sp.to === p.to) return `Semester ${s} (${range})`;
  }
  for (const q of [1, 2, 3, 4] as const) {
    const qp = quarterOf(y, q);
    if (qp.from === p.from && qp.to === p.to) return `Triwulan ${['I', 'II', 'III', 'IV'][q - 1]} (${range})`;
  }
  return range;
}
