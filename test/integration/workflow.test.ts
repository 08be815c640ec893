import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../server/core';
import { ACTIONS, type Action } from '../../forms/workflow';
import { applyMigrations } from '../../db/migrate';
import { DB_FILE } from '../../db/open';
import { coresClosedAfterEach, formA, migrationsUpTo, tempDir } from '../helpers';

let clock = new Date('2026-11-16T03:00:00Z'); // Monday 10:00 WIB
const newCore = coresClosedAfterEach();
const core = (dir?: string) => newCore(dir, { now: () => clock });

const PAYLOADS: Record<Action, Record<string, unknown>> = {
  minta_kelengkapan: { note: 'Mohon lampirkan fotokopi KTP dan bukti permohonan.' },
  verifikasi: { classification: 'pengaduan', jenis: 'a', darwas: false, category: '02 Pelayanan masyarakat' },
  arsipkan: { note: 'Tidak ada kelengkapan dalam 10 hari kerja.' },
  jawab_langsung: { answer: 'Dijelaskan alur perizinan di loket.' },
  jawab: { answer: 'Jadwal pelayanan: Senin-Kamis 08.00-15.30.' },
  teruskan: { targets: [{ kind: 'unit', name: 'Bidang Perizinan' }, { kind: 'instansi_lain', name: 'Dinas PUPR', copy: true }], letterNo: '800/123/DPMPTSP/2026' },
  tindak_lanjut: { note: 'Bidang Perizinan memanggil pemohon.' },
  selesaikan: { outcome: 'benar', sanctions: ['pp53'], note: 'Izin diterbitkan; petugas diberi teguran.' },
  kepuasan: { satisfied: true },
};

async function newCase(c: Core, input: unknown = formA({ receivedDate: '2026-11-16', receivedTime: '08:00' })) {
  const r = await c.dispatch('complaints.create', input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.value as { id: string }).id;
}
async function act(c: Core, id: string, action: Action, input: Record<string, unknown> = PAYLOADS[action]) {
  return c.dispatch('complaints.transition', { id, action, input, actor: 'Rina' });
}
const snapshot = (c: Core, id: string) => ({
  row: c.database.sqlite.prepare('SELECT * FROM complaints WHERE id = ?').get(id),
  events: c.database.sqlite.prepare('SELECT count(*) FROM complaint_events WHERE complaint_id = ?').pluck().get(id),
});

/** Walks `path` from a new case, checking each state and that every other action is refused untouched. */
async function walk(c: Core, path: [Action, string, Record<string, unknown>?][], input?: unknown) {
  const id = await newCase(c, input);
  for (const [action, expected, payload] of path) {
    const before = await c.dispatch('complaints.get', { id });
    if (!before.ok) throw new Error('get');
    const allowed = (before.value as { allowedActions: Action[] }).allowedActions;
    for (const other of ACTIONS.filter((a) => !allowed.includes(a))) {
      const snap = snapshot(c, id);
      const refused = await act(c, id, other);
      expect(refused, `${other} must be refused`).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Yang dapat dilakukan') } });
      expect(snapshot(c, id), `${other} must change nothing`).toEqual(snap);
    }
    const res = await act(c, id, action, payload);
    expect(res, `${action}`).toMatchObject({ ok: true, value: { status: expected } });
  }
  return id;
}

describe('handling flow through the API', () => {
  it('complaint: verify, forward, follow up, finish with sanctions, reporter satisfied', async () => {
    const c = core();
    const id = await walk(c, [
      ['verifikasi', 'terverifikasi'],
      ['teruskan', 'diteruskan'],
      ['tindak_lanjut', 'ditindaklanjuti'],
      ['selesaikan', 'selesai'],
      ['kepuasan', 'selesai'],
    ]);
    const d = await c.dispatch('complaints.get', { id });
    expect(d).toMatchObject({
      ok: true,
      value: { version: 6, classification: 'pengaduan', jenis: 'a', darwas: false, outcome: 'benar', sanctions: ['pp53'], satisfaction: 'puas', allowedActions: [] },
    });
    const events = (d as { value: { events: { seq: number; type: string; actor: string | null; data: Record<string, unknown> }[] } }).value.events;
    expect(events.map((e) => [e.seq, e.type])).toEqual([[1, 'created'], [2, 'verifikasi'], [3, 'teruskan'], [4, 'tindak_lanjut'], [5, 'selesaikan'], [6, 'kepuasan']]);
    expect(events[2]).toMatchObject({ actor: 'Rina', data: { from: 'terverifikasi', to: 'diteruskan', targets: [{ name: 'Bidang Perizinan' }, { name: 'Dinas PUPR', copy: true }] } });
  });

  it('incomplete: ask the reporter, then verify once complete', async () => {
    await walk(core(), [
      ['minta_kelengkapan', 'menunggu_kelengkapan'],
      ['verifikasi', 'terverifikasi'],
      ['teruskan', 'diteruskan'],
      ['selesaikan', 'selesai'],
    ]);
  });

  it('incomplete and never completed: archived by a person', async () => {
    await walk(core(), [
      ['minta_kelengkapan', 'menunggu_kelengkapan'],
      ['arsipkan', 'diarsipkan'],
    ]);
  });

  it('walk-in answered on the spot; not satisfied reopens it for the team', async () => {
    await walk(core(), [
      ['jawab_langsung', 'dijawab_langsung'],
      ['kepuasan', 'ditindaklanjuti', { satisfied: false, note: 'Belum jelas.' }],
      ['tindak_lanjut', 'ditindaklanjuti'],
      ['selesaikan', 'selesai', { outcome: 'tidak_benar', sanctions: [], note: 'Tidak terbukti.' }],
    ]);
  });

  it('Formulir A with E. Penyelesaian is answered at the counter when saved, not asked again', async () => {
    const c = core();
    const id = await newCase(c, formA({ receivedDate: '2026-11-16', receivedTime: '08:00', resolution: 'Dijelaskan alur perizinan di loket.' }));
    const d = (await c.dispatch('complaints.get', { id })) as { value: { status: string; resolution: string; allowedActions: string[]; events: { type: string; data: Record<string, unknown> }[]; deadlines: { kind: string; metAt: string | null }[]; receivedAt: string } };
    expect(d.value).toMatchObject({ status: 'dijawab_langsung', resolution: 'Dijelaskan alur perizinan di loket.', allowedActions: ['kepuasan'] });
    expect(d.value.events).toEqual([expect.objectContaining({ type: 'created', data: expect.objectContaining({ answeredAtCounter: true, to: 'dijawab_langsung' }) })]);
    expect(d.value.deadlines.map((x) => [x.kind, x.metAt])).toEqual([
      ['jawaban_awal', d.value.receivedAt],
      ['verifikasi', d.value.receivedAt],
    ]);
    expect(await act(c, id, 'jawab_langsung')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await c.dispatch('workviews.counts', {})).toMatchObject({ ok: true, value: { jatuh_tempo_hari_ini: 0, terlambat: 0, perlu_verifikasi: 0 } });
    clock = new Date('2026-11-20T03:00:00Z');
    expect(await c.dispatch('workviews.counts', {})).toMatchObject({ ok: true, value: { terlambat: 0 } });
    // The weekly recap counts it finished, and says how.
    const week = (await c.dispatch('recap.weekly', { from: '2026-11-16', to: '2026-11-22' })) as { value: { finished: number; items: { statusAtEnd: string; followUp: string }[] } };
    expect(week.value).toMatchObject({ finished: 1, items: [{ statusAtEnd: 'dijawab_langsung', followUp: expect.stringContaining('dijawab langsung di loket') }] });
    // The reporter can still say "tidak puas", which hands it to the team.
    expect(await act(c, id, 'kepuasan', { satisfied: false, note: 'Belum jelas.' })).toMatchObject({ ok: true, value: { status: 'ditindaklanjuti' } });
    clock = new Date('2026-11-16T03:00:00Z');
  });

  it('aspiration answered directly after verification', async () => {
    const slip = { form: 'B', content: 'Saran: tambah kursi ruang tunggu.', receivedDate: '2026-11-16', receivedTime: '09:00', anonymous: true };
    await walk(core(), [['verifikasi', 'terverifikasi', { ...PAYLOADS.verifikasi, classification: 'aspirasi' }], ['jawab', 'selesai']], slip);
  });

  it('forwarded again from follow-up (copies to several agencies), then a DarWas finish', async () => {
    await walk(core(), [
      ['verifikasi', 'terverifikasi', { ...PAYLOADS.verifikasi, darwas: true, jenis: 'b', category: '01 Penyalahgunaan wewenang' }],
      ['teruskan', 'diteruskan', { targets: [{ kind: 'apip', name: 'Inspektorat Kabupaten' }] }],
      ['tindak_lanjut', 'ditindaklanjuti'],
      ['teruskan', 'diteruskan', { targets: [{ kind: 'admin_nasional', name: 'Admin Nasional SP4N-LAPOR!' }] }],
      ['selesaikan', 'selesai', { outcome: 'benar', sanctions: ['tp_tgr', 'pidana'], note: 'Diserahkan ke APH.' }],
    ]);
  });

  it('verifikasi keeps anonim/rahasia when the fields are omitted, and sets them only when given', async () => {
    const c = core();
    const flags = (id: string) => c.database.sqlite.prepare('SELECT anonymous, confidential FROM complaints WHERE id = ?').get(id);
    const hidden = await newCase(c, formA({ receivedDate: '2026-11-16', receivedTime: '08:00', confidential: true }));
    expect(await act(c, hidden, 'verifikasi')).toMatchObject({ ok: true, value: { status: 'terverifikasi', confidential: true, anonymous: false } });
    expect(flags(hidden)).toEqual({ anonymous: 0, confidential: 1 });
    const slip = await newCase(c, { form: 'B', content: 'Petugas meminta uang tambahan.', reporterName: 'Wa Ode Anonim', receivedDate: '2026-11-16', receivedTime: '09:00', anonymous: true });
    await act(c, slip, 'minta_kelengkapan');
    expect(await act(c, slip, 'verifikasi', { ...PAYLOADS.verifikasi, confidential: true })).toMatchObject({ ok: true, value: { anonymous: true, confidential: true } });
    expect(flags(slip)).toEqual({ anonymous: 1, confidential: 1 });
    // Given explicitly, the admin's decision stands (seed: anonim/rahasia are decided at verification).
    const open = await newCase(c, formA({ receivedDate: '2026-11-16', receivedTime: '08:30', reporterName: 'Budi Terbuka', confidential: true }));
    expect(await act(c, open, 'verifikasi', { ...PAYLOADS.verifikasi, confidential: false })).toMatchObject({ ok: true, value: { confidential: false } });
  });

  it('refuses a bad payload with field errors and an unknown complaint with NOT_FOUND', async () => {
    const c = core();
    const id = await newCase(c);
    const bad = await act(c, id, 'verifikasi', { classification: 'keluhan', darwas: 'ya' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'input.classification': 'Klasifikasi wajib dipilih.', 'input.jenis': 'Jenis pengaduan wajib dipilih.', 'input.category': 'Kategori wajib diisi.' } } });
    expect(await act(c, '01900000-0000-7000-8000-000000000000', 'verifikasi')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('deadlines, work views and the calendar', () => {
  it('moves a case between the work views as time passes and as it is handled', async () => {
    clock = new Date('2026-11-16T03:00:00Z');
    const c = core();
    const counts = async () => ((await c.dispatch('workviews.counts', {})) as { value: Record<string, number> }).value;
    const id = await newCase(c, { ...formA(), receivedDate: '2026-11-16', receivedTime: '08:00' });
    // Walk-in: first answer due today.
    expect(await counts()).toMatchObject({ perlu_verifikasi: 1, jatuh_tempo_hari_ini: 1, terlambat: 0 });
    clock = new Date('2026-11-17T03:00:00Z');
    expect(await counts()).toMatchObject({ terlambat: 1 });
    const late = await c.dispatch('complaints.list', { view: 'terlambat' });
    expect(late).toMatchObject({ ok: true, value: { total: 1, items: [{ id }] } });
    await act(c, id, 'minta_kelengkapan');
    expect(await counts()).toMatchObject({ perlu_verifikasi: 0, menunggu_kelengkapan: 1, terlambat: 0, usulan_arsip: 0 });
    const detail = (await c.dispatch('complaints.get', { id })) as { value: { deadlines: { kind: string; workingDaysLeft: number; metAt: string | null }[] } };
    expect(detail.value.deadlines.find((d) => d.kind === 'kelengkapan')).toMatchObject({ workingDaysLeft: 10, metAt: null });
    clock = new Date('2026-12-02T03:00:00Z');
    expect(await counts()).toMatchObject({ terlambat: 1, usulan_arsip: 1 });
    const proposed = (await c.dispatch('complaints.get', { id })) as { value: { deadlines: { kind: string; proposeArchive: boolean }[]; status: string } };
    expect(proposed.value.deadlines.find((d) => d.kind === 'kelengkapan')!.proposeArchive).toBe(true);
    expect(proposed.value.status).toBe('menunggu_kelengkapan'); // nothing closes silently
  });

  it('ships this and next year from date-holidays where no decree ships, lets an admin add cuti bersama, and moves deadlines', async () => {
    clock = new Date('2027-12-20T03:00:00Z'); // Monday
    const c = core();
    const cal = (await c.dispatch('calendar.get', {})) as { value: { years: { year: number; status: string }[]; missingYears: number[]; holidays: { date: string; status: string }[] } };
    expect(cal.value.years.map((y) => [y.year, y.status])).toEqual([[2025, 'resmi'], [2026, 'resmi'], [2027, 'sementara'], [2028, 'sementara']]);
    expect(cal.value.missingYears).toEqual([]);
    expect(cal.value.holidays.find((h) => h.date === '2027-12-25')).toMatchObject({ status: 'sementara' });
    const id = await newCase(c, { ...formA(), receivedDate: '2027-12-20', receivedTime: '08:00' });
    const dueOf = async () => ((await c.dispatch('complaints.get', { id })) as { value: { deadlines: { kind: string; dueAt: string }[] } }).value.deadlines.find((d) => d.kind === 'verifikasi')!.dueAt;
    expect(await dueOf()).toBe('2027-12-23T16:59:59.999Z'); // 21, 22, 23 December
    const saved = await c.dispatch('calendar.save', { date: '2027-12-24', name: 'Cuti bersama Natal', kind: 'cuti_bersama', status: 'resmi' });
    expect(saved.ok).toBe(true);
    const withCuti = await c.dispatch('calendar.save', { date: '2027-12-22', name: 'Cuti bersama', kind: 'cuti_bersama', status: 'resmi' });
    expect(withCuti.ok).toBe(true);
    expect(await dueOf()).toBe('2027-12-27T16:59:59.999Z'); // 21, 23, (24 cuti, weekend) 27
    const imp = await c.dispatch('calendar.import', { text: '2028-01-03;Cuti bersama;cuti_bersama\n2029-01-01;Tahun Baru 2029;libur_nasional' });
    expect(imp).toMatchObject({ ok: true, value: { imported: 2, calendar: { years: [{ year: 2025 }, { year: 2026 }, { year: 2027 }, { year: 2028 }, { year: 2029 }] } } });
    const bad = await c.dispatch('calendar.import', { text: '2027-02-30;Salah\nbukan tanggal' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { text: expect.stringContaining('Baris 1') } } });
    await c.dispatch('calendar.delete', { date: '2027-12-22' });
    expect(await dueOf()).toBe('2027-12-23T16:59:59.999Z');
  });

  it('uses the office\'s own day counts (Perbup Buton Utara 16/2019 Pasal 6: 10 working days for licensing) and recomputes open cases', async () => {
    clock = new Date('2026-11-16T03:00:00Z');
    const c = core();
    const id = await newCase(c);
    await act(c, id, 'verifikasi');
    const rule = async () => ((await c.dispatch('complaints.get', { id })) as { value: { deadlines: { kind: string; rule: string; dueAt: string }[] } }).value.deadlines.find((d) => d.kind === 'penyelesaian')!;
    expect((await rule()).rule).toBe('14 hari kerja');
    const settings = await c.handlers['settings.get']({});
    await c.dispatch('settings.save', { ...settings, deadlineNonDarwasDays: 10 });
    expect(await rule()).toMatchObject({ rule: '10 hari kerja', dueAt: '2026-11-30T16:59:59.999Z' });
    expect(c.database.sqlite.prepare('SELECT next_due_at FROM complaints WHERE id = ?').pluck().get(id)).toBe('2026-11-30T16:59:59.999Z');
  });

  it('a Formulir A saved with E. Penyelesaian by an earlier version: its answer counts, the team still verifies it', async () => {
    const dir = tempDir();
    const old = new Database(path.join(dir, DB_FILE));
    applyMigrations(old, migrationsUpTo('0009_draft_lease'));
    const id = '01930000-0000-7000-8000-000000000001';
    old.prepare(
      `INSERT INTO complaints (id, registration_no, form, channel, received_at, problem, content, resolution, reporter_name, status, next_due_at, next_due_kind, created_at, updated_at)
       VALUES (?, 'ADU/2026/000001', 'A', 'tatap_muka', '2026-11-16T01:00:00.000Z', 'Izin usaha', 'Belum terbit.', 'Dijelaskan di loket.', 'Siti', 'diterima',
               '2026-11-16T16:59:59.999Z', 'jawaban_awal', '2026-11-16T01:05:00.000Z', '2026-11-16T01:05:00.000Z')`,
    ).run(id);
    old.prepare("INSERT INTO complaint_events (id, complaint_id, seq, type, at, data) VALUES ('01930000-0000-7000-8000-0000000000e1', ?, 1, 'created', '2026-11-16T01:05:00.000Z', '{\"version\":1,\"form\":\"A\"}')").run(id);
    old.close();
    clock = new Date('2026-11-18T03:00:00Z');
    const c = core(dir);
    expect(c.database.sqlite.prepare('SELECT status, next_due_kind, next_due_at FROM complaints WHERE id = ?').get(id)).toEqual({ status: 'diterima', next_due_kind: 'verifikasi', next_due_at: '2026-11-19T16:59:59.999Z' });
    expect(await c.dispatch('workviews.counts', {})).toMatchObject({ ok: true, value: { terlambat: 0, perlu_verifikasi: 1 } });
    const d = (await c.dispatch('complaints.get', { id })) as { value: { deadlines: { kind: string; metAt: string | null }[]; allowedActions: string[] } };
    expect(d.value.deadlines.map((x) => [x.kind, x.metAt])).toEqual([
      ['jawaban_awal', '2026-11-16T01:00:00.000Z'],
      ['verifikasi', null],
    ]);
    expect(d.value.allowedActions).toContain('verifikasi');
  });

  it('says which needed years have no calendar yet', async () => {
    clock = new Date('2026-06-01T03:00:00Z');
    const c = core();
    c.database.sqlite.exec("DELETE FROM holidays WHERE date LIKE '2027-%'");
    const cal = (await c.dispatch('calendar.get', {})) as { value: { missingYears: number[] } };
    expect(cal.value.missingYears).toEqual([2027]);
  });
});
