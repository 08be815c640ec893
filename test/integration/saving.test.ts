// Saving never blocks: the inputs that used to make every save fail, freeze the app, or answer
// INTERNAL get a typed answer, and nothing saved changes.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../server/core';
import { coresClosedAfterEach, formA, settingsOf } from '../helpers';

let clock = new Date('2026-12-31T16:00:00Z'); // 23:00 WIB, New Year's Eve
const newCore = coresClosedAfterEach();
const core = () => newCore(undefined, { now: () => clock });

const create = async (c: Core, overrides: Record<string, unknown> = {}) => c.dispatch('complaints.create', formA({ receivedDate: '2026-12-31', receivedTime: '22:00', ...overrides }));
const registrationNo = (r: Awaited<ReturnType<Core['dispatch']>>) => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.value as { registrationNo: string }).registrationNo;
};
const complaintCount = (c: Core) => c.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get();

describe('registration numbers', () => {
  it('keeps one counter when the format has no {YYYY}: saving goes on after New Year', async () => {
    clock = new Date('2026-12-31T16:00:00Z');
    const c = core();
    const settings = settingsOf(c);
    expect((await c.dispatch('settings.save', { ...settings, registrationFormat: 'ADU-{NNNN}' })).ok).toBe(true);
    expect(registrationNo(await create(c))).toBe('ADU-0001');
    expect(registrationNo(await create(c, { reporterName: 'Budi', problem: 'Lain' }))).toBe('ADU-0002');
    clock = new Date('2027-01-01T02:00:00Z'); // 09:00 WIB, 1 January 2027
    expect(registrationNo(await create(c, { receivedDate: '2027-01-01', receivedTime: '08:30', reporterName: 'Citra', problem: 'Antrean' }))).toBe('ADU-0003');
    // Back to a yearly format: that year's own counter, which starts at 1.
    expect((await c.dispatch('settings.save', { ...settings, registrationFormat: 'ADU/{YYYY}/{NNNNNN}' })).ok).toBe(true);
    expect(registrationNo(await create(c, { receivedDate: '2027-01-01', receivedTime: '08:40', reporterName: 'Dedi', problem: 'Parkir' }))).toBe('ADU/2027/000001');
  });

  it('skips a number already taken (a counter behind the numbers, as an older version or a restored backup leaves it) instead of failing every save', async () => {
    clock = new Date('2026-11-20T03:00:00Z');
    const c = core();
    const settings = settingsOf(c);
    await c.dispatch('settings.save', { ...settings, registrationFormat: 'ADU-{NNNN}' });
    expect(registrationNo(await create(c, { receivedDate: '2026-11-20', receivedTime: '08:00' }))).toBe('ADU-0001');
    expect(registrationNo(await create(c, { receivedDate: '2026-11-20', receivedTime: '08:10', reporterName: 'Budi', problem: 'Lain' }))).toBe('ADU-0002');
    c.database.sqlite.exec('UPDATE registration_counters SET last = 0');
    expect(registrationNo(await create(c, { receivedDate: '2026-11-20', receivedTime: '08:20', reporterName: 'Citra', problem: 'Antrean' }))).toBe('ADU-0003');
    expect(complaintCount(c)).toBe(3);
  });
});

describe('received date', () => {
  it.each([
    ['1026-01-05', 'tahun 2000'],
    ['1999-12-31', 'tahun 2000'],
    ['2100-01-01', 'tahun 2000'],
    ['9999-12-31', 'tahun 2000'],
  ])('refuses %s with a clear message beside the field, saving nothing', async (receivedDate, message) => {
    clock = new Date('2026-11-20T03:00:00Z');
    const c = core();
    const r = await create(c, { receivedDate });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { receivedDate: expect.stringContaining(message) } } });
    expect(complaintCount(c)).toBe(0);
  });

  it('still refuses a time in the future and accepts today', async () => {
    clock = new Date('2026-11-20T03:00:00Z'); // 10:00 WIB
    const c = core();
    expect(await create(c, { receivedDate: '2026-11-21', receivedTime: '08:00' })).toMatchObject({ ok: false, error: { fields: { receivedDate: expect.stringContaining('masa depan') } } });
    expect((await create(c, { receivedDate: '2026-11-20', receivedTime: '09:55' })).ok).toBe(true);
  });
});

describe('inputs that answered INTERNAL', () => {
  it('searches a term holding a NUL (or other control characters) as plain words', async () => {
    clock = new Date('2026-11-20T03:00:00Z');
    const c = core();
    await create(c, { receivedDate: '2026-11-20', receivedTime: '08:00' });
    for (const q of ['izin\u0000usaha', '\u0000', 'izin\u0007', 'ADU/2026\u0000/0']) {
      const r = await c.dispatch('complaints.list', { q });
      expect(r.ok, q).toBe(true);
    }
    expect(await c.dispatch('complaints.list', { q: 'izin\u0000usaha' })).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it.each(['recap.weekly', 'recap.period', 'recap.indicators'])('%s refuses a period ending in 9999 as bad input', async (method) => {
    const c = core();
    const r = await c.dispatch(method, { from: '2026-01-01', to: '9999-12-31' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { to: expect.stringContaining('2099') } } });
  });

  it('refuses a 300,000-key input as too complex before validating it', async () => {
    const c = core();
    const big: Record<string, unknown> = {};
    for (let i = 0; i < 300_000; i++) big[`k${i}`] = i;
    for (const [method, input] of [
      ['settings.get', big],
      ['drafts.save', { id: '0190a0e0-0000-7000-8000-000000000000', form: 'A', data: big }],
      ['complaints.create', { ...formA(), attachments: Array.from({ length: 300_000 }, () => ({})) }],
    ] as const) {
      const r = await c.dispatch(method, input);
      expect(r, method).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('terlalu besar atau terlalu rumit') } });
      // The answer names no field per key: it stays small.
      expect(JSON.stringify(r).length).toBeLessThan(1000);
    }
  });

  it('refuses deeply nested input without a stack overflow', async () => {
    const c = core();
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const r = await c.dispatch('complaints.list', { q: deep });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('terlalu besar atau terlalu rumit') } });
  });
});
