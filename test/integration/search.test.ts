import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../server/core';
import { formA, makeCore, settingsOf } from '../helpers';

let c: Core;
const list = async (q: Record<string, unknown>) => {
  const res = await c.dispatch('complaints.list', q);
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.value as { total: number; items: { registrationNo: string; reporter: string; form: string; channel: string }[] };
};

beforeAll(async () => {
  c = makeCore(undefined, { now: () => new Date('2026-11-24T03:00:00Z') });
  await c.dispatch('settings.save', { ...(settingsOf(c)), timeZone: 'WITA' });
  const saves = [
    formA({ reporterName: 'Andi Saputra', problem: 'Izin usaha belum terbit', content: 'Sudah lewat SOP.', receivedDate: '2026-11-01', receivedTime: '08:00' }),
    formA({ reporterName: 'Budi Rahasia', problem: 'Dugaan pungutan liar', content: 'Diminta uang pelicin.', confidential: true, receivedDate: '2026-11-02', receivedTime: '23:30' }),
    { form: 'B', content: 'Antrean sangat panjang di loket perizinan', reporterName: 'Citra Anonim', anonymous: true, receivedDate: '2026-11-03', receivedTime: '00:30' },
    { form: 'C', reporterName: 'Dewi Lestari', reporterPhone: '0812-1111-2222', channel: 'surel', content: 'Website perizinan tidak bisa dibuka', receivedDate: '2026-11-10', receivedTime: '10:00' },
    { form: 'C', reporterName: 'Eko Prasetyo', reporterAddress: 'Ereke', channel: 'surat', content: 'Jalan desa rusak berat', receivedDate: '2026-11-20', receivedTime: '10:00' },
  ];
  for (const s of saves) {
    const r = await c.dispatch('complaints.create', s);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
});
afterAll(async () => c.close());

describe('Daftar Pengaduan search and filters', () => {
  it('finds words in problem, description and reporter, as prefixes, all words required', async () => {
    expect((await list({ q: 'izin' })).items.map((i) => i.reporter)).toEqual(['Andi Saputra']);
    expect((await list({ q: 'perizinan' })).total).toBe(2);
    expect((await list({ q: 'pungut' })).items.map((i) => i.reporter)).toEqual(['Dirahasiakan']);
    expect((await list({ q: 'lestari' })).items.map((i) => i.reporter)).toEqual(['Dewi Lestari']);
    expect((await list({ q: 'jalan rusak' })).total).toBe(1);
    expect((await list({ q: 'jalan loket' })).total).toBe(0);
    expect((await list({ q: '"*) OR (' })).total).toBe(0);
  });

  it('never finds a confidential or anonymous complaint by its reporter name', async () => {
    expect((await list({ q: 'Budi' })).total).toBe(0);
    expect((await list({ q: 'Rahasia' })).total).toBe(0);
    expect((await list({ q: 'Citra' })).total).toBe(0);
    const all = await list({});
    expect(JSON.stringify(all)).not.toMatch(/Budi|Citra Anonim/);
  });

  it('finds a registration number by prefix', async () => {
    expect((await list({ q: 'ADU/2026/000003' })).items.map((i) => i.form)).toEqual(['B']);
    expect((await list({ q: 'ADU/2026/00000' })).total).toBe(5);
    expect((await list({ q: 'adu/2026/00000' })).total).toBe(5);
  });

  it('finds a registration number by its tail, with or without the leading zeros', async () => {
    expect((await list({ q: '000004' })).items.map((i) => i.registrationNo)).toEqual(['ADU/2026/000004']);
    expect((await list({ q: '2026/000005' })).items.map((i) => i.registrationNo)).toEqual(['ADU/2026/000005']);
    expect((await list({ q: '4' })).items.map((i) => i.registrationNo)).toEqual(['ADU/2026/000004']);
    // The number's parts are not words: "adu" is no prefix of anything the complaints say.
    expect((await list({ q: 'adu' })).total).toBe(0);
  });

  it('filters by form, channel and office-local date range', async () => {
    expect((await list({ form: 'C' })).total).toBe(2);
    expect((await list({ channel: 'surat' })).items.map((i) => i.reporter)).toEqual(['Eko Prasetyo']);
    // 2 Nov 23:30 WITA and 3 Nov 00:30 WITA sit either side of midnight in the office's zone.
    expect((await list({ from: '2026-11-02', to: '2026-11-02' })).total).toBe(1);
    expect((await list({ from: '2026-11-03', to: '2026-11-10' })).total).toBe(2);
    expect((await list({ from: '2026-11-21' })).total).toBe(0);
  });

  it('sorts by received time and by registration number', async () => {
    const asc = await list({ sort: 'received_asc' });
    expect(asc.items.map((i) => i.registrationNo)).toEqual(['ADU/2026/000001', 'ADU/2026/000002', 'ADU/2026/000003', 'ADU/2026/000004', 'ADU/2026/000005']);
    const desc = await list({ sort: 'registration_desc', limit: 2 });
    expect(desc.items.map((i) => i.registrationNo)).toEqual(['ADU/2026/000005', 'ADU/2026/000004']);
    expect(desc.total).toBe(5);
  });

  it('answers a bad filter with a field error', async () => {
    const res = await c.dispatch('complaints.list', { from: '2026-02-30', sort: 'random' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { from: expect.stringContaining('Dari tanggal'), sort: expect.any(String) } } });
  });
});
