import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInputProblem, dateInputText, maskDateTyping, maskTimeTyping, parseDateInput, parseTimeInput, timeInputProblem, timeInputText } from '../../forms/date-input';

/** Types `keys` one by one through a mask, as the field does on each input event. */
const typeThrough = (mask: (prev: string, next: string) => string, keys: string) => [...keys].reduce((text, k) => mask(text, text + k), '');

describe('typing a date the Indonesian way', () => {
  it('reads dd/mm/yyyy and the short forms a clerk types', () => {
    const ok = (text: string) => parseDateInput(text, 2026);
    expect(ok('25/11/2026')).toEqual({ ok: true, value: '2026-11-25' });
    expect(ok('5/1/2026')).toEqual({ ok: true, value: '2026-01-05' });
    expect(ok(' 25-11-2026 ')).toEqual({ ok: true, value: '2026-11-25' });
    expect(ok('25.11.2026')).toEqual({ ok: true, value: '2026-11-25' });
    expect(ok('25112026')).toEqual({ ok: true, value: '2026-11-25' });
    expect(ok('25/11/26')).toEqual({ ok: true, value: '2026-11-25' });
    expect(ok('251126')).toEqual({ ok: true, value: '2026-11-25' });
    expect(ok('25/11')).toEqual({ ok: true, value: '2026-11-25' });
    expect(ok('2511')).toEqual({ ok: true, value: '2026-11-25' });
    expect(ok('25/11/')).toEqual({ ok: true, value: '2026-11-25' });
    expect(ok('2026-11-25')).toEqual({ ok: true, value: '2026-11-25' });
  });

  it('refuses what is not a date, telling a wrong shape from a day that does not exist', () => {
    expect(parseDateInput('11/25/2026', 2026)).toEqual({ ok: false, reason: 'range' });
    expect(parseDateInput('29/02/2026', 2026)).toEqual({ ok: false, reason: 'range' });
    expect(parseDateInput('29/02/2028', 2026)).toEqual({ ok: true, value: '2028-02-29' });
    for (const bad of ['', 'besok', '25/11/11990', '25/11/202', '2/5/2026/1', '1234567']) expect(parseDateInput(bad, 2026)).toEqual({ ok: false, reason: 'shape' });
  });

  it('shows a wire date as dd/mm/yyyy and keeps a bad entry as typed', () => {
    expect(dateInputText('2026-11-25')).toBe('25/11/2026');
    expect(dateInputText('')).toBe('');
    expect(dateInputText('31/02/2026')).toBe('31/02/2026');
  });

  it('adds the slashes while digits are typed, so a date is eight keys', () => {
    expect(typeThrough(maskDateTyping, '25112026')).toBe('25/11/2026');
    expect(typeThrough(maskDateTyping, '25/11/2026')).toBe('25/11/2026');
    expect(typeThrough(maskDateTyping, '5/1/2026')).toBe('05/01/2026');
    expect(typeThrough(maskDateTyping, '5-1-26')).toBe('05/01/26');
    // A day cannot start with 4-9 nor a month with 2-9.
    expect(typeThrough(maskDateTyping, '532026')).toBe('05/03/2026');
    // The year stops at four digits: retyping cannot make year 11990.
    expect(typeThrough(maskDateTyping, '0101199099')).toBe('01/01/1990');
    expect(typeThrough(maskDateTyping, '25x11')).toBe('25/11/');
    // Pasting or editing inside the text is left alone.
    expect(maskDateTyping('', '2026-11-25')).toBe('2026-11-25');
    expect(maskDateTyping('25/11/2026', '25/1/2026')).toBe('25/1/2026');
  });

  it('reads back every date it shows', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDateInput(dateInputText(iso), 2026)).toEqual({ ok: true, value: iso });
        expect(parseDateInput(typeThrough(maskDateTyping, dateInputText(iso).replaceAll('/', '')), 2026)).toEqual({ ok: true, value: iso });
      }),
    );
  });

  it('names the field and the expected shape in Indonesian', () => {
    expect(dateInputProblem('Hari/Tanggal', '2026-11-25')).toBeNull();
    expect(dateInputProblem('Hari/Tanggal', '')).toBeNull();
    expect(dateInputProblem('Hari/Tanggal', 'besok')).toBe('Hari/Tanggal tidak dikenali. Tulis tanggal seperti 25/11/2026.');
    expect(dateInputProblem('Hari/Tanggal', '31/02/2026')).toBe('Hari/Tanggal tidak ada di kalender: 31/02/2026. Periksa tanggal dan bulannya.');
  });
});

describe('typing a time on the 24-hour clock', () => {
  it('reads 14.16, 14:16, 1416, 930 and whole hours', () => {
    expect(parseTimeInput('14.16')).toEqual({ ok: true, value: '14:16' });
    expect(parseTimeInput('14:16')).toEqual({ ok: true, value: '14:16' });
    expect(parseTimeInput('1416')).toEqual({ ok: true, value: '14:16' });
    expect(parseTimeInput('930')).toEqual({ ok: true, value: '09:30' });
    expect(parseTimeInput('9.30')).toEqual({ ok: true, value: '09:30' });
    expect(parseTimeInput('9')).toEqual({ ok: true, value: '09:00' });
    expect(parseTimeInput('09.')).toEqual({ ok: true, value: '09:00' });
    expect(parseTimeInput('00.00')).toEqual({ ok: true, value: '00:00' });
    expect(parseTimeInput('24.00')).toEqual({ ok: false, reason: 'range' });
    expect(parseTimeInput('14.60')).toEqual({ ok: false, reason: 'range' });
    for (const bad of ['', '2 PM', '14.5', '14.160', 'jam dua']) expect(parseTimeInput(bad)).toEqual({ ok: false, reason: 'shape' });
  });

  it('shows HH.mm and adds the dot while digits are typed', () => {
    expect(timeInputText('14:16')).toBe('14.16');
    expect(typeThrough(maskTimeTyping, '1416')).toBe('14.16');
    expect(typeThrough(maskTimeTyping, '14:16')).toBe('14.16');
    expect(typeThrough(maskTimeTyping, '930')).toBe('09.30');
    expect(typeThrough(maskTimeTyping, '9.30')).toBe('09.30');
    expect(typeThrough(maskTimeTyping, '2530')).toBe('02.53');
    expect(typeThrough(maskTimeTyping, '141699')).toBe('14.16');
  });

  it('names the field and the expected shape in Indonesian', () => {
    expect(timeInputProblem('Pukul/Jam', '14:16')).toBeNull();
    expect(timeInputProblem('Pukul/Jam', 'siang')).toBe('Pukul/Jam tidak dikenali. Tulis jam seperti 14.16.');
    expect(timeInputProblem('Pukul/Jam', '25.00')).toBe('Pukul/Jam tidak valid: jam 00–23 dan menit 00–59, seperti 14.16.');
  });
});
