import type { TestCore } from '../helpers';

/** What each figure group gets: the core over the seeded data folder and the run's sizes. */
export interface BenchContext {
  /** Signed in as an account holding every role (test/helpers signedInCore). */
  core: TestCore;
  /** Complaints seeded. */
  n: number;
  /** Timed runs of a quick figure (slower ones take a share of it). */
  runs: number;
  dataDir: string;
  log(line: string): void;
}
