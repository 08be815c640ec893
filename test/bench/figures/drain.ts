// Draining the queue (every seeded complaint, queued by the outbox trigger) to the reference
// upstream on loopback, run in its own process as an office hub would be, vs one request per
// complaint; and how much the app's memory grows while it drains 10,000 and the whole queue.
import { spawn } from 'node:child_process';
import path from 'node:path';
import v8 from 'node:v8';
import { dueComplaints, requeueAll } from '../../../db/outbox';
import { reportFromComplaint } from '../../../forms/sync';
import { REPO_ROOT } from '../../../server/paths';
import { createV1Adapter } from '../../../server/upstream-v1';
import { tempDir } from '../../helpers';
import type { BenchContext } from '../context';
import { single, stats, target, type Figure } from '../harness';

const TOKEN = 'bench-token';
const MiB = 2 ** 20;

async function startHub() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'upstream/cli.ts'), '--port', '0', '--data-dir', tempDir('loket-hub-'), '--acknowledge', 'false'], {
    env: { ...process.env, UPSTREAM_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`hub exited (${code}): ${out}`)));
  });
  return { url, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
}

export async function drainFigures({ core, n, log }: BenchContext): Promise<Figure[]> {
  const { db, sqlite } = core.database;
  const source = { office_id: 'bench', app: 'loket-aduan', app_version: 'bench' };
  await core.sync.stop();
  requeueAll(db);

  // Baseline: one request per complaint, the same reports, to a fresh hub.
  const single1 = await startHub();
  const adapter = createV1Adapter({ baseUrl: single1.url, token: TOKEN, timeoutMs: 30_000 });
  const sample = dueComplaints(db, '9999', Math.min(2000, n)).map((d) => reportFromComplaint(d.complaint, d.attachments, 'WIB'));
  const perRequest: number[] = [];
  for (const r of sample) {
    const t = performance.now();
    await adapter.push(source, [r], new AbortController().signal);
    perRequest.push(performance.now() - t);
  }
  await single1.stop();

  /** Drains the first `queued` complaints to a fresh hub; the time per complaint and the app's RSS growth. */
  async function drain(queued: number) {
    const hub = await startHub();
    // Saved while the engine is stopped, so the timed run is the first one to this hub. A new
    // upstream is owed every complaint: the queue is set to the first `queued` after that.
    await core.dispatch('sync.settings.save', { url: hub.url, officeId: 'bench', token: TOKEN });
    await core.sync.stop();
    requeueAll(db);
    if (queued < n) sqlite.prepare("UPDATE outbox SET state = 'sent' WHERE rowid NOT IN (SELECT rowid FROM outbox ORDER BY rowid LIMIT ?)").run(queued);
    // Setting the queue rewrote a page of every outbox row: checkpointed here, not in the drain's first commit.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // `npm run bench` exposes gc: what the earlier figures left for the collector is not counted
    // as growth. Without it the figure is not comparable, so it refuses to run.
    if (!global.gc) throw new Error('run the bench with node --expose-gc (npm run bench does)');
    global.gc();
    const before = process.memoryUsage.rss();
    let peak = before;
    // The JS heap on its own (V8's old and young generations), for the note under the figure.
    const heapBefore = v8.getHeapStatistics().total_heap_size;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
      heapPeak = Math.max(heapPeak, v8.getHeapStatistics().total_heap_size);
    }, 10);
    const t = performance.now();
    core.sync.start();
    let polls = 0;
    for (;;) {
      // As the Sinkronisasi badge does, but ten times as often.
      const s = core.sync.status();
      polls++;
      if (s.queued === 0 && s.sending === 0) break;
      if (s.connection === 'offline' || s.connection === 'unauthorized') throw new Error(`drain failed: ${s.lastError}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const ms = performance.now() - t;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    await core.sync.stop();
    await hub.stop();
    log(
      `drained ${queued.toLocaleString('en')} in ${(ms / 1000).toFixed(1)} s (${polls} status polls); RSS ${(before / MiB).toFixed(0)} → peak ${(peak / MiB).toFixed(0)} MiB, ` +
        `JS heap ${(heapBefore / MiB).toFixed(0)} → peak ${(heapPeak / MiB).toFixed(0)} MiB`,
    );
    return { perComplaint: ms / queued, growth: (peak - before) / MiB, heapGrowth: (heapPeak - heapBefore) / MiB };
  }

  // A first, unmeasured drain loads what any first drain after start does (the HTTP client, the
  // engine's statements and its reader's page cache), so both sizes below are measured from the
  // same state; each size three times, the worst kept, so the two are compared alike.
  await drain(Math.min(1_000, n));
  const small = Math.min(10_000, n);
  const smallRounds = [];
  for (let round = 0; round < 3; round++) smallRounds.push(await drain(small));
  const rounds = [];
  for (let round = 0; round < 3; round++) rounds.push(await drain(n));
  const smallGrowth = Math.max(...smallRounds.map((r) => r.growth));
  const growth = Math.max(...rounds.map((r) => r.growth));
  return [
    {
      name: `drain ${n.toLocaleString('en')} queued to the reference hub (own process), per complaint`,
      unit: 'ms',
      measured: stats(rounds.map((r) => r.perComplaint)),
      baseline: { name: `one request per complaint (${sample.length.toLocaleString('en')} sent)`, stats: stats(perRequest) },
      targets: [target.fasterThanBaseline(20)],
    },
    { name: `app memory growth while draining ${small.toLocaleString('en')} (worst of 3)`, unit: 'MiB', measured: single(smallGrowth), targets: [target.below(64)] },
    { name: `app memory growth while draining ${n.toLocaleString('en')} (worst of 3)`, unit: 'MiB', measured: single(growth), targets: [target.below(64)] },
    {
      name: `V8's JS heap alone, draining ${n.toLocaleString('en')} (worst of 3; it may reuse pages already in the RSS)`,
      unit: 'MiB',
      measured: single(Math.max(...rounds.map((r) => r.heapGrowth))),
      targets: [],
    },
    {
      name: `… the same at ${small.toLocaleString('en')} and ${n.toLocaleString('en')}: difference`,
      unit: 'MiB',
      measured: single(Math.abs(growth - smallGrowth)),
      targets: [target.below(16)],
    },
  ];
}
