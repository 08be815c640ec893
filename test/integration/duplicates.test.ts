import { afterEach, describe, expect, it } from 'vitest';
import { coresClosedAfterEach, formA } from '../helpers';

let clock = new Date('2026-11-24T03:00:00Z');
const newCore = coresClosedAfterEach();
const core = () => newCore(undefined, { now: () => clock });
afterEach(() => {
  clock = new Date('2026-11-24T03:00:00Z');
});

const slip = (over: Record<string, unknown> = {}) => ({
  form: 'C', reporterName: 'Dewi Lestari', reporterPhone: '0812-1111-2222', channel: 'telepon',
  content: 'Website perizinan tidak bisa dibuka sejak Senin, mohon diperbaiki.', receivedDate: '2026-11-20', receivedTime: '10:00', ...over,
});

describe('duplicate hint', () => {
  it('points to the earlier registration number and saves once the officer confirms', async () => {
    const c = core();
    const first = await c.dispatch('complaints.create', slip());
    expect(first.ok).toBe(true);
    // Same phone written differently, text with a small change.
    const again = await c.dispatch('complaints.create', slip({ reporterPhone: '+62 812 1111 2222', reporterName: 'Dewi L.', content: 'Website perizinan tidak bisa dibuka sejak Senin. Mohon diperbaiki!' }));
    expect(again).toMatchObject({ ok: false, error: { code: 'DUPLICATE', duplicateOf: { registrationNo: 'ADU/2026/000001' }, message: expect.stringContaining('ADU/2026/000001') } });
    expect(c.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(1);
    const confirmed = await c.dispatch('complaints.create', slip({ confirmDuplicateOf: 'ADU/2026/000001' }));
    expect(confirmed).toMatchObject({ ok: true, value: { registrationNo: 'ADU/2026/000002' } });
    const detail = await c.dispatch('complaints.get', { id: (confirmed as { value: { id: string } }).value.id });
    expect(detail).toMatchObject({ ok: true, value: { events: [{ type: 'created', data: { confirmedDespiteDuplicateOf: 'ADU/2026/000001' } }] } });
  });

  it('matches by name or email too, case-insensitively', async () => {
    const c = core();
    await c.dispatch('complaints.create', formA());
    const res = await c.dispatch('complaints.create', formA({ reporterName: 'SITI RAHMAWATI' }));
    expect(res).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
  });

  it('gives no hint for a different text, a different reporter, or after 30 days', async () => {
    const c = core();
    await c.dispatch('complaints.create', slip());
    expect((await c.dispatch('complaints.create', slip({ content: 'Jalan di depan kantor desa berlubang dan membahayakan pengendara.' }))).ok).toBe(true);
    expect((await c.dispatch('complaints.create', slip({ reporterName: 'Eko', reporterPhone: '0813-9999-0000' }))).ok).toBe(true);
    clock = new Date('2026-12-25T03:00:00Z');
    expect((await c.dispatch('complaints.create', slip({ receivedDate: '2026-12-24' }))).ok).toBe(true);
  });

  it('never points the person keying to a rahasia or anonymous complaint', async () => {
    const c = core();
    const ids = (r: unknown) => (r as { value: { id: string; registrationNo: string } }).value;
    const hidden = ids(await c.dispatch('complaints.create', slip({ confidential: true })));
    // The same reporter and text again: saved without a hint; no field of the answer names the case.
    const again = await c.dispatch('complaints.create', slip({ reporterName: 'DEWI LESTARI' }));
    expect(again.ok).toBe(true);
    expect(JSON.stringify(again)).not.toContain(hidden.id);
    expect(JSON.stringify(again)).not.toContain(hidden.registrationNo);

    // A public earlier complaint is still hinted (to a protected newcomer too), even when a protected
    // one matches more recently.
    const c2 = core();
    const open = ids(await c2.dispatch('complaints.create', slip({ reporterPhone: '0813-5555-6666', reporterName: 'Eko Prasetyo' })));
    clock = new Date('2026-11-24T04:00:00Z');
    const anon = ids(await c2.dispatch('complaints.create', { form: 'B', reporterName: 'Eko Prasetyo', reporterPhone: '0813-5555-6666', anonymous: true, content: slip().content, receivedDate: '2026-11-20', receivedTime: '11:00', confirmDuplicateOf: open.registrationNo }));
    clock = new Date('2026-11-24T05:00:00Z');
    const hinted = await c2.dispatch('complaints.create', slip({ reporterPhone: '0813 5555 6666', reporterName: 'Eko' }));
    expect(hinted).toMatchObject({ ok: false, error: { code: 'DUPLICATE', duplicateOf: { id: open.id, registrationNo: open.registrationNo } } });
    expect(JSON.stringify(hinted)).not.toContain(anon.id);
    expect(JSON.stringify(hinted)).not.toContain(anon.registrationNo);

    // Protected after saving (at verification): from then on it is not hinted either.
    const c3 = core();
    const later = ids(await c3.dispatch('complaints.create', slip()));
    const verified = await c3.dispatch('complaints.transition', {
      id: later.id, action: 'verifikasi', input: { classification: 'pengaduan', jenis: 'c', darwas: false, category: '02 Pelayanan masyarakat', confidential: true },
    });
    expect(verified.ok).toBe(true);
    const third = await c3.dispatch('complaints.create', slip());
    expect(third.ok).toBe(true);
    expect(JSON.stringify(third)).not.toContain(later.registrationNo);
  });

  it('has nothing to match for an anonymous slip without identity', async () => {
    const c = core();
    const b = { form: 'B', content: 'Petugas meminta uang tambahan', receivedDate: '2026-11-20', receivedTime: '09:00', anonymous: true };
    expect((await c.dispatch('complaints.create', b)).ok).toBe(true);
    expect((await c.dispatch('complaints.create', b)).ok).toBe(true);
  });
});
