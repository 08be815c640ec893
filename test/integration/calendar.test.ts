// The official calendar: a new data folder counts deadlines with the decreed holidays and cuti
// bersama without any admin action, and an existing folder is brought up to date at its next start.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../server/core';
import { nationalHolidays } from '../../server/holiday-seed';
import { upsertHolidays } from '../../db/holidays';
import type { CalendarView } from '../../forms/calendar';
import { coresClosedAfterEach, formA, tempDir } from '../helpers';

let clock = new Date('2026-06-10T03:00:00Z');
const newCore = coresClosedAfterEach();
const core = (dir?: string) => newCore(dir, { now: () => clock });

async function verificationDue(c: Core, receivedDate: string): Promise<string> {
  const created = await c.dispatch('complaints.create', formA({ receivedDate, receivedTime: '10:00', reporterName: `Pelapor ${receivedDate}`, problem: `Perkara ${receivedDate}` }));
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const id = (created.value as { id: string }).id;
  return dueOf(c, id);
}
async function dueOf(c: Core, id: string): Promise<string> {
  const detail = (await c.dispatch('complaints.get', { id })) as { value: { deadlines: { kind: string; dueAt: string }[] } };
  // End of the office-local (WIB) due date, as a date.
  const dueAt = detail.value.deadlines.find((d) => d.kind === 'verifikasi')!.dueAt;
  return new Date(new Date(dueAt).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
const calendar = async (c: Core) => ((await c.dispatch('calendar.get', {})) as { value: CalendarView }).value;
const row = (c: Core, date: string) => c.database.sqlite.prepare('SELECT name, kind, status, source FROM holidays WHERE date = ?').get(date);

describe('official calendar (SKB)', () => {
  it('gives a new data folder the 2026 decree: the four tricky dates count 3 working days as the SKB does', async () => {
    const c = core();
    // Counted by hand from SKB 1497/2025, 2/2025, 5/2025 (verification: 3 working days, day 0 not counted):
    // 13 Feb (Fri): 16 Feb cuti Imlek, 17 Feb Imlek → 18, 19, 20 Feb.
    expect(await verificationDue(c, '2026-02-13')).toBe('2026-02-20');
    // 17 Mar (Tue): 18 cuti Nyepi, 19 Nyepi, 20 cuti, 21-22 Idul Fitri, 23-24 cuti → 25, 26, 27 Mar.
    expect(await verificationDue(c, '2026-03-17')).toBe('2026-03-27');
    // 13 May (Wed): 14 Kenaikan, 15 cuti Kenaikan, weekend → 18, 19, 20 May.
    expect(await verificationDue(c, '2026-05-13')).toBe('2026-05-20');
    // 26 May (Tue): 27 Idul Adha, 28 cuti, 29 May, weekend (31 Waisak), 1 Jun Pancasila → 29 May, 2, 3 Jun.
    expect(await verificationDue(c, '2026-05-26')).toBe('2026-06-03');

    const cal = await calendar(c);
    const y2026 = cal.years.find((y) => y.year === 2026)!;
    expect(y2026).toMatchObject({ status: 'resmi', count: 25, official: 25, source: expect.stringContaining('Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025') });
    const in2026 = cal.holidays.filter((h) => h.date.startsWith('2026-'));
    expect(in2026.filter((h) => h.kind === 'libur_nasional')).toHaveLength(17);
    expect(in2026.filter((h) => h.kind === 'cuti_bersama')).toHaveLength(8);
    expect(in2026.every((h) => h.source === 'skb' && h.status === 'resmi')).toBe(true);
    expect(cal.holidays.find((h) => h.date === '2026-01-16')!.name).toMatch(/^Isra Mikraj/);
    expect(cal.years.find((y) => y.year === 2025)).toMatchObject({ status: 'resmi', count: 28, source: expect.stringContaining('Nomor 933 Tahun 2025') });
    // The year without a decree is provisional, with its 27 Rajab named Isra Mikraj (not Maulid).
    expect(cal.years.find((y) => y.year === 2027)).toMatchObject({ status: 'sementara', source: null });
    expect(cal.holidays.find((h) => h.date === '2027-01-05')).toMatchObject({ name: expect.stringMatching(/^Isra Mikraj/), status: 'sementara', source: 'date-holidays' });
  });

  it('brings a folder with provisional 2026 dates up to the decree at the next start, recomputes open cases, and keeps the office\'s own days off', async () => {
    const dir = tempDir();
    const first = core(dir);
    // The folder as an earlier version left it: 2026 from date-holidays, no decree applied, plus an
    // office-specific day off and an admin's own row on a date the decree also lists.
    first.database.sqlite.exec("DELETE FROM official_calendars; DELETE FROM holidays WHERE date LIKE '2025-%' OR date LIKE '2026-%'");
    upsertHolidays(first.database.db, nationalHolidays(2026), 'date-holidays', clock.toISOString());
    upsertHolidays(first.database.db, [{ date: '2026-04-17', name: 'Hari jadi kabupaten', kind: 'libur_nasional', status: 'resmi' }], 'admin', clock.toISOString());
    upsertHolidays(first.database.db, [{ date: '2026-12-24', name: 'Libur kantor Natal', kind: 'cuti_bersama', status: 'sementara' }], 'admin', clock.toISOString());
    await first.dispatch('calendar.save', { date: '2026-04-17', name: 'Hari jadi kabupaten', kind: 'libur_nasional', status: 'resmi' }); // recompute
    // By telephone (Formulir C): its next deadline is the verification itself.
    const march = await first.dispatch('complaints.create', {
      form: 'C',
      channel: 'telepon',
      reporterName: 'Siti',
      reporterPhone: '0812-3456-7890',
      receivedDate: '2026-03-17',
      receivedTime: '10:00',
      content: 'Antrean loket tidak jelas.',
    });
    const april = await first.dispatch('complaints.create', formA({ receivedDate: '2026-04-16', receivedTime: '10:00', reporterName: 'Budi', problem: 'Lain' }));
    const marchId = (march as { value: { id: string } }).value.id;
    const aprilId = (april as { value: { id: string } }).value.id;
    expect(await dueOf(first, marchId)).toBe('2026-03-24'); // the provisional count the issue reports
    expect(row(first, '2026-01-16')).toMatchObject({ source: 'date-holidays', status: 'sementara' });
    await first.close();

    const next = core(dir);
    expect(await dueOf(next, marchId)).toBe('2026-03-27');
    // Stored next deadline of the open case moved too (work views read it).
    expect(next.database.sqlite.prepare('SELECT next_due_at FROM complaints WHERE id = ?').pluck().get(marchId)).toBe('2026-03-27T16:59:59.999Z');
    // 16 Apr (Thu): 17 Apr is the office's day off → 20, 21, 22 Apr.
    expect(await dueOf(next, aprilId)).toBe('2026-04-22');
    expect(row(next, '2026-04-17')).toMatchObject({ name: 'Hari jadi kabupaten', source: 'admin' });
    expect(row(next, '2026-12-24')).toMatchObject({ name: 'Libur kantor Natal', source: 'admin' });
    expect(row(next, '2026-01-16')).toMatchObject({ name: 'Isra Mikraj Nabi Muhammad SAW', status: 'resmi', source: 'skb' });
    expect(row(next, '2026-03-20')).toMatchObject({ kind: 'cuti_bersama', source: 'skb' });
    const y2026 = (await calendar(next)).years.find((y) => y.year === 2026)!;
    expect(y2026).toMatchObject({ status: 'resmi', count: 26 }); // 25 decreed dates + the office's own
  });

  it('re-applies a year only when its shipped data changes; an admin\'s removal of an official day stands until then', async () => {
    const dir = tempDir();
    const first = core(dir);
    const id = ((await first.dispatch('complaints.create', formA({ receivedDate: '2026-05-13', receivedTime: '10:00' }))) as { value: { id: string } }).value.id;
    expect(await dueOf(first, id)).toBe('2026-05-20');
    // The office works through cuti bersama Kenaikan: the admin removes it.
    expect((await first.dispatch('calendar.delete', { date: '2026-05-15' })).ok).toBe(true);
    expect(await dueOf(first, id)).toBe('2026-05-19');
    await first.close();

    const second = core(dir);
    expect(row(second, '2026-05-15')).toBeUndefined();
    expect(await dueOf(second, id)).toBe('2026-05-19');
    // An update ships different 2026 data (an amended decree): the year is brought in again.
    second.database.sqlite.exec("UPDATE official_calendars SET fingerprint = 'an earlier decree' WHERE year = 2026");
    await second.close();

    const third = core(dir);
    expect(row(third, '2026-05-15')).toMatchObject({ kind: 'cuti_bersama', source: 'skb' });
    expect(await dueOf(third, id)).toBe('2026-05-20');
  });
});
