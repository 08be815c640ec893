import { describe, expect, it } from 'vitest';
import { holidayInput } from '../../forms/calendar';
import { OFFICIAL_CALENDARS } from '../../forms/official-calendars';
import { addWorkingDays } from '../../forms/working-days';
import { nationalHolidays } from '../../server/holiday-seed';

// The counts each decree states (2025: 10 cuti bersama + 18 August by the amendment of 7 August 2025).
const COUNTS: Record<number, { libur: number; cuti: number }> = { 2025: { libur: 17, cuti: 11 }, 2026: { libur: 17, cuti: 8 } };

describe('shipped SKB calendars', () => {
  it.each(OFFICIAL_CALENDARS.map((c) => [c.year, c] as const))('%i: the decree\'s counts, valid sorted unique dates of that year, a named source', (year, cal) => {
    expect(cal.holidays.filter((h) => h.kind === 'libur_nasional')).toHaveLength(COUNTS[year]!.libur);
    expect(cal.holidays.filter((h) => h.kind === 'cuti_bersama')).toHaveLength(COUNTS[year]!.cuti);
    const dates = cal.holidays.map((h) => h.date);
    expect(dates).toEqual([...new Set(dates)].sort());
    for (const h of cal.holidays) {
      expect(h.date.startsWith(`${year}-`)).toBe(true);
      expect(holidayInput.safeParse({ ...h, status: 'resmi' }).success).toBe(true);
    }
    expect(cal.source).toMatch(/^SKB .*Nomor \d+ Tahun \d{4}/);
  });

  it('2026 has the cuti bersama around Imlek, Nyepi-Idul Fitri, Kenaikan and Idul Adha', () => {
    const cal = { holidays: new Set(OFFICIAL_CALENDARS.find((c) => c.year === 2026)!.holidays.map((h) => h.date)) };
    expect(addWorkingDays('2026-02-13', 3, cal)).toBe('2026-02-20');
    expect(addWorkingDays('2026-03-17', 3, cal)).toBe('2026-03-27');
    expect(addWorkingDays('2026-05-13', 3, cal)).toBe('2026-05-20');
    expect(addWorkingDays('2026-05-26', 3, cal)).toBe('2026-06-03');
  });
});

describe('provisional dates (date-holidays)', () => {
  it('names 27 Rajab Isra Mikraj, not Maulid (16 January 2026, 5 January 2027)', () => {
    expect(nationalHolidays(2026).find((h) => h.date === '2026-01-16')?.name).toBe('Isra Mikraj Nabi Muhammad SAW');
    expect(nationalHolidays(2027).find((h) => h.date === '2027-01-05')?.name).toBe('Isra Mikraj Nabi Muhammad SAW');
    expect(nationalHolidays(2027).find((h) => h.date === '2027-08-14')?.name).toBe('Maulid Nabi Muhammad SAW');
    expect(nationalHolidays(2027).every((h) => h.status === 'sementara')).toBe(true);
  });
});
