// Editing dates and times the way an Indonesian office writes them (25/11/2026, 14.16), whatever
// the browser's own locale, while the values on the wire stay YYYY-MM-DD and HH:mm. Only the
// typing side lives here: how saved dates are shown in lists and printouts is not this module's job.
import { isValidDate, isValidTime } from './time';

export const DATE_PLACEHOLDER = 'HH/BB/TTTT';
export const TIME_PLACEHOLDER = 'JJ.MM';
export const DATE_EXAMPLE = '25/11/2026';
export const TIME_EXAMPLE = '14.16';

const pad2 = (s: string | number) => String(s).padStart(2, '0');

/** The text a date field shows for a field value: a wire date, '' or the text of a bad entry kept as typed. */
export function dateInputText(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** The text a time field shows for a field value (a wire time, '' or a bad entry kept as typed). */
export function timeInputText(value: string): string {
  return /^\d{2}:\d{2}$/.test(value) ? value.replace(':', '.') : value;
}

export type Parsed = { ok: true; value: string } | { ok: false; reason: 'shape' | 'range' };

/**
 * Reads a typed date: 25/11/2026, 25-11-2026, 25.11.2026, 25112026, 25/11/26, 251126, 25/11 or
 * 2511 (this year), and 2026-11-25 pasted from a spreadsheet. Two-digit years are 20xx.
 */
export function parseDateInput(text: string, thisYear: number): Parsed {
  const t = text.trim().replace(/(\d)[/.\- ]+$/, '$1'); // the separator the mask adds: "25/11/" is 25/11
  let d: string, m: string, y: string;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const digits = /^\d+$/.test(t) ? t : null;
  const parts = /^(\d{1,2})[/.\- ]+(\d{1,2})(?:[/.\- ]+(\d{2}|\d{4}))?$/.exec(t);
  if (iso) [, y, m, d] = iso as unknown as [string, string, string, string];
  else if (digits && [4, 6, 8].includes(digits.length)) [d, m, y] = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4) || String(thisYear)];
  else if (parts) [d, m, y] = [parts[1]!, parts[2]!, parts[3] ?? String(thisYear)];
  else return { ok: false, reason: 'shape' };
  if (y.length === 2) y = `20${y}`;
  const value = `${y}-${pad2(m)}-${pad2(d)}`;
  return isValidDate(value) ? { ok: true, value } : { ok: false, reason: 'range' };
}

/** Reads a typed time: 14.16, 14:16, 1416, 930, 9, 14 (24-hour clock). */
export function parseTimeInput(text: string): Parsed {
  const t = text.trim().replace(/(\d)[.:]$/, '$1'); // "09." (the mask's dot) is 09.00
  let h: string, mi: string;
  const sep = /^(\d{1,2})[.:](\d{2})$/.exec(t);
  if (sep) [h, mi] = [sep[1]!, sep[2]!];
  else if (/^\d{1,2}$/.test(t)) [h, mi] = [t, '00'];
  else if (/^\d{3,4}$/.test(t)) [h, mi] = [t.slice(0, -2), t.slice(-2)];
  else return { ok: false, reason: 'shape' };
  const value = `${pad2(h)}:${mi}`;
  return isValidTime(value) ? { ok: true, value } : { ok: false, reason: 'range' };
}

/**
 * Separators appear while the clerk types digits at the end (2 5 1 1 2 0 2 6 gives 25/11/2026);
 * a typed / . - or space counts as the separator and pads a one-digit day or month. Anything
 * other than one character added at the end (pasting, editing inside) is left alone.
 */
export function maskDateTyping(prev: string, next: string): string {
  if (next.length !== prev.length + 1 || !next.startsWith(prev)) return next;
  const c = next.at(-1)!;
  const segments = prev.split('/');
  const current = segments.at(-1)!;
  if (/[/.\-\s]/.test(c)) {
    if (current === '' || segments.length === 3) return prev;
    return `${segments.slice(0, -1).concat(pad2(current)).join('/')}/`;
  }
  if (!/\d/.test(c)) return prev;
  if (segments.length === 3) return current.length >= 4 ? prev : next;
  const seg = current + c;
  // A day cannot start with 4-9, nor a month with 2-9: the digit is the whole day or month.
  const whole = seg.length === 2 || (seg.length === 1 && Number(c) > (segments.length === 1 ? 3 : 1));
  return whole ? `${segments.slice(0, -1).concat(pad2(seg)).join('/')}/` : next;
}

/** As maskDateTyping, for HH.mm: 1 4 1 6 gives 14.16, 9 gives 09., a typed : counts as the dot. */
export function maskTimeTyping(prev: string, next: string): string {
  if (next.length !== prev.length + 1 || !next.startsWith(prev)) return next;
  const c = next.at(-1)!;
  const [hours, minutes] = prev.split('.') as [string, string | undefined];
  if (c === '.' || c === ':') return minutes !== undefined || hours === '' ? prev : `${pad2(hours)}.`;
  if (!/\d/.test(c)) return prev;
  if (minutes !== undefined) return minutes.length >= 2 ? prev : next;
  const h = hours + c;
  if (h.length === 1) return Number(c) > 2 ? `0${c}.` : next;
  return Number(h) <= 23 ? `${h}.` : `0${hours}.${c}`;
}

/** The message beside a date field whose text could not be read; null when the value is fine or empty. */
export function dateInputProblem(label: string, value: string, thisYear = new Date().getFullYear()): string | null {
  if (value === '' || isValidDate(value)) return null;
  const parsed = parseDateInput(value, thisYear);
  if (parsed.ok) return null;
  return parsed.reason === 'range'
    ? `${label} tidak ada di kalender: ${value.trim()}. Periksa tanggal dan bulannya.`
    : `${label} tidak dikenali. Tulis tanggal seperti ${DATE_EXAMPLE}.`;
}

/** The message beside a time field whose text could not be read; null when the value is fine or empty. */
export function timeInputProblem(label: string, value: string): string | null {
  if (value === '' || isValidTime(value)) return null;
  const parsed = parseTimeInput(value);
  if (parsed.ok) return null;
  return parsed.reason === 'range' ? `${label} tidak valid: jam 00–23 dan menit 00–59, seperti ${TIME_EXAMPLE}.` : `${label} tidak dikenali. Tulis jam seperti ${TIME_EXAMPLE}.`;
}
