import { describe, expect, it } from 'vitest';
import { daysIn, describePeriod, monthsOf, periodFor, proratedTarget, quarterOf, semesterOf, weekOf, yearsOf } from '../../forms/periods';

describe('recap periods', () => {
  it('weeks run Monday to Sunday', () => {
    expect(weekOf('2026-11-24')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });
  it('quarters and semesters, named as the office writes them', () => {
    expect(quarterOf(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterOf(2024, 1).to).toBe('2024-03-31');
    expect(quarterOf(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(describePeriod(semesterOf(2023, 1))).toBe('Semester 1 (1 Januari 2023 – 30 Juni 2023)');
    expect(describePeriod(quarterOf(2023, 2))).toBe('Triwulan II (1 April 2023 – 30 Juni 2023)');
    expect(describePeriod({ from: '2026-11-23', to: '2026-11-29' })).toBe('23 November 2026 – 29 November 2026');
  });
});

describe('periods for indicators and for moving between recaps', () => {
  it('splits a period into the months and years it touches, and pro-rates a yearly target', () => {
    expect(daysIn({ from: '2026-01-01', to: '2026-12-31' })).toBe(365);
    expect(daysIn({ from: '2028-02-01', to: '2028-02-29' })).toBe(29);
    expect(yearsOf({ from: '2025-12-29', to: '2026-01-04' })).toEqual([2025, 2026]);
    expect(monthsOf({ from: '2026-11-23', to: '2027-01-10' })).toEqual([
      { month: '2026-11', period: { from: '2026-11-23', to: '2026-11-30' } },
      { month: '2026-12', period: { from: '2026-12-01', to: '2026-12-31' } },
      { month: '2027-01', period: { from: '2027-01-01', to: '2027-01-10' } },
    ]);
    expect(proratedTarget(365, quarterOf(2026, 1))).toBe(90);
    expect(proratedTarget(1200, semesterOf(2026, 2))).toBe(605); // 184 of 365 days
    expect(proratedTarget(100, { from: '2026-01-01', to: '2026-12-31' })).toBe(100);
    expect(proratedTarget(0, quarterOf(2026, 3))).toBe(0);
    expect(describePeriod({ from: '2026-01-01', to: '2026-12-31' })).toBe('Tahun 2026');
  });

  it('keeps the chosen period when moving between recaps, as a week or a quarter where one is needed', () => {
    const today = '2026-11-24';
    const week = weekOf('2026-11-10');
    expect(periodFor('week', week, today)).toEqual(week);
    expect(periodFor('any', week, today)).toEqual(week);
    expect(periodFor('quarter', week, today)).toEqual(quarterOf(2026, 4));
    // A past semester: its last week and quarter; the running one: this week and quarter.
    expect(periodFor('week', semesterOf(2026, 1), today)).toEqual(weekOf('2026-06-30'));
    expect(periodFor('quarter', semesterOf(2026, 1), today)).toEqual(quarterOf(2026, 2));
    expect(periodFor('week', semesterOf(2026, 2), today)).toEqual(weekOf(today));
    expect(periodFor('quarter', semesterOf(2026, 2), today)).toEqual(quarterOf(2026, 4));
    // One that has not begun: its first week.
    expect(periodFor('week', quarterOf(2027, 1), today)).toEqual(weekOf('2027-01-01'));
    expect(periodFor('any', quarterOf(2027, 1), today)).toEqual(quarterOf(2027, 1));
  });
});
