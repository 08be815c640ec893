// The background worker (server/background/): its own connection to the app's encrypted database,
// opened with the app's key; the deadline recomputation of a big office runs there with progress in
// app.jobs while the API keeps answering, and ends with what the main thread would have computed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileState } from '../../db/cipher';
import { DB_FILE } from '../../db/open';
import { deadlineContextOf, openComplaintCount, recomputeOpenDeadlines, RECOMPUTE_CHUNK } from '../../db/workflow';
import type { JobProgress } from '../../forms/api';
import { WorkerClient } from '../../server/background/worker-client';
import { MIGRATIONS_DIR, REPO_ROOT } from '../../server/paths';
import { BENCH_NOW, seedComplaints } from '../bench/seed';
import type { Core } from '../../server/core';
import { coresClosedAfterEach, tempDir } from '../helpers';

const core = coresClosedAfterEach();
const WORKER = path.join(REPO_ROOT, 'server', 'background', 'worker.ts');

/** Every open complaint's stored next deadline, in one comparable list. */
const deadlines = (c: Core) =>
  c.database.sqlite.prepare("SELECT id, next_due_at, next_due_kind FROM complaints WHERE status NOT IN ('selesai', 'diarsipkan') ORDER BY id").all();

describe('the background worker', () => {
  it('recomputes the open deadlines of a big office on the encrypted database: progress in app.jobs, the API answering meanwhile, the same result as in the main thread', async () => {
    const c = core(tempDir(), { now: () => BENCH_NOW });
    await c.sync.stop();
    expect(fileState(path.join(c.database.file))).toBe('encrypted');
    seedComplaints(c.database, 3 * RECOMPUTE_CHUNK);
    const open = openComplaintCount(c.database.db);
    expect(open).toBeGreaterThan(RECOMPUTE_CHUNK); // so it goes to the worker, not done at once here
    const expected = deadlines(c);
    c.database.sqlite.exec('UPDATE complaints SET next_due_at = NULL, next_due_kind = NULL');
    // Changes another connection commits are what this counter counts: the worker only reads, so
    // the app's connection keeps its page cache (a commit from elsewhere would empty it).
    const dataVersion = () => c.database.sqlite.pragma('data_version', { simple: true });
    const versionBefore = dataVersion();

    c.background.deadlines.start();
    const seen: { state: string; done: number; total: number }[] = [];
    let answered = 0;
    for (;;) {
      const jobs = await c.dispatch('app.jobs', {});
      const progress = jobs.ok ? (jobs.value as { deadlines: JobProgress | null }).deadlines : null;
      if (!progress) throw new Error('no job');
      seen.push(progress);
      const list = await c.dispatch('complaints.list', { limit: 10 });
      if (list.ok) answered++;
      if (progress.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await c.background.deadlines.settled();
    expect(seen.at(-1)).toMatchObject({ state: 'done', done: open, total: open });
    expect(seen[0]).toMatchObject({ total: open });
    expect(answered).toBe(seen.length);
    expect(deadlines(c)).toEqual(expected);
    expect(dataVersion()).toBe(versionBefore);
    // And the main thread, given the same work, changes nothing more.
    recomputeOpenDeadlines(c.database.db, deadlineContextOf(c.database.db), BENCH_NOW.toISOString());
    expect(deadlines(c)).toEqual(expected);
  });

  it('needs the app key: without it the worker cannot open the encrypted database and the job fails (nothing written)', async () => {
    const dir = tempDir();
    const c = core(dir, { now: () => BENCH_NOW });
    await c.sync.stop();
    seedComplaints(c.database, 10);
    const worker = new WorkerClient({ file: WORKER, open: { dataDir: dir, migrationsFolder: MIGRATIONS_DIR, key: null } });
    try {
      await expect(worker.run('deadlines.recompute', { now: BENCH_NOW.toISOString() })).rejects.toThrow();
    } finally {
      await worker.close();
    }
    expect(fileState(path.join(dir, DB_FILE))).toBe('encrypted');
  });
});
