// The bench's data set: N complaints bulk-inserted through the real schema (the same row mapping,
// first event and registration numbers as a save, with the search and outbox triggers firing), in
// large transactions of prepared statements, so 100,000 are ready in seconds. Then a tenth of the
// cases are verified through the workflow's own transition (db/workflow.ts), so recaps read
// statuses from events, and the stored next deadlines are computed as start-up would.
import { getTableColumns } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { createdEventData, rowFromInput } from '../../db/complaints';
import { inTransaction, type OpenDatabase } from '../../db/open';
import { complaints } from '../../db/schema';
import { getSettings } from '../../db/settings';
import { applyTransition, deadlineContextOf, recomputeOpenDeadlines } from '../../db/workflow';
import { complaintInput } from '../../forms/complaint';
import { formatRegistrationNo, hasYearToken, NO_YEAR_COUNTER } from '../../forms/settings';
import { toLocal } from '../../forms/time';
import { transitionInput } from '../../forms/workflow';
import { demoComplaints } from '../../server/demo-data';

export const BENCH_NOW = new Date('2026-11-24T03:00:00Z');

export interface Seeded {
  count: number;
  handled: number;
  seconds: { insert: number; handle: number; deadlines: number };
}

export function seedComplaints(database: OpenDatabase, n: number): Seeded {
  const { sqlite, db } = database;
  const settings = getSettings(db);
  // The columns a save writes (rowFromInput's and the number); the others take the table's defaults.
  const sample = rowFromInput(complaintInput.parse(demoComplaints({ count: 1, timeZone: settings.timeZone, now: BENCH_NOW }).next().value!), settings, BENCH_NOW.toISOString());
  const cols = Object.entries(getTableColumns(complaints)).filter(([key]) => key in sample || key === 'registrationNo');
  const insert = sqlite.prepare(`INSERT INTO complaints (${cols.map(([, c]) => c.name).join(',')}) VALUES (${cols.map(() => '?').join(',')})`);
  const event = sqlite.prepare("INSERT INTO complaint_events (id, complaint_id, seq, type, at, actor, data) VALUES (?, ?, 1, 'created', ?, ?, ?)");
  const counters = new Map<number, number>();
  const keyOf = (year: number) => (hasYearToken(settings.registrationFormat) ? year : NO_YEAR_COUNTER);

  let t = performance.now();
  const gen = demoComplaints({ count: n, timeZone: settings.timeZone, now: BENCH_NOW, days: 3 * 365, seed: 7 });
  const batch = sqlite.transaction((rows: ReturnType<typeof rowFromInput>[]) => {
    for (const row of rows) {
      const year = Number(toLocal(row.createdAt, settings.timeZone).date.slice(0, 4));
      const seq = (counters.get(keyOf(year)) ?? 0) + 1;
      counters.set(keyOf(year), seq);
      const full: Record<string, unknown> = { ...row, registrationNo: formatRegistrationNo(settings.registrationFormat, year, seq) };
      // Each value as drizzle would write it (booleans as 0/1).
      insert.run(cols.map(([key, c]) => (full[key] == null ? null : (c.mapToDriverValue(full[key]) as unknown))));
      event.run(uuidv7(), row.id, row.createdAt, row.officer ?? null, JSON.stringify(createdEventData(row)));
    }
  });
  // Keyed a few minutes after receipt, in the order received as at a real counter, over three years.
  const all = [...gen].map((input) => {
    const row = rowFromInput(complaintInput.parse(input), settings, BENCH_NOW.toISOString());
    row.createdAt = row.updatedAt = new Date(Date.parse(row.receivedAt) + 5 * 60_000).toISOString();
    return row;
  });
  all.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  // Ids are UUIDv7, born with the draft: in the order keyed.
  for (const row of all) row.id = uuidv7();
  for (let i = 0; i < all.length; i += 10_000) batch(all.slice(i, i + 10_000));
  const upsert = sqlite.prepare('INSERT INTO registration_counters (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = excluded.last');
  for (const [year, last] of counters) upsert.run(year, last);
  const insertS = (performance.now() - t) / 1000;

  // A tenth of the cases verified (classification, jenis, category), through the workflow's own step.
  t = performance.now();
  const ctx = deadlineContextOf(db);
  const ids = sqlite.prepare("SELECT id FROM complaints WHERE rowid % 10 = 0 AND status = 'diterima'").pluck().all() as string[];
  for (let i = 0; i < ids.length; i += 2000) {
    inTransaction(db, (tx) => {
      for (const id of ids.slice(i, i + 2000)) {
        const step = transitionInput.parse({ id, action: 'verifikasi', input: { classification: 'pengaduan', jenis: 'a', darwas: false, category: '02 Pelayanan masyarakat' } });
        applyTransition(tx, step, ctx, BENCH_NOW.toISOString());
      }
    });
  }
  const handleS = (performance.now() - t) / 1000;

  t = performance.now();
  recomputeOpenDeadlines(db, deadlineContextOf(db), BENCH_NOW.toISOString());
  return { count: n, handled: ids.length, seconds: { insert: insertS, handle: handleS, deadlines: (performance.now() - t) / 1000 } };
}
