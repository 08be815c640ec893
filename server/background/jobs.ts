// The long jobs the background worker runs on its own database connection (server/background/
// worker.ts): recomputing every open deadline after a calendar or settings change, and the recaps
// and their exports. Each is an async function that yields between short steps, so a cancel or
// another job's message is heard, and reports its progress. The same functions run in-process in
// tests, which compare the two.
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { OpenDatabase } from '../../db/open';
import { computeDeadlineChunk, deadlineContextOf, openComplaintCount, type DueChange } from '../../db/workflow';
import type { Period } from '../../forms/periods';
import type { PaperSize } from '../../forms/print';
import type { RecapKind } from '../../forms/recap';
import { protectedListed, type Signer } from '../../forms/recap-layouts';
import { recapData, recapSettings } from '../recap-data';

export interface JobEnv {
  database: OpenDatabase;
  signal: AbortSignal;
  progress(done: number, total: number): void;
}

/** The recap data of a kind for a period, as the Rekap screen, the PDF and the XLSX draw it. */
export interface RecapArgs {
  kind: RecapKind;
  period: Period;
  /** The clock of the app (tests and the bench fix it). */
  now: string;
}

/** Open complaints the worker reads per step, between which it hears a cancel. */
export const WORKER_RECOMPUTE_CHUNK = 5_000;

export const JOBS = {
  /**
   * Every open complaint's next deadline, computed here and only read: the changes go back to the
   * app, whose own connection writes them (server/background/deadline-recompute.ts). A write from
   * this connection would make the app's connection drop its whole page cache at each commit
   * (SQLite cannot tell which pages another connection changed), so its calls would read and
   * decrypt again while the recomputation runs.
   */
  async 'deadlines.recompute'({ database, signal, progress }: JobEnv, { now }: { now: string }) {
    const { db } = database;
    const ctx = deadlineContextOf(db);
    const total = openComplaintCount(db);
    let after = 0;
    let rows = 0;
    const changes: DueChange[] = [];
    progress(0, total);
    for (let chunk; (chunk = computeDeadlineChunk(db, ctx, now, after, WORKER_RECOMPUTE_CHUNK)); after = chunk.last) {
      rows += chunk.rows;
      for (const c of chunk.changes) changes.push(c);
      progress(Math.min(rows, Math.max(total, rows)), Math.max(total, rows));
      await yieldToEvents();
      signal.throwIfAborted();
    }
    return { rows, changes };
  },

  /** The recap as an XLSX workbook (bytes). */
  /** `listed`: the protected complaints the file names, for the audit row the app writes before handing it over. */
  async 'recap.xlsx'({ database, progress }: JobEnv, args: RecapArgs & { paper: PaperSize; ketua: Signer }) {
    const { recapWorkbook } = await import('../recap-xlsx');
    const data = recapData(database, args.kind, args.period, args.now);
    const buf = await recapWorkbook(args.kind, data, { ...recapSettings(database, args.now), period: args.period, paper: args.paper, ketua: args.ketua }, progress);
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), listed: protectedListed(args.kind, data) };
  },
};

export type JobKind = keyof typeof JOBS;
export type JobArgs<K extends JobKind> = Parameters<(typeof JOBS)[K]>[1];
export type JobResult<K extends JobKind> = Awaited<ReturnType<(typeof JOBS)[K]>>;

/** Runs a job here, in this thread: what the worker does with each message, and what tests compare it with. */
export function runJob<K extends JobKind>(kind: K, env: JobEnv, args: JobArgs<K>): Promise<JobResult<K>> {
  return (JOBS[kind] as (env: JobEnv, args: JobArgs<K>) => Promise<JobResult<K>>)(env, args);
}
