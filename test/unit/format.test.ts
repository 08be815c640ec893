import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatHariTanggal, formatInstantDate, formatMonth, formatNumber, formatPercent, formatTanggal, formatTime, parseNumber } from '../../forms/format';
import { TIME_ZONE_INFO, TIME_ZONES } from '../../forms/time';

describe('id-ID display formats', () => {
  it('writes dates as dd/mm/yyyy and clock times with a dot', () => {
    expect(formatDate('2026-11-25')).toBe('25/11/2026');
    expect(formatDate('2026-01-05')).toBe('05/01/2026');
    expect(formatTime('14:16')).toBe('14.16');
    expect(formatTime('07:05')).toBe('07.05');
  });

  it('writes an instant on the office wall clock, with the zone when asked', () => {
    expect(formatDateTime('2026-11-25T07:16:00.000Z', 'WIB')).toBe('25/11/2026, 14.16');
    expect(formatDateTime('2026-11-25T07:16:00.000Z', 'WIT', { zone: true })).toBe('25/11/2026, 16.16 WIT');
    // Late evening UTC is already the next day in the office.
    expect(formatDateTime('2026-12-31T17:30:00.000Z', 'WIB')).toBe('01/01/2027, 00.30');
    expect(formatInstantDate('2026-12-31T17:30:00.000Z', 'WIB')).toBe('01/01/2027');
  });

  it('writes the long forms of the paper forms', () => {
    expect(formatTanggal('2026-11-25')).toBe('25 November 2026');
    expect(formatHariTanggal('2026-11-25')).toBe('Rabu, 25 November 2026');
    expect(formatHariTanggal('2026-03-01')).toBe('Minggu, 1 Maret 2026');
    expect(formatMonth('2026-08')).toBe('Agustus 2026');
    expect(formatMonth('2026-08', { short: true })).toBe('Agu 2026');
  });

  it('groups thousands with dots and marks decimals with a comma', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatNumber(-1234.56, 2)).toBe('-1.234,56');
    expect(formatNumber(-0.01)).toBe('0');
    expect(formatPercent(97.5)).toBe('97,5%');
    expect(formatPercent(100)).toBe('100%');
  });

  it('reads numbers typed the Indonesian way', () => {
    expect(parseNumber('1.200')).toBe(1200);
    expect(parseNumber('97,5')).toBe(97.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('97.5')).toBe(97.5);
    expect(parseNumber(' 300 ')).toBe(300);
    expect(parseNumber('seratus')).toBe('seratus');
    expect(parseNumber(12)).toBe(12);
  });

  // Where this runtime carries id-ID locale data, the hand-written formats are exactly what Intl
  // writes (the same check runs in Chromium in test/e2e/format.test.ts).
  it.skipIf(Intl.DateTimeFormat.supportedLocalesOf('id-ID').length === 0)('agrees with Intl id-ID', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(...TIME_ZONES), (d, tz) => {
        const intl = new Intl.DateTimeFormat('id-ID', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE_INFO[tz].iana });
        expect(formatDateTime(d, tz)).toBe(intl.format(d));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 9 }), (i, tenth) => {
        const n = i + tenth / 10;
        expect(formatNumber(n)).toBe(n.toLocaleString('id-ID', { maximumFractionDigits: 1 }));
      }),
    );
  });
});
