// A search matching more than SEARCH_COUNT_CAP complaints: the total says "more than the cap" and
// stops counting there, while every page is still exactly the page of the full, sorted match list
// (checked against every match read and sorted here), with and without other filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_COUNT_CAP } from '../../forms/complaint';
import { ftsQuery } from '../../db/search';
import type { Core } from '../../server/core';
import { BENCH_NOW, seedComplaints } from '../bench/seed';
import { makeCore } from '../helpers';

let c: Core;
type Listed = { total: number; totalCapped: boolean; items: { id: string }[] };
const list = async (q: Record<string, unknown>) => {
  const res = await c.dispatch('complaints.list', { limit: 100, ...q });
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.value as Listed;
};
/** Every match of `word` (and `form`), sorted as the list sorts, read the long way. */
const everyMatch = (word: string, sort: 'received_desc' | 'registration_asc', form?: string) =>
  c.database.sqlite
    .prepare(
      `SELECT id FROM complaints WHERE rowid IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?) ${form ? 'AND form = ?' : ''}
       ORDER BY ${sort === 'received_desc' ? 'received_at DESC, id DESC' : 'registration_no ASC'}`,
    )
    .pluck()
    .all(...[ftsQuery(word), ...(form ? [form] : [])]) as string[];

beforeAll(async () => {
  c = makeCore(undefined, { now: () => BENCH_NOW });
  await c.sync.stop();
  seedComplaints(c.database, 6000);
});
afterAll(async () => c.close());

describe('search with more matches than it counts', () => {
  it(`says more than ${SEARCH_COUNT_CAP.toLocaleString('id-ID')} and still returns the exact pages, in both sorts, also past the cap`, async () => {
    const word = 'pelayanan';
    for (const sort of ['received_desc', 'registration_asc'] as const) {
      const all = everyMatch(word, sort);
      expect(all.length).toBeGreaterThan(SEARCH_COUNT_CAP + 200);
      for (const offset of [0, 100, SEARCH_COUNT_CAP - 50, SEARCH_COUNT_CAP + 100]) {
        const page = await list({ q: word, sort, offset });
        expect(page).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true });
        expect(page.items.map((i) => i.id)).toEqual(all.slice(offset, offset + 100));
      }
    }
  });

  it('counts exactly below the cap, also when another filter leaves few of many matches', async () => {
    const rare = 'Wa Ode';
    const exact = everyMatch(rare, 'received_desc');
    expect(exact.length).toBeGreaterThan(0);
    expect(exact.length).toBeLessThanOrEqual(SEARCH_COUNT_CAP);
    expect(await list({ q: rare })).toMatchObject({ total: exact.length, totalCapped: false });
    const filtered = everyMatch('pelayanan', 'received_desc', 'C');
    const page = await list({ q: 'pelayanan', form: 'C' });
    expect(page.totalCapped).toBe(filtered.length > SEARCH_COUNT_CAP);
    expect(page.total).toBe(Math.min(filtered.length, SEARCH_COUNT_CAP));
    expect(page.items.map((i) => i.id)).toEqual(filtered.slice(0, 100));
  });

  it('lists without a search word are counted in full', async () => {
    expect(await list({})).toMatchObject({ total: 6000, totalCapped: false });
  });
});
