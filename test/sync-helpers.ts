// Shared pieces of the sync tests: a reference upstream in a temp folder, a core pointed at it with
// short backoffs, generated complaints (some anonymous, some confidential, some with a scan), and
// the convergence check every fault scenario ends with.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { expect } from 'vitest';
import type { Envelope } from '../forms/api';
import type { Core } from '../server/core';
import type { TokenStore } from '../server/upstream-token';
import { startReferenceUpstream, type Faults, type ReferenceUpstream } from '../upstream/server';
import { pngBytes } from './fixtures';
import { formA, tempDir } from './helpers';

export const UPSTREAM_TOKEN = 'uji-token-upstream-9f2c';
export const FAST_SYNC = { backoff: { baseMs: 20, capMs: 250 }, pollMs: 150, requestTimeoutMs: 3_000 };

export function memoryTokens(token: string | null = UPSTREAM_TOKEN): TokenStore {
  let t = token;
  return { source: 'file', editable: true, read: () => t, write: (x) => void (t = x) };
}

export function startUpstream(faults: Partial<Faults> = {}, dataDir = tempDir('upstream-')): Promise<ReferenceUpstream> {
  return startReferenceUpstream({ dataDir, token: UPSTREAM_TOKEN, faults });
}

export async function waitFor<T>(probe: () => T | Promise<T>, label: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await probe();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${label} (last: ${JSON.stringify(last)})`);
}

/**
 * The real garbage collector (as under --expose-gc), so a test can collect while a request waits:
 * a weakly held timeout signal that is collected never fires.
 */
export function garbageCollector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** A purpose-built fake upstream on 127.0.0.1 for answers the reference hub never gives. */
export async function startFakeUpstream(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** What a person waits at most for a save or a status while sync fights a hostile network. */
export const PROMPT_MS = 2_000;
let responsiveSeq = 0;

/**
 * The office keeps working while a fault is on: a new complaint is saved and the sync status read
 * through the core, each within PROMPT_MS.
 */
export async function expectResponsive(core: Core): Promise<void> {
  const n = ++responsiveSeq;
  const calls: [string, unknown][] = [
    ['complaints.create', formA({ reporterName: `Pelapor Tanggap ${n}`, problem: `Antrean loket ${n}`, content: `Pengaduan nomor ${n} dicatat saat jaringan ke upstream terganggu.` })],
    ['sync.status', {}],
  ];
  for (const [method, input] of calls) {
    const started = performance.now();
    const res = await core.dispatch(method, input);
    expect(res, method).toMatchObject({ ok: true });
    expect(performance.now() - started, `${method} answered promptly`).toBeLessThan(PROMPT_MS);
  }
}

export type Caller = (method: string, input: unknown) => Promise<Envelope<unknown>>;

export const callerOf = (core: Core): Caller => (method, input) => core.dispatch(method, input);

async function ok(call: Caller, method: string, input: unknown) {
  const res = await call(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.message} ${JSON.stringify(res.error.fields ?? {})}`);
  return res.value as Record<string, unknown>;
}

export interface Seeded {
  id: string;
  anonymous: boolean;
  secret: string;
}

/** `n` complaints; every third is anonymous and every fifth confidential; every seventh has a scan. */
export async function seedComplaints(call: Caller, n: number, tag = 'x'): Promise<Seeded[]> {
  const out: Seeded[] = [];
  const scan = (await ok(call, 'attachments.upload', { filename: 'scan.png', contentType: 'image/png', dataBase64: pngBytes(6, 6, [10, 120, 200]).toString('base64') })) as never;
  for (let i = 0; i < n; i++) {
    const anonymous = i % 3 === 0;
    const secret = `Pelapor${tag}${i}Rahasia`;
    const common = {
      reporterName: secret,
      reporterAddress: `Jl. Anggrek Nomor ${i} Lorong ${tag}`,
      content: `Uraian pengaduan ${tag} nomor ${i} tentang layanan ${i % 4 === 0 ? 'perizinan' : 'kependudukan'} yang lambat.`,
      receivedDate: '2026-11-20',
      receivedTime: `${String(8 + (i % 8)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      confidential: i % 5 === 0,
      attachments: i % 7 === 0 ? [scan] : [],
    };
    // Only complaint-box slips (Formulir B) may be anonymous; the slip may still carry a name.
    const input = anonymous
      ? { form: 'B', ...common, reporterPhone: `0812${String(1000000 + i).slice(-7)}`, anonymous: true }
      : formA({ ...common, problem: `Masalah ${tag} nomor ${i}` });
    const created = await ok(call, 'complaints.create', input);
    out.push({ id: created.id as string, anonymous, secret });
  }
  return out;
}

/** A new version of every k-th complaint (the office keeps working while sync runs). */
export async function bumpSome(call: Caller, seeded: Seeded[], every = 4): Promise<void> {
  for (const s of seeded.filter((_, i) => i % every === 1)) {
    await ok(call, 'complaints.transition', { id: s.id, action: 'minta_kelengkapan', input: { note: 'Mohon lampirkan fotokopi KTP.' }, actor: 'Petugas' });
  }
}

export function localState(core: Core) {
  return core.database.sqlite
    .prepare('SELECT c.id, c.version, o.state, o.sent_version, o.tracking_id FROM complaints c JOIN outbox o ON o.complaint_id = c.id ORDER BY c.id')
    .all() as { id: string; version: number; state: string; sent_version: number | null; tracking_id: string | null }[];
}

/** Drained: nothing queued, sending or set aside, and every complaint acknowledged at its version. */
export function drained(core: Core): boolean {
  return localState(core).every((r) => r.state === 'sent' && r.sent_version === r.version);
}

/**
 * The invariant of every fault scenario: the upstream holds every local complaint exactly once at
 * its newest version, every local complaint has the upstream's tracking id, and no anonymous
 * reporter's identity was ever in any body the upstream received.
 */
export function expectConverged(core: Core, upstream: ReferenceUpstream, seeded: Seeded[]): void {
  const local = localState(core);
  const remote = upstream.store.reports();
  expect(remote.length).toBe(local.length);
  const byId = new Map(remote.map((r) => [r.client_id, r]));
  for (const l of local) {
    const r = byId.get(l.id);
    expect(r, l.id).toBeDefined();
    expect(r!.version, l.id).toBe(l.version);
    expect(l.tracking_id, l.id).toBe(r!.tracking_id);
  }
  const bodies = upstream.store.receivedBodies();
  expect(bodies.length).toBeGreaterThanOrEqual(local.length);
  for (const s of seeded.filter((x) => x.anonymous)) {
    for (const b of bodies) expect(b.includes(s.secret), `anonymous reporter ${s.secret} sent upstream`).toBe(false);
  }
  // Confidential reporters do reach the national handler, flagged so it does not publish them.
  const confidential = remote.map((r) => JSON.parse(r.body) as { confidential: boolean; anonymous: boolean; reporter: unknown }).filter((r) => r.confidential && !r.anonymous);
  for (const r of confidential) expect(r.reporter).not.toBeNull();
}
