// Benchmarks report medians and ratios against a baseline measured in the same process, interleaved
// with the subject so that a noisy machine slows both alike, and print one table: each figure, its
// baseline, the ratio, the target and whether it is met.
import { performance } from 'node:perf_hooks';

export interface Stats {
  median: number;
  p95: number;
  max: number;
  runs: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: s.at(-1) ?? NaN, runs: s.length };
}

/** One value measured once (a memory figure): its median, p95 and max are the value. */
export const single = (value: number): Stats => ({ median: value, p95: value, max: value, runs: 1 });

/** Runs subject and baseline alternately, `runs` times each, after `warmup` untimed rounds. */
export async function compare(runs: number, warmup: number, subject: () => unknown, baseline: () => unknown): Promise<[Stats, Stats]> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const order = i % 2 === 0 ? ([subject, baseline] as const) : ([baseline, subject] as const);
    const times: number[] = [];
    for (const fn of order) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    if (i < warmup) continue;
    const [first, second] = times as [number, number];
    if (i % 2 === 0) {
      a.push(first);
      b.push(second);
    } else {
      a.push(second);
      b.push(first);
    }
  }
  return [stats(a), stats(b)];
}

/** Times `fn` `runs` times after `warmup` untimed calls. */
export async function timed(runs: number, warmup: number, fn: (i: number) => unknown): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    await fn(i);
    if (i >= warmup) samples.push(performance.now() - t0);
  }
  return stats(samples);
}

export interface Figure {
  name: string;
  unit: 'ms' | 'MiB';
  measured: Stats;
  baseline?: { name: string; stats: Stats };
  /** Every one must hold for the figure to be met; none: shown for information. */
  targets: Target[];
}

export interface Target {
  label: string;
  met(f: Figure): boolean;
}

const ratioOf = (f: Figure) => (f.baseline ? f.measured.median / f.baseline.stats.median : NaN);

/** The targets, each a label and a check. */
export const target = {
  /** median ≤ x × the baseline's median */
  timesBaseline: (x: number): Target => ({ label: `≤ ${x}× baseline`, met: (f) => ratioOf(f) <= x }),
  /** the baseline's median ≥ x × the median */
  fasterThanBaseline: (x: number): Target => ({ label: `≥ ${x}× faster`, met: (f) => 1 / ratioOf(f) >= x }),
  p95: (v: number): Target => ({ label: `p95 ≤ ${v}`, met: (f) => f.measured.p95 <= v }),
  median: (v: number): Target => ({ label: `median ≤ ${v}`, met: (f) => f.measured.median <= v }),
  p95TimesBaseline: (x: number): Target => ({ label: `p95 ≤ ${x}× baseline p95`, met: (f) => !!f.baseline && f.measured.p95 <= x * f.baseline.stats.p95 }),
  max: (v: number): Target => ({ label: `none over ${v}`, met: (f) => f.measured.max <= v }),
  below: (v: number): Target => ({ label: `< ${v}`, met: (f) => f.measured.max < v }),
};

const fmt = (n: number) => (!Number.isFinite(n) ? '—' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toFixed(3));

export function isMet(f: Figure): boolean | null {
  return f.targets.length ? f.targets.every((t) => t.met(f)) : null;
}

/** The figures as one table (Markdown, so it pastes into a note as it is). */
export function formatTable(figures: Figure[]): string {
  const head = ['figure', 'median', 'p95', 'baseline (median)', 'ratio', 'target', 'met'];
  const rows = figures.map((f) => {
    const met = isMet(f);
    return [
      f.name,
      `${fmt(f.measured.median)} ${f.unit}`,
      `${fmt(f.measured.p95)} ${f.unit}`,
      f.baseline ? `${f.baseline.name}: ${fmt(f.baseline.stats.median)} ${f.unit} (p95 ${fmt(f.baseline.stats.p95)})` : '—',
      f.baseline ? `${fmt(ratioOf(f))}×` : '—',
      f.targets.length ? f.targets.map((t) => t.label + (t.label.includes('×') ? '' : ` ${f.unit}`)).join('; ') : '(information)',
      met === null ? '' : met ? 'met' : 'NOT MET',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 1 || i === 2 || i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 1 || i === 2 || i === 4 ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)].join('\n');
}
