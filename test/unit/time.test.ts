import { describe, expect, it } from 'vitest';
import { fromLocal, isValidDate, isValidTime, toLocal, toOffsetIso } from '../../forms/time';

describe('office time zones', () => {
  it('converts WIB, WITA and WIT wall-clock times to instants and back', () => {
    expect(fromLocal({ date: '2026-11-27', time: '23:30' }, 'WITA')).toBe('2026-11-27T15:30:00.000Z');
    expect(fromLocal({ date: '2026-01-01', time: '00:15' }, 'WIT')).toBe('2025-12-31T15:15:00.000Z');
    for (const tz of ['WIB', 'WITA', 'WIT'] as const) {
      const local = { date: '2026-03-01', time: '07:05' };
      expect(toLocal(fromLocal(local, tz), tz)).toEqual(local);
    }
  });

  it('writes RFC 3339 with the office offset', () => {
    expect(toOffsetIso('2026-11-27T15:30:00.000Z', 'WITA')).toBe('2026-11-27T23:30:00+08:00');
    expect(toOffsetIso('2026-11-27T15:30:00.000Z', 'WIB')).toBe('2026-11-27T22:30:00+07:00');
  });

  it('rejects impossible dates and times', () => {
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('24/11/2026')).toBe(false);
    expect(isValidTime('24:00')).toBe(false);
    expect(isValidTime('23:59')).toBe(true);
  });
});
