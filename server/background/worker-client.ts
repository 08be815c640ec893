// The main thread's side of the background worker (./worker.ts): started on the first job, it opens
// its own connection with the same options as the app's (db/open.ts), runs jobs one message at a
// time, and reports each job's progress and its end. A job that fails rejects with the worker's
// error; a worker that dies rejects every job it held, and the next job starts a new one. While no
// job runs the thread does not keep the process alive.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OpenOptions } from '../../db/open';
import type { JobArgs, JobKind, JobResult } from './jobs';
import type { FromWorker, ToWorker, WorkerError } from './protocol';

export interface WorkerClientOptions {
  /** The worker's script: the bundled worker.cjs in the packaged app, or worker.ts from source (run through tsx). */
  file: string;
  /** How the worker opens the database: the same options as the app's own connection. */
  open: OpenOptions;
}

export interface JobHooks {
  onProgress?(done: number, total: number): void;
  /** Aborting it cancels the job; it then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A job that failed inside the worker: its message, and the worker's stack for the log. */
export class WorkerJobError extends Error {
  constructor(readonly kind: string, error: WorkerError) {
    super(error.message);
    this.name = 'WorkerJobError';
    this.stack = `WorkerJobError (${kind}, in the background worker): ${error.stack ?? error.message}`;
  }
}

interface Pending {
  kind: string;
  resolve(value: unknown): void;
  reject(e: unknown): void;
  hooks: JobHooks;
}

/** Source files run through tsx's loader (tests, the browser host and the bench run from source). */
function startWorker(file: string, workerData: unknown): Worker {
  if (!file.endsWith('.ts')) return new Worker(file, { workerData });
  // tsx's ESM entry (createRequire alone would find its CommonJS one).
  const pkg = createRequire(file).resolve('tsx/package.json');
  const entry = (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default;
  const tsx = pathToFileURL(path.join(path.dirname(pkg), entry)).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(pathToFileURL(file).href)});`;
  return new Worker(code, { eval: true, workerData });
}

export class WorkerClient {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly opts: WorkerClientOptions) {}

  run<K extends JobKind>(kind: K, args: JobArgs<K>, hooks: JobHooks = {}): Promise<JobResult<K>> {
    if (this.closed) return Promise.reject(new Error('The background worker is closed.'));
    hooks.signal?.throwIfAborted();
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<JobResult<K>>((resolve, reject) => {
      this.pending.set(id, { kind, resolve: resolve as (v: unknown) => void, reject, hooks });
      worker.ref();
      this.post({ type: 'run', id, kind, args });
      hooks.signal?.addEventListener('abort', () => this.pending.has(id) && this.post({ type: 'cancel', id }), { once: true });
    });
  }

  /** Jobs not finished yet. */
  get busy(): number {
    return this.pending.size;
  }

  /** Stops every job and the thread (its connection closed first); resolves once it has exited. */
  async close(): Promise<void> {
    if (this.closed) return this.exited;
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    this.post({ type: 'close' });
    // A job stuck in one long step is not waited for: ending the thread rolls its transaction back.
    const timer = setTimeout(() => void worker.terminate(), 5_000);
    await this.exited;
    clearTimeout(timer);
  }

  private post(m: ToWorker) {
    this.worker?.postMessage(m);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.opts.file, { open: this.opts.open });
    this.worker = worker;
    worker.unref();
    worker.on('message', (m: FromWorker) => this.onMessage(m));
    let failure: unknown = null;
    worker.on('error', (e) => (failure = e));
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        if (this.worker === worker) this.worker = null;
        const reason = failure ?? new Error(this.closed ? 'The background worker was closed.' : `The background worker stopped (exit code ${code}).`);
        for (const p of this.pending.values()) p.reject(reason);
        this.pending.clear();
        resolve();
      }),
    );
    return worker;
  }

  private onMessage(m: FromWorker) {
    if (m.type === 'ready') return;
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') return p.hooks.onProgress?.(m.done, m.total);
    this.pending.delete(m.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (m.type === 'done') p.resolve(m.value);
    else p.reject(m.cancelled && p.hooks.signal?.aborted ? p.hooks.signal.reason : new WorkerJobError(p.kind, m.error));
  }
}
