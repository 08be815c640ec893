// The supervisor's recaps over the seeded data (three years, a tenth of the cases verified) through
// the API vs one plain COUNT(*) GROUP BY over the same rows: the weekly recap, the semester recap
// (Rekapitulasi, recap.summary: three count tables) and, for information, the results report of the
// same semester (recap.period: every complaint of the period as a row).
import { periodBounds } from '../../../db/recaps';
import { semesterOf, weekOf } from '../../../forms/periods';
import type { BenchContext } from '../context';
import { compare, target, type Figure } from '../harness';

export async function recapFigures({ core, runs }: BenchContext): Promise<Figure[]> {
  const { sqlite } = core.database;
  const week = weekOf('2026-10-14');
  const semester = semesterOf(2026, 1);
  const plain = sqlite.prepare('SELECT channel, count(*) FROM complaints WHERE received_at >= @start AND received_at < @end GROUP BY channel');
  const inPeriod = sqlite.prepare('SELECT count(*) FROM complaints WHERE received_at >= @start AND received_at < @end').pluck();
  const weekBounds = periodBounds(week, 'WIB');
  const semesterBounds = periodBounds(semester, 'WIB');
  const recapRuns = Math.max(10, Math.floor(runs / 5));
  const call = (method: 'recap.weekly' | 'recap.summary' | 'recap.period', period: unknown) => async () => {
    const res = await core.dispatch(method, period);
    if (!res.ok) throw new Error(res.error.message);
  };
  const [w, wb] = await compare(recapRuns, 3, call('recap.weekly', week), () => plain.all(weekBounds));
  const [s, sb] = await compare(recapRuns, 3, call('recap.summary', semester), () => plain.all(semesterBounds));
  const [r, rb] = await compare(recapRuns, 3, call('recap.period', semester), () => plain.all(semesterBounds));
  const baselineName = 'COUNT(*) GROUP BY channel, same rows';
  return [
    {
      name: `weekly recap (${(inPeriod.get(weekBounds) as number).toLocaleString('en')} complaints in the week)`,
      unit: 'ms',
      measured: w,
      baseline: { name: baselineName, stats: wb },
      targets: [target.p95(200)],
    },
    {
      name: `semester recap (${(inPeriod.get(semesterBounds) as number).toLocaleString('en')} complaints in the semester)`,
      unit: 'ms',
      measured: s,
      baseline: { name: baselineName, stats: sb },
      targets: [target.p95(200), target.timesBaseline(4)],
    },
    {
      name: '… and its results report (Laporan hasil): one row per complaint',
      unit: 'ms',
      measured: r,
      baseline: { name: baselineName, stats: rb },
      targets: [],
    },
  ];
}
