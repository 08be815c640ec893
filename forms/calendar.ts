import { z } from 'zod';
import { dateField, requiredText } from './fields';

export const HOLIDAY_KINDS = ['libur_nasional', 'cuti_bersama'] as const;
export const HOLIDAY_KIND_LABELS = { libur_nasional: 'Libur nasional', cuti_bersama: 'Cuti bersama' } as const;
export const HOLIDAY_STATUSES = ['sementara', 'resmi'] as const;
export const HOLIDAY_STATUS_LABELS = { sementara: 'Sementara (perlu dicek)', resmi: 'Resmi (SKB)' } as const;

export const holidayInput = z.object({
  date: dateField('Tanggal'),
  name: requiredText('Keterangan', 120),
  kind: z.enum(HOLIDAY_KINDS, { error: 'Jenis hari libur wajib dipilih.' }),
  status: z.enum(HOLIDAY_STATUSES, { error: 'Status wajib dipilih.' }),
});
export type HolidayInput = z.output<typeof holidayInput>;

export const HOLIDAY_SOURCES = ['skb', 'date-holidays', 'admin', 'impor'] as const;
export const HOLIDAY_SOURCE_LABELS = { skb: 'SKB', 'date-holidays': 'perkiraan', admin: 'admin', impor: 'impor' } as const;

export const holiday = holidayInput.extend({ source: z.enum(HOLIDAY_SOURCES), updatedAt: z.string() });
export type Holiday = z.infer<typeof holiday>;

export const calendarView = z.object({
  holidays: z.array(holiday),
  years: z.array(
    z.object({
      year: z.number().int(),
      count: z.number().int(),
      official: z.number().int(),
      /** 'resmi' when the year's decree ships with the app, else 'sementara' (computed or keyed dates). */
      status: z.enum(HOLIDAY_STATUSES),
      /** The decree(s) of an official year; null for a provisional one. */
      source: z.string().nullable(),
    }),
  ),
  /** Years the office needs (this year, next year, open deadlines) that have no calendar yet. */
  missingYears: z.array(z.number().int()),
});
export type CalendarView = z.infer<typeof calendarView>;

/**
 * One holiday per line, `YYYY-MM-DD;Keterangan;cuti_bersama|libur_nasional` (commas or tabs work
 * too, as pasted from a spreadsheet). Returns the rows and the line-numbered errors.
 */
export function parseHolidayLines(text: string): { rows: HolidayInput[]; errors: string[] } {
  const rows: HolidayInput[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    const parts = /[;\t]/.test(line) ? line.split(/[;\t]/) : line.split(',');
    const [date = '', name = '', kindRaw = ''] = parts.map((x) => x.trim());
    const kind = /cuti/i.test(kindRaw) ? 'cuti_bersama' : 'libur_nasional';
    const parsed = holidayInput.safeParse({ date, name, kind, status: 'resmi' });
    if (parsed.success) rows.push(parsed.data);
    else errors.push(`Baris ${i + 1}: ${parsed.error.issues[0]?.message ?? 'tidak dapat dibaca'}`);
  });
  return { rows, errors };
}
