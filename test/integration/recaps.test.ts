// Every count of every recap against an independent SQL count over the same period, on generated
// data with transitions, confidential reporters, empty categories and WITA period boundaries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../server/core';
import { demoComplaints, mulberry32 } from '../../server/demo-data';
import { DEFAULT_SETTINGS } from '../../forms/settings';
import { quarterOf, semesterOf, weekOf, type Period } from '../../forms/periods';
import type { PeriodRecap, WeeklyRecap } from '../../forms/recap';
import { fromLocal } from '../../forms/time';
import { CHANNELS, COMPLAINT_STATUSES, FORM_KINDS, JENIS } from '../../forms/vocabulary';
import { makeCore } from '../helpers';

let clock = new Date('2026-01-01T00:00:00Z');
let c: Core;

const bounds = (p: Period) => {
  // Written independently of the app: WITA is UTC+8.
  const start = new Date(`${p.from}T00:00:00+08:00`).toISOString();
  const end = new Date(new Date(`${p.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  return { start, end };
};
/** Status at the end of the period, computed with a join instead of the app's correlated subquery. */
const STATUS_JOIN = `
  FROM complaints c
  LEFT JOIN (SELECT complaint_id, max(seq) AS s FROM complaint_events WHERE at < @end AND json_extract(data, '$.to') IS NOT NULL GROUP BY complaint_id) m ON m.complaint_id = c.id
  LEFT JOIN complaint_events e ON e.complaint_id = m.complaint_id AND e.seq = m.s
  WHERE c.received_at >= @start AND c.received_at < @end`;
const sqlCount = (where: string, p: Period) =>
  c.database.sqlite.prepare(`SELECT count(*) ${STATUS_JOIN} AND (${where})`).pluck().get(bounds(p)) as number;
const statusEnd = "coalesce(json_extract(e.data, '$.to'), 'diterima')";
const closed = `${statusEnd} IN ('selesai', 'dijawab_langsung', 'diarsipkan')`;

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await c.dispatch(method, input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

beforeAll(async () => {
  c = makeCore(undefined, { now: () => clock });
  await c.dispatch('settings.save', { ...DEFAULT_SETTINGS, timeZone: 'WITA', place: 'Buranga' });
  const rnd = mulberry32(11);
  const created: { id: string; at: number }[] = [];
  for (const input of demoComplaints({ count: 260, timeZone: 'WITA', now: new Date('2026-06-30T12:00:00Z'), days: 200, seed: 5 })) {
    const at = fromLocal({ date: input.receivedDate, time: input.receivedTime }, 'WITA');
    clock = new Date(new Date(at).getTime() + 30 * 60_000);
    let r = await c.dispatch('complaints.create', input);
    if (!r.ok && r.error.code === 'DUPLICATE') r = await c.dispatch('complaints.create', { ...input, confirmDuplicateOf: r.error.duplicateOf?.registrationNo });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    created.push({ id: (r.value as { id: string }).id, at: clock.getTime() });
  }
  // Handle some of them, days later, so statuses differ by the end of each period.
  for (const { id, at } of created) {
    const roll = rnd();
    const step = async (days: number, action: string, input: unknown) => {
      clock = new Date(at + days * 86_400_000);
      await call('complaints.transition', { id, action, input });
    };
    // Walk-ins answered at the counter (E. Penyelesaian): only the reporter's verdict may follow.
    if (c.database.sqlite.prepare('SELECT status FROM complaints WHERE id = ?').pluck().get(id) === 'dijawab_langsung') {
      if (roll < 0.5) await step(1, 'kepuasan', { satisfied: roll < 0.4 });
      continue;
    }
    if (roll < 0.15) continue;
    if (roll < 0.3) {
      await step(1, 'minta_kelengkapan', { note: 'KTP' });
      if (rnd() < 0.5) await step(15, 'arsipkan', { note: 'Tidak lengkap' });
      continue;
    }
    const darwas = rnd() < 0.3;
    const jenis = JENIS[Math.floor(rnd() * 5)]!; // never 'f': an empty category must print nihil
    await step(2, 'verifikasi', { classification: rnd() < 0.8 ? 'pengaduan' : 'aspirasi', jenis, darwas, category: '02 Pelayanan masyarakat', reportedParty: 'Petugas loket' });
    const detail = await call<{ allowedActions: string[] }>('complaints.get', { id });
    if (detail.allowedActions.includes('jawab') && rnd() < 0.7) {
      await step(3, 'jawab', { answer: 'Terima kasih atas sarannya.' });
      continue;
    }
    await step(4, 'teruskan', { targets: [{ kind: 'unit', name: 'Bidang Perizinan' }] });
    if (rnd() < 0.6) await step(20, 'selesaikan', { outcome: rnd() < 0.5 ? 'benar' : 'tidak_benar', sanctions: rnd() < 0.3 ? ['pp53'] : [], note: 'Selesai' });
  }
  // Two complaints either side of a WITA week boundary (Sunday 23:30 / Monday 00:30).
  for (const [date, time, name] of [['2026-03-15', '23:30', 'Sebelum Batas'], ['2026-03-16', '00:30', 'Sesudah Batas']] as const) {
    clock = new Date(new Date(fromLocal({ date, time }, 'WITA')).getTime() + 60_000);
    await call('complaints.create', { form: 'C', reporterName: name, reporterAddress: 'Ereke', channel: 'instansi_lain', content: `Surat dari instansi lain, diterima pukul ${time}`, receivedDate: date, receivedTime: time, confidential: name === 'Sesudah Batas' });
  }
  clock = new Date('2026-07-10T00:00:00Z');
}, 120_000);
afterAll(async () => c?.close());

const weeks: Period[] = [weekOf('2026-03-15'), weekOf('2026-03-16'), weekOf('2026-05-20'), weekOf('2025-06-02')];

describe('weekly recap equals independent SQL counts', () => {
  it.each(weeks)('week $from – $to', async (week) => {
    const r = await call<WeeklyRecap>('recap.weekly', week);
    expect(r.received).toBe(sqlCount('1', week));
    expect(r.finished).toBe(sqlCount(closed, week));
    for (const row of r.byJenis) expect(row.count, row.label).toBe(sqlCount(row.key === 'belum' ? 'c.jenis IS NULL' : `c.jenis = '${row.key}'`, week));
    for (const row of r.byChannel) expect(row.count, row.label).toBe(sqlCount(`c.channel = '${row.key}'`, week));
    for (const row of r.byForm) expect(row.count, row.label).toBe(sqlCount(`c.form = '${row.key}'`, week));
    for (const row of r.byClassification) expect(row.count, row.label).toBe(sqlCount(row.key === 'belum' ? 'c.classification IS NULL' : `c.classification = '${row.key}'`, week));
    for (const row of r.byStatusAtEnd) expect(row.count, row.label).toBe(sqlCount(`${statusEnd} = '${row.key}'`, week));
    expect(r.byChannel.map((x) => x.key)).toEqual([...CHANNELS]);
    expect(r.byForm.map((x) => x.key)).toEqual([...FORM_KINDS]);
    expect(r.byStatusAtEnd.map((x) => x.key)).toEqual([...COMPLAINT_STATUSES]);
    expect(r.items).toHaveLength(r.received);
  });

  it('puts Sunday 23:30 and Monday 00:30 WITA in different weeks', async () => {
    const before = await call<WeeklyRecap>('recap.weekly', weekOf('2026-03-15'));
    const after = await call<WeeklyRecap>('recap.weekly', weekOf('2026-03-16'));
    expect(before.items.some((i) => i.summary.includes('pukul 23:30'))).toBe(true);
    expect(after.items.some((i) => i.summary.includes('pukul 00:30'))).toBe(true);
    expect(after.items.some((i) => i.summary.includes('pukul 23:30'))).toBe(false);
  });

  it('an empty week counts zero everywhere', async () => {
    const r = await call<WeeklyRecap>('recap.weekly', weekOf('2025-06-02'));
    expect(r.received).toBe(0);
    expect([...r.byJenis, ...r.byChannel, ...r.byForm, ...r.byStatusAtEnd].every((x) => x.count === 0)).toBe(true);
  });

  it('never names a confidential or anonymous reporter', async () => {
    const week = await call<WeeklyRecap>('recap.weekly', weekOf('2026-03-16'));
    expect(week.items.find((i) => i.summary.includes('pukul 00:30'))!.reporter).toBe('Dirahasiakan');
    expect(JSON.stringify(week)).not.toMatch(/"reporter":"Sesudah Batas"/);
    // Names that only ever belong to protected complaints must appear in no recap at all.
    const onlyProtected = c.database.sqlite
      .prepare('SELECT DISTINCT reporter_name FROM complaints WHERE (anonymous OR confidential) AND reporter_name IS NOT NULL EXCEPT SELECT reporter_name FROM complaints WHERE NOT anonymous AND NOT confidential')
      .pluck()
      .all() as string[];
    expect(onlyProtected.length).toBeGreaterThan(0);
    const all = JSON.stringify([await call('recap.period', semesterOf(2026, 1)), ...(await Promise.all(weeks.map((w) => call('recap.weekly', w))))]);
    for (const n of onlyProtected) expect(all).not.toContain(n);
  });
});

describe('semester and quarter recap (the BTKLPP Batam layout, docs/recaps.md) equal independent SQL counts', () => {
  it.each([semesterOf(2026, 1), quarterOf(2026, 1), quarterOf(2026, 2), semesterOf(2025, 1)])('$from – $to', async (p) => {
    const r = await call<PeriodRecap>('recap.period', p);
    const total = sqlCount('1', p);
    expect(r.byStatus).toEqual({ finished: sqlCount(closed, p), inProcess: sqlCount(`NOT (${closed})`, p), total });
    expect(r.byType).toEqual({ darwas: sqlCount('c.darwas = 1', p), nonDarwas: sqlCount('c.darwas = 0', p), unverified: sqlCount('c.darwas IS NULL', p), total });
    expect(r.bySource.fromAgencies).toBe(sqlCount("c.channel = 'instansi_lain'", p));
    expect(r.bySource.direct).toBe(sqlCount("c.channel != 'instansi_lain'", p));
    expect(r.results).toHaveLength(total);
    expect(r.results.filter((x) => x.status === 'proses')).toHaveLength(sqlCount(`NOT (${closed})`, p));
    expect(r.results.filter((x) => x.status === 'benar')).toHaveLength(sqlCount(`${closed} AND c.outcome = 'benar'`, p));
    expect(r.results.filter((x) => x.pp53)).toHaveLength(sqlCount(`c.sanctions LIKE '%pp53%' AND ${statusEnd} IN ('selesai','dijawab_langsung','diarsipkan','ditindaklanjuti','diteruskan','terverifikasi','diterima','menunggu_kelengkapan')`, p));
  });

  it('names the direct channels in the remarks and counts an empty semester as zero', async () => {
    const r = await call<PeriodRecap>('recap.period', semesterOf(2026, 1));
    expect(r.bySource.directChannels).toEqual(expect.arrayContaining(['Tatap muka', 'Kotak pengaduan']));
    expect(r.bySource.directChannels).not.toContain('Diterima dari instansi lain');
    const empty = await call<PeriodRecap>('recap.period', semesterOf(2024, 2));
    expect(empty).toMatchObject({ byStatus: { total: 0, finished: 0 }, byType: { darwas: 0 }, results: [] });
  });
});

describe('indicators and monitoring', () => {
  it('shows each period its own figures: received, finished by the end of the period and the pro-rated target', async () => {
    await c.dispatch('settings.save', { ...(await call<typeof DEFAULT_SETTINGS>('settings.get', {})), targetReceived: 365, targetFinishedPercent: 90 });
    type Row = { label: string; period: Period; received: number; finished: number; finishedPercent: number; targetReceived: number; targetFinishedPercent: number };
    const of = (p: Period) => call<{ rows: Row[]; monthly: { month: string; received: number; finished: number }[]; weekly: { received: number }[] }>('recap.indicators', p);
    const seen = new Set<string>();
    for (const p of [quarterOf(2026, 1), quarterOf(2026, 2), semesterOf(2026, 1), { from: '2026-02-01', to: '2026-02-28' }]) {
      const r = await of(p);
      const received = sqlCount('1', p);
      const finished = sqlCount(closed, p);
      expect(received).toBeGreaterThan(0);
      expect(r.rows[0]).toMatchObject({ period: p, received, finished, finishedPercent: Math.round((finished / received) * 1000) / 10, targetFinishedPercent: 90 });
      // 365 a year is one a day: the target of a period is its number of days.
      const days = (new Date(p.to).getTime() - new Date(p.from).getTime()) / 86_400_000 + 1;
      expect(r.rows[0]!.targetReceived).toBe(days);
      // The months of the period add up to it, and the year it lies in follows with the yearly target.
      expect(r.monthly.reduce((a, m) => a + m.received, 0)).toBe(received);
      expect(r.monthly.reduce((a, m) => a + m.finished, 0)).toBe(finished);
      expect(r.rows.at(-1)).toMatchObject({ label: 'Tahun 2026', period: { from: '2026-01-01', to: '2026-12-31' }, received: sqlCount('1', { from: '2026-01-01', to: '2026-12-31' }), targetReceived: 365 });
      expect(r.weekly).toHaveLength(12);
      seen.add(JSON.stringify(r.rows[0]!.received));
    }
    expect(seen.size).toBeGreaterThan(2);
  });

  it('saves and edits the quarterly monitoring rows', async () => {
    const empty = await call<{ rows: { activity: string; obstacles: string }[] }>('monev.get', { year: 2026, quarter: 2 });
    expect(empty.rows).toHaveLength(4);
    const rows = empty.rows.map((x, i) => ({ ...x, obstacles: i === 0 ? 'SK tim belum diperbarui.' : '', plan: i === 0 ? 'Rapat tinjauan SK.' : '' }));
    await call('monev.save', { year: 2026, quarter: 2, rows });
    const again = await call<{ rows: { obstacles: string; plan: string }[] }>('monev.get', { year: 2026, quarter: 2 });
    expect(again.rows[0]).toMatchObject({ obstacles: 'SK tim belum diperbarui.', plan: 'Rapat tinjauan SK.' });
    expect(await c.dispatch('monev.save', { year: 2026, quarter: 5, rows })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
