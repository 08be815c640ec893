// How dates, times and numbers are written for people (id-ID): 25/11/2026, 14.16, "Rabu,
// 25 November 2026", 1.234, 97,5%. Every screen, chart, printout and export formats through
// here. Written out by hand instead of through Intl so that Node (printouts, exports) and Chromium
// (screens) give the same text whatever locale data each runtime carries.
import { toLocal, type TimeZone } from './time';

const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
];

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** "2026-11-25" → "25/11/2026". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** "14:16" → "14.16": Indonesian writes clock times with a dot. */
export function formatTime(time: string): string {
  return time.replace(':', '.');
}

/** An instant as the office's wall clock: "25/11/2026, 14.16" (with `zone`: "25/11/2026, 14.16 WIB"). */
export function formatDateTime(instant: Date | string, tz: TimeZone, opts: { zone?: boolean } = {}): string {
  const { date, time } = toLocal(instant, tz);
  return `${formatDate(date)}, ${formatTime(time)}${opts.zone ? ` ${tz}` : ''}`;
}

/** The office-local date of an instant: "25/11/2026". */
export function formatInstantDate(instant: Date | string, tz: TimeZone): string {
  return formatDate(toLocal(instant, tz).date);
}

/** "25 November 2026": the place-and-date line of forms, letters and recaps. */
export function formatTanggal(date: string): string {
  const [y, m, d] = parts(date);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Rabu, 25 November 2026": the Hari/Tanggal line of the paper forms. */
export function formatHariTanggal(date: string): string {
  const [y, m, d] = parts(date);
  return `${DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${formatTanggal(date)}`;
}

/** "2026-11" → "November 2026" (`short`: "Nov 2026"). */
export function formatMonth(month: string, opts: { short?: boolean } = {}): string {
  const [y, m] = parts(month);
  const name = MONTHS[m - 1]!;
  return `${opts.short ? name.slice(0, 3) : name} ${y}`;
}

/** 1234567.5 → "1.234.567,5": dots group thousands, a comma marks decimals (at most `decimals`). */
export function formatNumber(n: number, decimals = 1): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(n) * factor) / factor;
  const [int, frac] = String(rounded).split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 && rounded !== 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** 97.5 → "97,5%". */
export function formatPercent(n: number, decimals = 1): string {
  return `${formatNumber(n, decimals)}%`;
}

/**
 * A number typed the Indonesian way or the plain way: "1.200" → 1200, "97,5" → 97.5,
 * "1.234,5" → 1234.5, "97.5" → 97.5. Anything else is returned unchanged for the schema to refuse.
 */
export function parseNumber(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const s = input.trim().replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+([,.]\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  return s;
}
