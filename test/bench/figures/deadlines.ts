// The API while every open case's next deadline is recomputed after a calendar change (in the
// background worker): the same mix of calls as the screens make (a complaint's page, the list's
// first page, the menu's counts, the sync badge), answered idle and during the recomputation.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openComplaintCount } from '../../../db/workflow';
import { mulberry32 } from '../../../server/demo-data';
import type { BenchContext } from '../context';
import { stats, target, type Figure } from '../harness';

export async function deadlineFigures({ core, log }: BenchContext): Promise<Figure[]> {
  const { sqlite, db } = core.database;
  const open = openComplaintCount(db);
  const ids = sqlite.prepare('SELECT id FROM complaints ORDER BY rowid').pluck().all() as string[];
  const rnd = mulberry32(11);
  const calls: [string, () => unknown][] = [
    ['complaints.get', () => ({ id: ids[Math.floor(rnd() * ids.length)] })],
    ['complaints.list', () => ({ limit: 100 })],
    ['workviews.counts', () => ({})],
    ['sync.status', () => ({})],
  ];
  let k = 0;
  const oneCall = async () => {
    const [method, input] = calls[k++ % calls.length]!;
    const t = performance.now();
    const res = await core.dispatch(method, input());
    if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
    return performance.now() - t;
  };
  // A screen's pace: one call, then a breath (the renderer draws between answers).
  const pause = () => new Promise((r) => setTimeout(r, 5));

  const idle: number[] = [];
  for (let i = 0; i < 200; i++) (idle.push(await oneCall()), await pause());

  const loop = monitorEventLoopDelay({ resolution: 5 });
  const t0 = performance.now();
  const saved = await core.dispatch('calendar.save', { date: '2026-11-27', name: 'Libur daerah (bench)', kind: 'libur_nasional', status: 'resmi' });
  if (!saved.ok) throw new Error(saved.error.message);
  const saveMs = performance.now() - t0;
  loop.enable();
  const busy: number[] = [];
  let settled = false;
  const finished = core.background.deadlines.settled().then(() => (settled = true));
  while (!settled) (busy.push(await oneCall()), await pause());
  await finished;
  loop.disable();
  const job = core.background.deadlines.status();
  if (job?.state !== 'done') throw new Error(`recomputation ${job?.state}: ${job?.message}`);
  log(
    `recomputed ${job.total.toLocaleString('en')} open cases in ${((Date.parse(job.finishedAt!) - Date.parse(job.startedAt)) / 1000).toFixed(1)} s (wall clock ${((performance.now() - t0) / 1000).toFixed(1)} s); ` +
      `calendar.save answered in ${saveMs.toFixed(0)} ms; ${busy.length} calls meanwhile; main event loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`,
  );
  return [
    {
      name: `API calls while ${open.toLocaleString('en')} open cases are recomputed after a calendar change`,
      unit: 'ms',
      measured: stats(busy),
      baseline: { name: 'the same calls, idle', stats: stats(idle) },
      targets: [target.p95TimesBaseline(3), target.max(250)],
    },
  ];
}
