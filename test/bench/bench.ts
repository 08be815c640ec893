// `npm run bench [-- --n 100000 --runs 200 --only search,recaps --from DIR]`: seeds N complaints into a
// temp data folder (or copies a folder seeded earlier with --keep), measures each figure against its
// baseline in the same run and prints one table with the targets. A figure group is one
// module in test/bench/figures/ and one line in GROUPS below.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DB_FILE } from '../../db/open';
import { createCore } from '../../server/core';
import { DATA_KEY_ENV } from '../../server/keys';
import { MIGRATIONS_DIR } from '../../server/paths';
import { signedInCore, tempDir } from '../helpers';
import { deadlineFigures } from './figures/deadlines';
import { drainFigures } from './figures/drain';
import { encryptionFigures } from './figures/encryption';
import { recapFigures } from './figures/recaps';
import { rendererFigures } from './figures/renderer';
import { saveFigures } from './figures/save';
import { searchFigures } from './figures/search';
import { formatTable, isMet, type Figure } from './harness';
import { BENCH_NOW, seedComplaints } from './seed';
import type { BenchContext } from './context';

/** In this order: the drain comes last but one (it sends the whole queue), the renderer last. */
const GROUPS: Record<string, (b: BenchContext) => Promise<Figure[]>> = {
  save: saveFigures,
  search: searchFigures,
  encryption: encryptionFigures,
  recaps: recapFigures,
  deadlines: deadlineFigures,
  drain: drainFigures,
  renderer: rendererFigures,
};

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '200' },
    only: { type: 'string' },
    /** A data folder seeded by an earlier run with --keep (same n): copied instead of seeding again. */
    from: { type: 'string' },
    keep: { type: 'string' },
  },
});
const N = Number(values.n);
const RUNS = Number(values.runs);
const groups = values.only ? values.only.split(',') : Object.keys(GROUPS);
for (const g of groups) if (!GROUPS[g]) throw new Error(`unknown group ${g}; known: ${Object.keys(GROUPS).join(', ')}`);

// One fixed key (the desktop keeps its own in the OS keychain), so a folder kept with --keep opens with --from.
process.env[DATA_KEY_ENV] ??= '5eed'.repeat(16);

const started = performance.now();
const dataDir = tempDir('loket-bench-');
if (values.from) fs.copyFileSync(path.join(values.from, DB_FILE), path.join(dataDir, DB_FILE));
// Signed in as an account holding every role: the API is only served to someone signed in, and
// each change writes its audit row, as in the office.
const core = signedInCore(createCore({ dataDir, migrationsFolder: MIGRATIONS_DIR, host: 'browser', version: 'bench', now: () => BENCH_NOW }));
if (!values.from) {
  const s = seedComplaints(core.database, N);
  console.log(
    `seeded ${N.toLocaleString('en')} complaints in ${s.seconds.insert.toFixed(1)} s, verified ${s.handled.toLocaleString('en')} in ${s.seconds.handle.toFixed(1)} s, ` +
      `next deadlines in ${s.seconds.deadlines.toFixed(1)} s`,
  );
  if (values.keep) {
    core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    fs.mkdirSync(values.keep, { recursive: true });
    fs.copyFileSync(path.join(dataDir, DB_FILE), path.join(values.keep, DB_FILE));
  }
}

const figures: Figure[] = [];
const bench: BenchContext = { core, n: N, runs: RUNS, dataDir, log: (line) => console.log(line) };
for (const g of groups) {
  const t = performance.now();
  figures.push(...(await GROUPS[g]!(bench)));
  console.log(`[${g}: ${((performance.now() - t) / 1000).toFixed(0)} s]`);
}

await core.close();
fs.rmSync(dataDir, { recursive: true, force: true });
console.log('');
console.log(formatTable(figures));
console.log('');
const missed = figures.filter((f) => isMet(f) === false);
console.log(`${figures.filter((f) => isMet(f)).length} met, ${missed.length} not met; ${N.toLocaleString('en')} complaints; ${((performance.now() - started) / 60_000).toFixed(1)} min in all.`);
