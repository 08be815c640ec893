// The reference upstream: Upstream Batch API v1 over Node HTTP on its own SQLite file, with
// switchable faults for tests. It doubles as a small on-premises hub (upstream/cli.ts).
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { batchRequestV1, MAX_BATCH_BYTES, MAX_BATCH_REPORTS, UPSTREAM_STATUSES, type UpstreamStatus } from '../forms/upstream-v1';
import { mulberry32 } from '../forms/random';
import { DEFAULT_RULES, HubStore, type HubRules } from './store';

export interface Faults {
  /** Added before every answer. */
  latencyMs: number;
  /** Share of batch requests answered 503 before anything is applied. */
  error5xxRate: number;
  /** Share of requests answered 429 with `Retry-After: retryAfterSec`. */
  rateLimitRate: number;
  retryAfterSec: number;
  /** Sent as Retry-After instead of retryAfterSec when set (an HTTP date). */
  retryAfterDate: string | null;
  /** Share of batches applied and committed, then the connection is cut before the answer. */
  dropAfterCommitRate: number;
  /** Share of batches of which only the first half is applied before a 503. */
  partialRate: number;
  /** Batches above this many reports are answered 413 (the contract's own limit is 100). */
  maxBatch: number;
  /** Every updates page starts this many updates before the cursor (repeats, as the contract allows). */
  repeatUpdates: number;
  /** Refuse everything by cutting the connection (an unreachable upstream). */
  down: boolean;
  /** API requests hang: `headers` never answers; `body` sends a 200's headers and a few bytes, then nothing. */
  stall: 'none' | 'headers' | 'body';
  /** API requests are answered 200 with a body this many bytes long, streamed (0: off). */
  hugeAnswerBytes: number;
  /** The huge answer is sent gzip-compressed (Content-Encoding: gzip): a decompression bomb. */
  hugeAnswerGzip: boolean;
  /** Seed of the fault dice, so a random mix is the same on every run. */
  seed: number;
}

export const NO_FAULTS: Faults = {
  latencyMs: 0,
  error5xxRate: 0,
  rateLimitRate: 0,
  retryAfterSec: 1,
  retryAfterDate: null,
  dropAfterCommitRate: 0,
  partialRate: 0,
  maxBatch: MAX_BATCH_REPORTS,
  repeatUpdates: 0,
  down: false,
  stall: 'none',
  hugeAnswerBytes: 0,
  hugeAnswerGzip: false,
  seed: 1,
};

export interface ReferenceUpstreamOptions {
  dataDir: string;
  token: string;
  port?: number;
  faults?: Partial<Faults>;
  rules?: Partial<HubRules>;
}

export interface ReferenceUpstream {
  readonly url: string;
  readonly port: number;
  store: HubStore;
  faults: Faults;
  rules: HubRules;
  setFaults(f: Partial<Faults>): void;
  /** Counts by endpoint, for tests and the bench. */
  requests: { batch: number; head: number; put: number; updates: number; limited: number };
  /** Fires after a batch commits, before its answer (a test kills the app there). */
  onCommitted: ((clientIds: string[]) => void | Promise<void>) | null;
  /** Stops listening and closes the file, then starts again on the same port and file. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/** Leaves the request hanging (the socket is closed by `close()` or by the client giving up). */
function stall(res: http.ServerResponse, at: 'headers' | 'body') {
  if (at === 'body') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"results":[');
  }
}

/** `{"results":[` and then spaces up to `bytes`, streamed with backpressure until the client stops reading. */
async function sendHuge(res: http.ServerResponse, bytes: number, gzip: boolean) {
  res.writeHead(200, { 'Content-Type': 'application/json', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
  const gz = gzip ? zlib.createGzip({ level: 1 }) : null;
  gz?.pipe(res);
  const out: NodeJS.WritableStream = gz ?? res;
  const filler = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  let gone = false;
  let wake: (() => void) | null = null;
  res.once('close', () => {
    gone = true;
    gz?.destroy();
    wake?.();
  });
  out.write('{"results":[');
  while (sent < bytes && !gone) {
    const chunk = filler.subarray(0, Math.min(filler.length, bytes - sent));
    sent += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((r) => ((wake = r), out.once('drain', () => r())));
  }
  if (!gone) out.end(']}');
}

function authorized(req: http.IncomingMessage, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const want = Buffer.from(token);
  return given.length === want.length && crypto.timingSafeEqual(given, want);
}

export async function startReferenceUpstream(opts: ReferenceUpstreamOptions): Promise<ReferenceUpstream> {
  const faults: Faults = { ...NO_FAULTS, ...opts.faults };
  let random = mulberry32(faults.seed);
  const state = {
    store: new HubStore(opts.dataDir),
    rules: { ...DEFAULT_RULES, ...opts.rules },
  };
  const requests = { batch: 0, head: 0, put: 0, updates: 0, limited: 0 };
  let server: http.Server;
  let port = opts.port ?? 0;

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://upstream');
    if (faults.down) return req.socket.destroy();
    if (!authorized(req, opts.token)) return send(res, 401, { error: 'unauthorized' });
    if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));
    const isApi = url.pathname.startsWith('/v1/');
    if (isApi && faults.stall !== 'none') return stall(res, faults.stall);
    if (isApi && faults.hugeAnswerBytes > 0 && req.method !== 'HEAD') return sendHuge(res, faults.hugeAnswerBytes, faults.hugeAnswerGzip);
    if (isApi && random() < faults.rateLimitRate) {
      requests.limited++;
      return send(res, 429, { error: 'slow down' }, { 'Retry-After': faults.retryAfterDate ?? String(faults.retryAfterSec) });
    }

    if (req.method === 'POST' && url.pathname === '/v1/reports:batch') {
      requests.batch++;
      const raw = await readBody(req, MAX_BATCH_BYTES);
      if (!raw) return send(res, 413, { error: 'batch larger than 1 MiB' });
      let body;
      let text: string;
      try {
        text = raw.toString('utf8');
        body = batchRequestV1.parse(JSON.parse(text));
      } catch {
        return send(res, 400, { error: 'not a v1 batch' });
      }
      if (body.reports.length > Math.min(MAX_BATCH_REPORTS, faults.maxBatch)) return send(res, 413, { error: 'too many reports' });
      if (random() < faults.error5xxRate) return send(res, 503, { error: 'maintenance' });
      if (random() < faults.partialRate) {
        state.store.applyBatch(body.source.office_id, body.reports, state.rules, { body: text, take: Math.floor(body.reports.length / 2) });
        return send(res, 503, { error: 'interrupted' });
      }
      const results = state.store.applyBatch(body.source.office_id, body.reports, state.rules, { body: text });
      await upstream.onCommitted?.(results.map((r) => r.client_id));
      if (random() < faults.dropAfterCommitRate) return req.socket.destroy();
      return send(res, 200, { results });
    }

    const blob = /^\/v1\/attachments\/([0-9a-f]{64})$/.exec(url.pathname)?.[1];
    if (blob && req.method === 'HEAD') {
      requests.head++;
      res.writeHead(state.store.hasBlob(blob) ? 200 : 404, { 'Content-Length': '0' });
      return res.end();
    }
    if (blob && req.method === 'PUT') {
      requests.put++;
      const bytes = await readBody(req, MAX_ATTACHMENT_BYTES);
      if (!bytes) return send(res, 413, { error: 'attachment too large' });
      const stored = state.store.putBlob(blob, req.headers['content-type'] ?? 'application/octet-stream', bytes);
      if (stored === 'mismatch') return send(res, 422, { error: 'bytes do not hash to the name' });
      return send(res, stored === 'created' ? 201 : 200, { sha256: blob });
    }

    if (req.method === 'GET' && url.pathname === '/v1/updates') {
      requests.updates++;
      const cursor = Number(url.searchParams.get('cursor') ?? '0') || 0;
      const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit') ?? '100') || 100));
      const updates = state.store.updatesAfter(Math.max(0, cursor - faults.repeatUpdates), limit);
      const next = updates.length ? Math.max(cursor, updates[updates.length - 1]!.seq) : cursor;
      return send(res, 200, { updates, next_cursor: String(next) });
    }

    // Hub administration (same token): faults for tests, and a handler's step on a case.
    if (req.method === 'POST' && url.pathname === '/admin/faults') {
      const raw = await readBody(req, 64 * 1024);
      upstream.setFaults(JSON.parse(raw?.toString('utf8') || '{}') as Partial<Faults>);
      return send(res, 200, faults);
    }
    if (req.method === 'POST' && url.pathname === '/admin/updates') {
      const raw = await readBody(req, 64 * 1024);
      const u = JSON.parse(raw?.toString('utf8') || '{}') as { client_id?: string; status?: string; note?: string; by?: string };
      if (!u.client_id || !UPSTREAM_STATUSES.includes(u.status as UpstreamStatus)) return send(res, 400, { error: 'client_id and a v1 status are required' });
      const added = state.store.addUpdate(u.client_id, u.status as UpstreamStatus, u.note ?? null, u.by ?? null);
      return added ? send(res, 201, added) : send(res, 404, { error: 'unknown client_id' });
    }
    return send(res, 404, { error: 'not found' });
  };

  const listen = async () => {
    server = http.createServer((req, res) => {
      handler(req, res).catch(() => {
        if (!res.headersSent) send(res, 500, { error: 'internal' });
        else res.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  await listen();

  const upstream: ReferenceUpstream = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get store() {
      return state.store;
    },
    faults,
    get rules() {
      return state.rules;
    },
    set rules(r: HubRules) {
      state.rules = r;
    },
    setFaults(f) {
      Object.assign(faults, f);
      if (f.seed !== undefined) random = mulberry32(f.seed);
    },
    requests,
    onCommitted: null,
    async restart() {
      await stop();
      state.store.close();
      state.store = new HubStore(opts.dataDir);
      await listen();
    },
    async close() {
      await stop();
      state.store.close();
    },
  };
  return upstream;
}
