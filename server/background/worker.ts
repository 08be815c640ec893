// The background worker thread: its own connection to the app's database (WAL lets it read while the
// main connection writes; its writes are short transactions), and the jobs of ./jobs.ts run one
// message at a time, each yielding between its steps so a cancel is heard. Bundled for Electron as
// dist/electron/worker.cjs; run from source through tsx (./worker-client.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type OpenOptions } from '../../db/open';
import { runJob, type JobKind } from './jobs';
import type { FromWorker, ToWorker } from './protocol';

const port = parentPort!;
const send = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

const { open } = workerData as { open: OpenOptions };
// A Buffer arrives as a plain Uint8Array: the key is made a Buffer again before it keys the connection.
const database = openDatabase({ ...open, key: open.key ? Buffer.from(open.key) : null });
const running = new Map<number, AbortController>();

port.on('message', (m: ToWorker) => {
  if (m.type === 'cancel') return running.get(m.id)?.abort(new Error('cancelled'));
  if (m.type === 'close') {
    for (const c of running.values()) c.abort(new Error('closing'));
    database.close();
    return port.close();
  }
  const controller = new AbortController();
  running.set(m.id, controller);
  const env = { database, signal: controller.signal, progress: (done: number, total: number) => send({ type: 'progress', id: m.id, done, total }) };
  runJob(m.kind as JobKind, env, m.args as never).then(
    (value) => send({ type: 'done', id: m.id, value }, value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : []),
    (e: unknown) => {
      const error = e instanceof Error ? { name: e.name, message: e.message, stack: e.stack ?? null } : { name: 'Error', message: String(e), stack: null };
      send({ type: 'failed', id: m.id, error, cancelled: controller.signal.aborted });
    },
  ).finally(() => running.delete(m.id));
});

send({ type: 'ready' });
