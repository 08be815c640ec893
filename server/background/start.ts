// The background subsystem as the core starts it: one worker thread with its own connection to the
// data folder (opened with the app's options, key included, so an encrypted file works there too)
// and the deadline recomputation that runs on it.
import path from 'node:path';
import type { Db } from '../../db/open';
import { DeadlineRecompute } from './deadline-recompute';
import { WorkerClient } from './worker-client';

/** Long work off the main thread: the worker and the deadline recomputation it runs. */
export interface Background {
  worker: WorkerClient;
  deadlines: DeadlineRecompute;
}

export function startBackground(
  opts: { dataDir: string; migrationsFolder: string; workerFile?: string | undefined },
  db: Db,
  key: Buffer | null,
  now: () => Date,
): Background {
  const worker = new WorkerClient({
    // The bundled worker.cjs beside the Electron main bundle, or from source (through tsx) under the app's root.
    file: opts.workerFile ?? path.resolve(opts.migrationsFolder, '..', '..', 'server', 'background', 'worker.ts'),
    open: { dataDir: opts.dataDir, migrationsFolder: opts.migrationsFolder, key },
  });
  return { worker, deadlines: new DeadlineRecompute(db, worker, now) };
}
