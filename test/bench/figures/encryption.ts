// Encryption at rest: the same save and the same search through the API on the encrypted database
// and on an unencrypted copy of it (same rows, made by VACUUM INTO), interleaved; and a list page.
import fs from 'node:fs';
import path from 'node:path';
import { vacuumInto } from '../../../db/cipher';
import { DB_FILE } from '../../../db/open';
import { createCore } from '../../../server/core';
import { demoComplaints } from '../../../server/demo-data';
import { browserKeyStore, deriveKeys } from '../../../server/keys';
import { MIGRATIONS_DIR } from '../../../server/paths';
import { signedInCore, tempDir } from '../../helpers';
import type { BenchContext } from '../context';
import { compare, target, type Figure } from '../harness';
import { BENCH_NOW } from '../seed';
import { COMMON } from './search';

export async function encryptionFigures({ core, dataDir, runs }: BenchContext): Promise<Figure[]> {
  const plainDir = tempDir('loket-bench-plain-');
  core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  vacuumInto({ file: core.database.file, key: deriveKeys(browserKeyStore(dataDir).read()!).database }, path.join(plainDir, DB_FILE), null);
  const plain = signedInCore(createCore({ dataDir: plainDir, migrationsFolder: MIGRATIONS_DIR, host: 'browser', version: 'bench', now: () => BENCH_NOW, keyStore: 'plaintext' }));
  await plain.sync.stop();
  try {
    const payloads = [...demoComplaints({ count: 2 * (runs + 20), timeZone: 'WIB', now: BENCH_NOW, seed: 123 })].map((p, n) => ({
      ...p,
      ...(p.form === 'B' && p.anonymous ? {} : { reporterName: `Pelapor Sandi ${n}` }),
      ...(p.form === 'A' ? {} : { reporterPhone: null }),
      ...(p.form === 'C' ? { reporterAddress: 'Jl. Uji' } : {}),
    }));
    const call = async (c: typeof core, method: string, input: unknown) => {
      const res = await c.dispatch(method, input);
      if (!res.ok) throw new Error(res.error.message);
    };
    /** The same calls, `input(k)` for the k-th, on the encrypted core and on the plain copy. */
    const both = (method: string, input: (k: number) => unknown) => {
      let i = 0;
      let j = 0;
      return compare(runs, 10, () => call(core, method, input(i++)), () => call(plain, method, input(j++)));
    };
    const [save, savePlain] = await both('complaints.create', (k) => payloads[k % payloads.length]);
    const [search, searchPlain] = await both('complaints.list', (k) => ({ q: COMMON[k % COMMON.length], limit: 100 }));
    const n = core.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get() as number;
    const [page, pagePlain] = await both('complaints.list', (k) => ({ limit: 100, offset: (k * 7919) % Math.max(1, n - 100) }));
    return [
      { name: 'save one complaint via the API, encrypted database', unit: 'ms', measured: save, baseline: { name: 'same save, unencrypted copy', stats: savePlain }, targets: [target.timesBaseline(1.3)] },
      { name: 'search, common words, encrypted database', unit: 'ms', measured: search, baseline: { name: 'same search, unencrypted copy', stats: searchPlain }, targets: [target.timesBaseline(1.3)] },
      { name: 'list page of 100 at a random depth, encrypted', unit: 'ms', measured: page, baseline: { name: 'same page, unencrypted copy', stats: pagePlain }, targets: [] },
    ];
  } finally {
    await plain.close();
    fs.rmSync(plainDir, { recursive: true, force: true });
  }
}
