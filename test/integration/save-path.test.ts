// The save's own statements are prepared once per connection (db/prepared.ts) and a new complaint's
// first deadline is computed before its row is written (db/complaints.ts createComplaint). These
// check what that must not change: the deadline a recomputation would give, the calendar another
// writer changed, and two data folders open in one process each numbering their own complaints.
import { describe, expect, it } from 'vitest';
import { deadlineContextOf, recomputeOpenDeadlines } from '../../db/workflow';
import { demoComplaints } from '../../server/demo-data';
import { coresClosedAfterEach, formA, tempDir, type TestCore } from '../helpers';

const makeCore = coresClosedAfterEach();
const NOW = new Date('2026-11-24T03:00:00Z');
const dueOf = (c: TestCore) => c.database.sqlite.prepare('SELECT id, status, next_due_at AS at, next_due_kind AS kind FROM complaints ORDER BY rowid').all() as { id: string; status: string; at: string | null; kind: string | null }[];

async function save(c: TestCore, input: unknown) {
  const res = await c.dispatch('complaints.create', input);
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value as { id: string; registrationNo: string };
}

describe('saving a complaint', () => {
  it('writes the first deadline a recomputation from its events gives, for every form and the counter answer', async () => {
    const c = makeCore(undefined, { now: () => NOW });
    // Received on the Friday before a holiday, the answer given at the counter, and 60 of every kind.
    await save(c, formA({ receivedDate: '2026-11-20', receivedTime: '16:50' }));
    await save(c, formA({ reporterName: 'Budi', resolution: 'Dijelaskan syaratnya di loket.' }));
    for (const input of demoComplaints({ count: 60, timeZone: 'WIB', now: NOW, seed: 3 })) await save(c, { ...input, confirmDuplicateOf: undefined });
    const saved = dueOf(c);
    expect(saved).toHaveLength(62);
    expect(saved.filter((r) => r.at !== null).length).toBeGreaterThan(40);
    expect(saved.filter((r) => r.status === 'dijawab_langsung')).not.toHaveLength(0);
    c.database.sqlite.exec('UPDATE complaints SET next_due_at = NULL, next_due_kind = NULL');
    recomputeOpenDeadlines(c.database.db, deadlineContextOf(c.database.db), NOW.toISOString());
    expect(dueOf(c)).toEqual(saved);
  });

  it('uses a holiday another writer added at the next save', async () => {
    const c = makeCore(undefined, { now: () => NOW });
    // Formulir C: verification is due three working days after receipt (Monday → Thursday).
    const letter = [...demoComplaints({ count: 40, timeZone: 'WIB', now: NOW, seed: 5 })].find((p) => p.form === 'C')!;
    const input = { ...letter, receivedDate: '2026-11-23', receivedTime: '08:00', reporterName: 'Dewi Lestari' };
    const first = await save(c, input);
    // Straight into the table, as another connection or an import would: no cache may hide it.
    c.database.sqlite.prepare("INSERT INTO holidays (date, name, kind, status, source, updated_at) VALUES ('2026-11-25', 'Libur uji', 'libur_nasional', 'resmi', 'admin', '2026-11-24T00:00:00Z')").run();
    const second = await save(c, { ...input, reporterName: 'Orang Lain', content: 'Isi yang sama sekali berbeda dari yang pertama, soal jalan rusak.' });
    const at = (id: string) => c.database.sqlite.prepare('SELECT next_due_at FROM complaints WHERE id = ?').pluck().get(id) as string;
    expect(at(first.id)).toBe('2026-11-26T16:59:59.999Z');
    expect(at(second.id)).toBe('2026-11-27T16:59:59.999Z');
  });

  it('keeps each data folder open in one process on its own statements and numbers', async () => {
    const dir = tempDir();
    const a = makeCore(dir, { now: () => NOW });
    const b = makeCore(undefined, { now: () => NOW });
    const first = await save(a, formA());
    await save(a, formA({ reporterName: 'Budi', content: 'Jalan di depan kantor desa berlubang besar.' }));
    const inB = await save(b, formA());
    expect(inB.registrationNo).toBe(first.registrationNo);
    expect(b.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(1);
    expect(a.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(2);
    // Closed and opened again: the new connection prepares its own, the old ones are never used.
    await a.close();
    const again = makeCore(dir, { now: () => NOW });
    const third = await save(again, formA({ reporterName: 'Citra', content: 'Air PDAM mati tiga hari berturut-turut.' }));
    expect(third.registrationNo).not.toBe(first.registrationNo);
    expect(again.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(3);
  });
});
