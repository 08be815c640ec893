// The messages between the app's main thread and its background worker.

export type ToWorker =
  | { type: 'run'; id: number; kind: string; args: unknown }
  | { type: 'cancel'; id: number }
  /** Stop every job, close the database connection, end the thread. */
  | { type: 'close' };

export interface WorkerError {
  name: string;
  message: string;
  stack: string | null;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; error: WorkerError; cancelled: boolean };
