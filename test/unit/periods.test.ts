import { describe, expect, it } from 'vitest';
import { describePeriod, quarterOf, semesterOf, weekOf } from '../../forms/periods';

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
