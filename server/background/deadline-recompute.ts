// After a calendar or settings change every open complaint's stored next deadline (the work views
// and the list read it) is computed in the background worker and written back here in short slices;
// the change itself answers at once.
// An office with no more open cases than one chunk is done at once, here (no thread to start).
// A second change while one runs cancels it and starts over with the newest calendar. A complaint's
// own page never waits: it computes its deadlines as it opens. A failure is logged and shown.
import type { Db } from '../../db/open';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { deadlineContextOf, openComplaintCount, recomputeOpenDeadlines, RECOMPUTE_CHUNK, writeDueChanges } from '../../db/workflow';
import type { JobProgress } from '../../forms/api';
import { log } from '../log';
import type { WorkerClient } from './worker-client';

/** Changed deadlines written per transaction on the app's connection (a few milliseconds each). */
const WRITE_SLICE = 500;

export const RECOMPUTE_FAILED = 'Penghitungan ulang tenggat gagal; tenggat di daftar mungkin belum sesuai kalender. Simpan kalender atau pengaturan sekali lagi untuk mengulang.';

export class DeadlineRecompute {
  private state: JobProgress | null = null;
  private current: { controller: AbortController; finished: Promise<void> } | null = null;

  constructor(
    private readonly db: Db,
    private readonly worker: WorkerClient,
    private readonly now: () => Date,
  ) {}

  /** Starts a recomputation over every open complaint (a running one is cancelled first). */
  start(): void {
    this.current?.controller.abort(new Error('superseded'));
    this.current = null;
    const startedAt = this.now().toISOString();
    const open = openComplaintCount(this.db);
    if (open <= RECOMPUTE_CHUNK) {
      const rows = recomputeOpenDeadlines(this.db, deadlineContextOf(this.db), startedAt);
      this.state = { state: 'done', done: rows, total: rows, startedAt, finishedAt: this.now().toISOString(), message: null };
      return;
    }
    const controller = new AbortController();
    const state: JobProgress = { state: 'running', done: 0, total: open, startedAt, finishedAt: null, message: null };
    this.state = state;
    const finished = this.worker
      .run('deadlines.recompute', { now: startedAt }, { signal: controller.signal, onProgress: (done, total) => Object.assign(state, { done, total }) })
      .then(async ({ changes }) => {
        // Written here, on the app's connection, a slice per turn of the event loop: calls go on
        // between slices and no other connection's commit empties this one's page cache.
        for (let i = 0; i < changes.length; i += WRITE_SLICE) {
          controller.signal.throwIfAborted();
          writeDueChanges(this.db, changes.slice(i, i + WRITE_SLICE));
          await yieldToEvents();
        }
        controller.signal.throwIfAborted();
      })
      .then(
        () => void Object.assign(state, { state: 'done', done: state.total, finishedAt: this.now().toISOString() }),
        (e: unknown) => {
          if (controller.signal.aborted) return;
          log.error('recomputing the open deadlines failed', e);
          Object.assign(state, { state: 'failed', finishedAt: this.now().toISOString(), message: RECOMPUTE_FAILED });
        },
      );
    this.current = { controller, finished };
  }

  /** The latest recomputation since the app started (null: none yet). */
  status(): JobProgress | null {
    return this.state && { ...this.state };
  }

  /** Resolves once no recomputation runs (one started meanwhile is waited for too). */
  async settled(): Promise<void> {
    for (let c = this.current; c; c = this.current === c ? null : this.current) await c.finished;
  }

  /** Stops a running recomputation (the app is closing). */
  cancel(): void {
    this.current?.controller.abort(new Error('closing'));
  }
}
