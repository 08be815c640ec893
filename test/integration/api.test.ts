import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../forms/settings';
import { coresClosedAfterEach, formA } from '../helpers';

const newCore = coresClosedAfterEach();
const core = (now?: () => Date) => newCore(undefined, now ? { now } : {});

describe('API procedures on the server side', () => {
  it('creates complaints with consecutive registration numbers and lists them newest first', async () => {
    const c = core(() => new Date('2026-11-24T03:00:00Z'));
    const a = await c.dispatch('complaints.create', formA({ receivedDate: '2026-11-20' }));
    const b = await c.dispatch('complaints.create', formA({ receivedDate: '2026-11-21', reporterName: 'Budi Saputra' }));
    expect(a).toMatchObject({ ok: true, value: { registrationNo: 'ADU/2026/000001' } });
    expect(b).toMatchObject({ ok: true, value: { registrationNo: 'ADU/2026/000002' } });
    const list = await c.dispatch('complaints.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const value = list.value as { total: number; items: { reporter: string; registrationNo: string }[] };
    expect(value.total).toBe(2);
    expect(value.items.map((i) => i.reporter)).toEqual(['Budi Saputra', 'Siti Rahmawati']);
  });

  it('answers a bad payload with a typed error per field and saves nothing', async () => {
    const c = core();
    const res = await c.dispatch('complaints.create', { form: 'A', reporterName: '', receivedDate: '2026-13-01', receivedTime: '9' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_INPUT');
    expect(res.error.fields).toMatchObject({
      reporterName: 'Nama lengkap wajib diisi.',
      reporterAddress: 'Alamat lengkap wajib diisi.',
      receivedDate: expect.stringContaining('Hari/Tanggal tidak valid'),
      receivedTime: expect.stringContaining('Pukul/Jam tidak valid'),
      problem: 'Masalah pengaduan wajib diisi.',
      content: 'Uraian pengaduan wajib diisi.',
    });
    expect(c.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(0);
  });

  it('refuses a complaint time in the future, by the office clock', async () => {
    const c = core(() => new Date('2026-11-24T03:00:00Z')); // 10:00 WIB
    const res = await c.dispatch('complaints.create', formA({ receivedDate: '2026-11-24', receivedTime: '11:00' }));
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { receivedDate: expect.stringContaining('masa depan') } } });
    const ok = await c.dispatch('complaints.create', formA({ receivedDate: '2026-11-24', receivedTime: '10:05' }));
    expect(ok.ok).toBe(true);
  });

  it('never names a confidential or anonymous reporter in the list', async () => {
    const c = core();
    await c.dispatch('complaints.create', formA({ reporterName: 'Rahasia Sekali', confidential: true }));
    await c.dispatch('complaints.create', { form: 'B', content: 'Pungli', receivedDate: '2026-11-20', receivedTime: '10:00', reporterName: 'Anonim Sekali', anonymous: true });
    const list = await c.dispatch('complaints.list', {});
    const text = JSON.stringify(list);
    expect(text).not.toContain('Rahasia Sekali');
    expect(text).not.toContain('Anonim Sekali');
    expect(text.match(/Dirahasiakan/g)).toHaveLength(2);
  });

  it('saves and returns the office identity, and rejects an invalid one untouched', async () => {
    const c = core();
    const next = { ...DEFAULT_SETTINGS, officeName: 'DPMPTSP Kabupaten Buton Utara', place: 'Buranga', timeZone: 'WITA' as const, headNip: '198701012010011001' };
    expect(await c.dispatch('settings.save', next)).toEqual({ ok: true, value: next });
    const bad = await c.dispatch('settings.save', { ...next, officeName: '', timeZone: 'UTC' });
    expect(bad).toMatchObject({ ok: false, error: { fields: { officeName: 'Nama kantor wajib diisi.', timeZone: expect.stringContaining('WIB, WITA atau WIT') } } });
    expect(await c.dispatch('settings.get', {})).toEqual({ ok: true, value: next });
  });

  it('uses the office time zone and format for new registration numbers', async () => {
    const c = core(() => new Date('2026-12-31T16:30:00Z')); // already 1 January 2027 in WIT
    await c.dispatch('settings.save', { ...DEFAULT_SETTINGS, timeZone: 'WIT', registrationFormat: 'PM-{YYYY}-{NNNN}' });
    const res = await c.dispatch('complaints.create', formA());
    expect(res).toMatchObject({ ok: true, value: { registrationNo: 'PM-2027-0001' } });
  });

  it('answers an unknown procedure with a typed error', async () => {
    const res = await core().dispatch('complaints.drop', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});
