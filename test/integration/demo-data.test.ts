// `--demo` should look like a real office: most cases handled in time, some open, a few late, and a
// history that agrees with the deadlines (every step after the receipt and before "now").
import { describe, expect, it } from 'vitest';
import { fillDemo } from '../../server/demo-data';
import { CLOSED_STATUSES } from '../../forms/vocabulary';
import { coresClosedAfterEach } from '../helpers';

const NOW = new Date('2026-11-24T06:00:00Z'); // Tuesday 13:00 WIB
const newCore = coresClosedAfterEach();
const N = 300;

interface Detail {
  status: string;
  receivedAt: string;
  createdAt: string;
  events: { seq: number; type: string; at: string }[];
  deadlines: { kind: string; dueAt: string; metAt: string | null }[];
}

describe('demo data', () => {
  it('looks like a real office: most handled in time, some open, a few late', async () => {
    const c = newCore(undefined, { now: () => NOW });
    expect(fillDemo(c, N, NOW)).toBe(N);
    const ids = c.database.sqlite.prepare('SELECT id FROM complaints').pluck().all() as string[];
    expect(ids).toHaveLength(N);
    const cases: Detail[] = [];
    for (const id of ids) {
      const r = await c.dispatch('complaints.get', { id });
      if (!r.ok) throw new Error(r.error.message);
      cases.push(r.value as Detail);
    }

    const closed = cases.filter((x) => CLOSED_STATUSES.includes(x.status as never)).length;
    const counts = (await c.dispatch('workviews.counts', {})) as { value: { terlambat: number } };
    const late = counts.value.terlambat;
    // Duties of the office (the reporter's completeness window is not one of them).
    const met = cases.flatMap((x) => x.deadlines).filter((d) => d.metAt && d.kind !== 'kelengkapan');
    const metInTime = met.filter((d) => d.metAt! <= d.dueAt).length;

    expect(closed / N, 'most cases are finished').toBeGreaterThan(0.6);
    expect((N - closed) / N, 'some cases are still open').toBeGreaterThanOrEqual(0.05);
    expect(late, 'a few are late').toBeGreaterThanOrEqual(3);
    expect(late / N, 'only a few are late').toBeLessThanOrEqual(0.06);
    expect(metInTime / met.length, 'deadlines are mostly met in time').toBeGreaterThan(0.9);
    expect(new Set(cases.map((x) => x.status)).size, 'every stage of the flow appears').toBeGreaterThanOrEqual(6);

    // The history is one consistent story: keyed after receipt, steps in order, nothing after now.
    for (const x of cases) {
      expect(x.createdAt >= x.receivedAt).toBe(true);
      const times = x.events.map((e) => e.at);
      expect(times).toEqual([...times].sort());
      expect(times[0]! >= x.receivedAt && times.at(-1)! <= NOW.toISOString()).toBe(true);
    }
  }, 120_000);
});
