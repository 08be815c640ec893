// The list's search box at scale: the first page of 100 and the total (exact or "lebih dari …"),
// through the API, for words that match a tenth or a fifth of all complaints and for words that
// match a few dozen, vs the bare FTS5 MATCH … LIMIT 100; then the same for registration-number
// tails, and a page of the unfiltered list at a random depth.
import { ftsQuery, registrationQuery } from '../../../db/search';
import { mulberry32 } from '../../../server/demo-data';
import type { BenchContext } from '../context';
import { compare, target, type Figure } from '../harness';

/** Each of these is in 10–20% of the generated texts. */
export const COMMON = ['petugas', 'izin', 'pelayanan', 'mohon', 'loket', 'berkas', 'jalan rusak', 'antrean loket', 'sertifikat tanah', 'kursi'];
/** A reporter's full name: a few dozen to a few hundred complaints each (none for a protected reporter). */
const RARE = ['Hasanuddin Wijaya', 'Yohanes Sembiring', 'Wa Ode Baso', 'Kadek Manurung', 'Indah Latif', 'Rahmat Harahap', 'Ketut Tamrin', 'Maria Pratama', 'Koperasi Nelayan Lakansai', 'tidak ada kata ini'];

export async function searchFigures({ core, n, runs }: BenchContext): Promise<Figure[]> {
  const { sqlite } = core.database;
  const bare = sqlite.prepare('SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ? LIMIT 100');
  const count = sqlite.prepare('SELECT count(*) FROM complaints_fts WHERE complaints_fts MATCH ?').pluck();
  const size = `${n.toLocaleString('en')}`;

  async function search(terms: string[], match: (t: string) => string | null) {
    let k = 0;
    let m = 0;
    return compare(
      runs,
      10,
      async () => {
        const res = await core.dispatch('complaints.list', { q: terms[k++ % terms.length], limit: 100 });
        if (!res.ok) throw new Error(res.error.message);
      },
      () => bare.all(match(terms[m++ % terms.length]!)),
    );
  }
  const matches = (terms: string[]) => terms.map((t) => count.get(ftsQuery(t)) as number);
  const range = (xs: number[]) => `${Math.min(...xs).toLocaleString('en')}–${Math.max(...xs).toLocaleString('en')}`;
  const bareName = 'bare FTS5 MATCH … LIMIT 100';

  const [common, commonBare] = await search(COMMON, ftsQuery);
  const [rare, rareBare] = await search(RARE, ftsQuery);

  const rnd = mulberry32(3);
  const tails = Array.from({ length: 50 }, () => {
    const no = String(1 + Math.floor(rnd() * Math.min(n, 30_000))).padStart(6, '0');
    return [no, `2026/${no}`, String(Number(no))][Math.floor(rnd() * 3)]!;
  });
  const [tail, tailBare] = await search(tails, registrationQuery);

  const offsets = Array.from({ length: runs + 20 }, () => Math.floor(rnd() * Math.max(1, n - 100)));
  let k = 0;
  let m = 0;
  const page = sqlite.prepare('SELECT * FROM complaints ORDER BY received_at DESC, id DESC LIMIT 100 OFFSET ?');
  const [list, listBare] = await compare(
    runs,
    10,
    async () => {
      const res = await core.dispatch('complaints.list', { limit: 100, offset: offsets[k++ % offsets.length] });
      if (!res.ok) throw new Error(res.error.message);
    },
    () => page.all(offsets[m++ % offsets.length]),
  );

  return [
    { name: `search, common words (${range(matches(COMMON))} matches of ${size}): first 100 + total`, unit: 'ms', measured: common, baseline: { name: bareName, stats: commonBare }, targets: [target.p95(50)] },
    { name: `search, rare words (${range(matches(RARE))} matches): first 100 + total`, unit: 'ms', measured: rare, baseline: { name: bareName, stats: rareBare }, targets: [target.p95(50)] },
    { name: 'search by registration-number tail: first 100 + total', unit: 'ms', measured: tail, baseline: { name: 'bare MATCH on the number', stats: tailBare }, targets: [] },
    { name: 'list page of 100 at a random depth + total', unit: 'ms', measured: list, baseline: { name: 'raw ORDER BY … LIMIT 100 OFFSET', stats: listBare }, targets: [] },
  ];
}
