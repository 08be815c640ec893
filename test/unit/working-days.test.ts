import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, isWorkingDay, workingDayDeadline, workingDaysBetween, type Calendar } from '../../forms/working-days';
import { fromLocal } from '../../forms/time';

// Keppres-style 2026 calendar fragment: Idul Fitri 20-21 March with cuti bersama 18, 19, 23, 24 March;
// Nyepi 19 March; Christmas 25 December with cuti bersama 24 December; New Year 1 January 2027.
const cal: Calendar = {
  holidays: new Set(['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-23', '2026-03-24', '2026-08-17', '2026-12-24', '2026-12-25', '2027-01-01']),
};
const empty: Calendar = { holidays: new Set() };

const dateArb = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2025-06-01', n));
const calArb = fc.uniqueArray(dateArb, { maxLength: 40 }).map((ds) => ({ holidays: new Set(ds) }) as Calendar);

describe('working days', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2026-11-20', 1, empty)).toBe('2026-11-23'); // Friday → Monday
    expect(addWorkingDays('2026-11-21', 1, empty)).toBe('2026-11-23'); // Saturday counts from Monday
    expect(workingDaysBetween('2026-11-20', '2026-11-27', empty)).toBe(5);
  });

  it('a Friday before a long weekend: Idul Fitri with cuti bersama', () => {
    // Tuesday 17 March 2026 + 3 working days: 18-24 March are off, so 25, 26, 27 March.
    expect(addWorkingDays('2026-03-17', 3, cal)).toBe('2026-03-27');
    // Friday 13 March + 3: Monday 16, Tuesday 17, then Wednesday 25.
    expect(addWorkingDays('2026-03-13', 3, cal)).toBe('2026-03-25');
  });

  it('counts cuti bersama as days off', () => {
    expect(isWorkingDay('2026-12-24', cal)).toBe(false);
    expect(isWorkingDay('2026-12-24', empty)).toBe(true);
    expect(addWorkingDays('2026-12-23', 1, cal)).toBe('2026-12-28');
  });

  it('crosses the year boundary', () => {
    // Wednesday 30 December 2026 + 3: 31 Dec, (1 Jan holiday, weekend), 4 and 5 January 2027.
    expect(addWorkingDays('2026-12-30', 3, cal)).toBe('2027-01-05');
    expect(workingDaysBetween('2026-12-30', '2027-01-05', cal)).toBe(3);
  });

  it('gives a WITA complaint received Friday 23:30 its deadline by the office calendar', () => {
    const at = fromLocal({ date: '2026-11-27', time: '23:30' }, 'WITA'); // Friday, 15:30 UTC
    const d = workingDayDeadline(at, 3, 'WITA', cal);
    expect(d.date).toBe('2026-12-02'); // Mon 30 Nov, Tue 1 Dec, Wed 2 Dec
    expect(d.dueAt).toBe('2026-12-02T15:59:59.999Z'); // 23:59:59.999 WITA
    // Monday 00:30 WITA is still Sunday in UTC; the office's Monday is day 0.
    const monday = fromLocal({ date: '2026-11-30', time: '00:30' }, 'WITA');
    expect(workingDayDeadline(monday, 1, 'WITA', cal).date).toBe('2026-12-01');
  });

  it('property: adding N working days then counting back returns the start', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 80 }), calArb, (d, n, c) => {
        fc.pre(isWorkingDay(d, c));
        const end = addWorkingDays(d, n, c);
        expect(addWorkingDays(end, -n, c)).toBe(d);
        expect(workingDaysBetween(d, end, c)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('property: the result is a working day after the start, and more days never end earlier', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 80 }), calArb, (d, n, c) => {
        const end = addWorkingDays(d, n, c);
        expect(isWorkingDay(end, c)).toBe(true);
        expect(end > d).toBe(true);
        expect(addWorkingDays(d, n + 1, c) > end).toBe(true);
        expect(workingDaysBetween(d, end, c)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
