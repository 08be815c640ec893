// Benchmarks report medians and ratios against a baseline measured in the same process, interleaved
// with the subject so that a noisy machine slows both alike.
import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  unit: string;
  measured: Stats;
  baselineName: string;
  baseline: Stats;
}

export interface Stats {
  median: number;
  p95: number;
  runs: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), runs: s.length };
}

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

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(3));

export function printFigures(figures: Figure[]) {
  console.log('');
  console.log('figure'.padEnd(52) + 'median'.padStart(11) + 'p95'.padStart(11) + '   baseline'.padEnd(44) + 'median'.padStart(11) + 'ratio'.padStart(9));
  for (const f of figures) {
    console.log(
      f.name.padEnd(52) +
        `${fmt(f.measured.median)} ${f.unit}`.padStart(11) +
        `${fmt(f.measured.p95)} ${f.unit}`.padStart(11) +
        `   ${f.baselineName}`.padEnd(44) +
        `${fmt(f.baseline.median)} ${f.unit}`.padStart(11) +
        `${(f.measured.median / f.baseline.median).toFixed(2)}x`.padStart(9),
    );
  }
}
