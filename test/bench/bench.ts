// `npm run bench [-- --n 100000 --runs 200]`: generates N complaints into a temp database, then
// measures each figure against its baseline in the same process and prints medians and ratios.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { insertComplaint, rowFromInput } from '../../db/complaints';
import { inTransaction } from '../../db/open';
import { complaintInput } from '../../forms/complaint';
import { DEFAULT_SETTINGS } from '../../forms/settings';
import { createCore } from '../../server/core';
import { demoComplaints, mulberry32 } from '../../server/demo-data';
import { ftsQuery, registrationQuery } from '../../db/search';
import { MIGRATIONS_DIR } from '../../server/paths';
import { signedInCore, tempDir } from '../helpers';
import { compare, printFigures, stats, type Figure } from './harness';

const { values } = parseArgs({ options: { n: { type: 'string', default: '100000' }, runs: { type: 'string', default: '200' } } });
const N = Number(values.n);
const RUNS = Number(values.runs);

const dataDir = tempDir('loket-bench-');
// Signed in as an account holding every role, as the API is only served to someone signed in.
const core = signedInCore(createCore({ dataDir, migrationsFolder: MIGRATIONS_DIR, host: 'browser', version: 'bench', now: () => new Date('2026-11-24T03:00:00Z') }));
const { sqlite, db } = core.database;
const settings = DEFAULT_SETTINGS;

// Seeding is setup, not a figure: the same insert path as the API, 5,000 rows per transaction.
let t0 = performance.now();
const gen = demoComplaints({ count: N, timeZone: 'WIB', now: new Date('2026-11-24T03:00:00Z'), days: 3 * 365, seed: 7 });
let batch: ReturnType<typeof rowFromInput>[] = [];
const flush = () => {
  const rows = batch;
  inTransaction(db, (tx) => {
    for (const row of rows) insertComplaint(tx, row, settings);
  });
  batch = [];
};
for (const input of gen) {
  // Keyed a few minutes after receipt, as at a real counter, so the data spans three years.
  const row = rowFromInput(complaintInput.parse(input), settings, '2026-11-24T03:00:00.000Z');
  row.createdAt = row.updatedAt = new Date(Date.parse(row.receivedAt) + 5 * 60_000).toISOString();
  batch.push(row);
  if (batch.length === 5000) flush();
}
flush();
console.log(`seeded ${N.toLocaleString('en')} complaints in ${((performance.now() - t0) / 1000).toFixed(1)} s into ${dataDir}`);

const figures: Figure[] = [];

// 1. Saving one complaint through the API's server side (validation, registration number, event,
//    durable commit) vs a raw better-sqlite3 insert of the same row in its own durable transaction.
{
  // Reporters no earlier complaint has, so every save takes the full path (the duplicate check runs
  // and finds nothing) instead of stopping at the hint.
  const payloads = [...demoComplaints({ count: RUNS + 20, timeZone: 'WIB', now: new Date('2026-11-24T03:00:00Z'), seed: 99 })].map((p, n) => ({
    ...p,
    ...(p.form === 'B' && p.anonymous ? {} : { reporterName: `Pelapor Uji ${n}` }),
    ...(p.form === 'A' ? {} : { reporterPhone: null }),
    ...(p.form === 'C' ? { reporterAddress: 'Jl. Uji' } : {}),
  }));
  let i = 0;
  let j = 0;
  const columns = Object.keys(sqlite.prepare('SELECT * FROM complaints LIMIT 1').get() as object);
  const insertRaw = sqlite.prepare(`INSERT INTO complaints (${columns.join(',')}) VALUES (${columns.map((c) => '@' + c).join(',')})`);
  const rawRows = payloads.map((p, k) => {
    const r = rowFromInput(complaintInput.parse(p), settings, '2026-11-24T03:00:00.000Z');
    return {
      id: r.id, version: 1, form_version: 1, registration_no: `RAW/${k}`, form: r.form, channel: r.channel, received_at: r.receivedAt,
      slip_date: r.slipDate ?? null, problem: r.problem ?? null, content: r.content, resolution: r.resolution ?? null,
      reporter_name: r.reporterName ? `Baris Mentah ${k}` : null, reporter_institution: r.reporterInstitution ?? null, reporter_address: r.reporterAddress ?? null,
      reporter_phone: r.reporterPhone ?? null, reporter_email: r.reporterEmail ?? null, reporter_gender: r.reporterGender ?? null,
      anonymous: r.anonymous ? 1 : 0, confidential: r.confidential ? 1 : 0, officer: r.officer ?? null, status: 'diterima',
      created_at: r.createdAt, updated_at: r.updatedAt,
    };
  });
  // Columns added by later migrations take their defaults.
  const filled = rawRows.map((r) => ({ ...Object.fromEntries(columns.map((c) => [c, null])), sanctions: '[]', ...r }));
  const rawInsert = sqlite.transaction((row: Record<string, unknown>) => insertRaw.run(row));
  const [api, raw] = await compare(
    RUNS,
    10,
    async () => {
      const res = await core.dispatch('complaints.create', payloads[i++ % payloads.length]);
      if (!res.ok) throw new Error(res.error.message);
    },
    () => rawInsert(filled[j++ % filled.length]!),
  );
  figures.push({ name: 'save one complaint via API server side (durable)', unit: 'ms', measured: api, baselineName: 'raw better-sqlite3 INSERT (durable)', baseline: raw });
}

/** Searching through the API (FTS5, filters, count, first page of 100) vs the bare MATCH, LIMIT 100. */
async function searchFigure(name: string, terms: string[], match: (term: string) => string | null, baselineName: string) {
  let k = 0;
  let m = 0;
  const bare = sqlite.prepare('SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ? LIMIT 100');
  const [api, raw] = await compare(
    RUNS,
    10,
    async () => {
      const res = await core.dispatch('complaints.list', { q: terms[k++ % terms.length], limit: 100 });
      if (!res.ok) throw new Error(res.error.message);
    },
    () => bare.all(match(terms[m++ % terms.length]!)),
  );
  figures.push({ name: `${name}, first 100 + total (${N.toLocaleString('en')})`, unit: 'ms', measured: api, baselineName, baseline: raw });
}

// 2. Full-text search of words drawn from the generated texts.
await searchFigure(
  'full-text search',
  ['izin', 'pungutan', 'antrean loket', 'sertifikat tanah', 'jalan rusak', 'website', 'Saputra', 'petugas', 'jadwal pelayanan', 'kursi'],
  ftsQuery,
  'bare FTS5 MATCH … LIMIT 100',
);

// 2b. Search by a registration number's tail as printed ("000501", "2026/000501") or without its zeros ("501").
{
  const rnd = mulberry32(3);
  const tails = Array.from({ length: 50 }, () => {
    const n = String(1 + Math.floor(rnd() * Math.min(N, 30_000))).padStart(6, '0');
    return [n, `2026/${n}`, String(Number(n))][Math.floor(rnd() * 3)]!;
  });
  await searchFigure('search by registration-number tail', tails, registrationQuery, 'bare FTS5 MATCH on the number');
}

// 3. One page (100 rows) of Daftar Pengaduan at a random depth, newest first, through the API
//    (with the total count) vs the same ORDER BY … LIMIT/OFFSET as a raw query.
{
  const rnd = mulberry32(5);
  const offsets = Array.from({ length: RUNS + 20 }, () => Math.floor(rnd() * Math.max(1, N - 100)));
  let k = 0;
  let m = 0;
  const bare = sqlite.prepare('SELECT * FROM complaints ORDER BY received_at DESC, id DESC LIMIT 100 OFFSET ?');
  const [api, raw] = await compare(
    RUNS,
    10,
    async () => {
      const res = await core.dispatch('complaints.list', { limit: 100, offset: offsets[k++ % offsets.length] });
      if (!res.ok) throw new Error(res.error.message);
    },
    () => bare.all(offsets[m++ % offsets.length]),
  );
  figures.push({ name: 'list page of 100 at a random depth (API)', unit: 'ms', measured: api, baselineName: 'raw ORDER BY … LIMIT 100 OFFSET', baseline: raw });
}

// 4. Encryption at rest: the same save and the same search through the API on the encrypted
//    database and on an unencrypted copy of it (same rows, made by VACUUM INTO), interleaved.
{
  const { vacuumInto } = await import('../../db/cipher');
  const { DB_FILE } = await import('../../db/open');
  const path = await import('node:path');
  const { browserKeyStore, deriveKeys } = await import('../../server/keys');
  const plainDir = tempDir('loket-bench-plain-');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  vacuumInto({ file: core.database.file, key: deriveKeys(browserKeyStore(dataDir).read()!).database }, path.join(plainDir, DB_FILE), null);
  const plain = signedInCore(createCore({ dataDir: plainDir, migrationsFolder: MIGRATIONS_DIR, host: 'browser', version: 'bench', now: () => new Date('2026-11-24T03:00:00Z'), keyStore: 'plaintext' }));
  await plain.sync.stop();
  const payloads = [...demoComplaints({ count: 2 * (RUNS + 20), timeZone: 'WIB', now: new Date('2026-11-24T03:00:00Z'), seed: 123 })].map((p, n) => ({
    ...p,
    ...(p.form === 'B' && p.anonymous ? {} : { reporterName: `Pelapor Sandi ${n}` }),
    ...(p.form === 'A' ? {} : { reporterPhone: null }),
    ...(p.form === 'C' ? { reporterAddress: 'Jl. Uji' } : {}),
  }));
  let i = 0;
  let j = 0;
  const save = (c: typeof core, k: number) => async () => {
    const res = await c.dispatch('complaints.create', payloads[k % payloads.length]);
    if (!res.ok) throw new Error(res.error.message);
  };
  const [enc, pl] = await compare(RUNS, 10, () => save(core, i++)(), () => save(plain, j++)());
  figures.push({ name: 'save one complaint via API, encrypted database', unit: 'ms', measured: enc, baselineName: 'same save, unencrypted copy', baseline: pl });
  const terms = ['izin', 'pungutan', 'antrean loket', 'sertifikat tanah', 'jalan rusak', 'website', 'Saputra', 'petugas', 'jadwal pelayanan', 'kursi'];
  let k = 0;
  let m = 0;
  const search = (c: typeof core, q: string) => async () => {
    const res = await c.dispatch('complaints.list', { q, limit: 100 });
    if (!res.ok) throw new Error(res.error.message);
  };
  const [es, ps] = await compare(RUNS, 10, () => search(core, terms[k++ % terms.length]!)(), () => search(plain, terms[m++ % terms.length]!)());
  figures.push({ name: `full-text search via API, encrypted (${N.toLocaleString('en')})`, unit: 'ms', measured: es, baselineName: 'same search, unencrypted copy', baseline: ps });
  const pages = Array.from({ length: RUNS + 20 }, (_, n) => (n * 7919) % Math.max(1, N - 100));
  let a = 0;
  let b = 0;
  const page = (c: typeof core, offset: number) => async () => {
    const res = await c.dispatch('complaints.list', { limit: 100, offset });
    if (!res.ok) throw new Error(res.error.message);
  };
  const [ep, pp] = await compare(RUNS, 10, () => page(core, pages[a++ % pages.length]!)(), () => page(plain, pages[b++ % pages.length]!)());
  figures.push({ name: 'list page of 100 at a random depth, encrypted', unit: 'ms', measured: ep, baselineName: 'same page, unencrypted copy', baseline: pp });
  await plain.close();
  fs.rmSync(plainDir, { recursive: true, force: true });
}

// 5-6. Recaps over the seeded data (three years, 100k complaints, a share of them handled) vs one
//      plain COUNT(*) GROUP BY over the same rows.
{
  const { weekOf, semesterOf } = await import('../../forms/periods');
  const { periodBounds } = await import('../../db/recaps');
  // Hand a tenth of the cases through verification and forwarding so statuses come from events.
  const ids = sqlite.prepare('SELECT id FROM complaints WHERE rowid % 10 = 0 LIMIT 10000').pluck().all() as string[];
  const t1 = performance.now();
  for (const id of ids) {
    await core.dispatch('complaints.transition', { id, action: 'verifikasi', input: { classification: 'pengaduan', jenis: 'a', darwas: false, category: '02 Pelayanan masyarakat' } });
  }
  console.log(`handled ${ids.length.toLocaleString('en')} cases in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  const week = weekOf('2026-10-14');
  const semester = semesterOf(2026, 1);
  const plain = sqlite.prepare('SELECT channel, count(*) FROM complaints WHERE received_at >= @start AND received_at < @end GROUP BY channel');
  const weekBounds = periodBounds(week, 'WIB');
  const semesterBounds = periodBounds(semester, 'WIB');
  const inWeek = sqlite.prepare('SELECT count(*) FROM complaints WHERE received_at >= @start AND received_at < @end').pluck().get(weekBounds) as number;
  const inSemester = sqlite.prepare('SELECT count(*) FROM complaints WHERE received_at >= @start AND received_at < @end').pluck().get(semesterBounds) as number;
  const recapRuns = Math.max(10, Math.floor(RUNS / 10));
  const [w, wb] = await compare(recapRuns, 3, () => core.dispatch('recap.weekly', week), () => plain.all(weekBounds));
  figures.push({ name: `weekly recap (${inWeek.toLocaleString('en')} complaints in the week)`, unit: 'ms', measured: w, baselineName: 'COUNT(*) GROUP BY channel, same rows', baseline: wb });
  const [sm, sb] = await compare(recapRuns, 3, () => core.dispatch('recap.period', semester), () => plain.all(semesterBounds));
  figures.push({ name: `semester recap (${inSemester.toLocaleString('en')} complaints)`, unit: 'ms', measured: sm, baselineName: 'COUNT(*) GROUP BY channel, same rows', baseline: sb });
}

// 7. Draining the whole queue (every seeded complaint, queued by the outbox trigger) to the
//    reference upstream on loopback, run in its own process, vs one request per complaint.
{
  const { spawn } = await import('node:child_process');
  const { createV1Adapter } = await import('../../server/upstream-v1');
  const { dueComplaints, requeueAll } = await import('../../db/outbox');
  const { reportFromComplaint } = await import('../../forms/sync');
  const { REPO_ROOT } = await import('../../server/paths');
  const path = await import('node:path');
  const token = 'bench-token';
  const startHub = async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'upstream/cli.ts'), '--port', '0', '--data-dir', tempDir('loket-hub-'), '--acknowledge', 'false'], {
      env: { ...process.env, UPSTREAM_TOKEN: token },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
    });
    return { url, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
  };
  const source = { office_id: 'bench', app: 'loket-aduan', app_version: 'bench' };

  // Baseline: one request per complaint, the same reports, to a fresh hub.
  const single = await startHub();
  const adapter = createV1Adapter({ baseUrl: single.url, token, timeoutMs: 30_000 });
  const sample = dueComplaints(db, '9999', Math.min(2000, N)).map((d) => reportFromComplaint(d.complaint, d.attachments, 'WIB'));
  const perRequest: number[] = [];
  for (const r of sample) {
    const t = performance.now();
    await adapter.push(source, [r], new AbortController().signal);
    perRequest.push(performance.now() - t);
  }
  await single.stop();

  const drains: number[] = [];
  let peakRss = 0;
  const rssBefore = process.memoryUsage().rss;
  await core.sync.stop();
  for (let round = 0; round < 3; round++) {
    requeueAll(db);
    const hub = await startHub();
    // Saved while the engine is stopped, so the timed run is the first one to this hub.
    await core.dispatch('sync.settings.save', { url: hub.url, officeId: 'bench', token });
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
    const t = performance.now();
    core.sync.start();
    for (;;) {
      const s = core.sync.status();
      if (s.queued === 0 && s.sending === 0) break;
      if (s.connection === 'offline' || s.connection === 'unauthorized') throw new Error(`drain failed: ${s.lastError}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    drains.push((performance.now() - t) / N);
    clearInterval(sampler);
    await core.sync.stop();
    await hub.stop();
  }
  figures.push({
    name: `drain ${N.toLocaleString('en')} queued to loopback upstream, per complaint`,
    unit: 'ms',
    measured: stats(drains),
    baselineName: 'one request per complaint (2,000 sent)',
    baseline: stats(perRequest),
  });
  console.log(`sync drain: ${drains.map((d) => ((d * N) / 1000).toFixed(1) + ' s').join(', ')} for ${N.toLocaleString('en')}; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (before ${(rssBefore / 2 ** 20).toFixed(0)} MiB)`);
}

printFigures(figures);
core.close();
fs.rmSync(dataDir, { recursive: true, force: true });
