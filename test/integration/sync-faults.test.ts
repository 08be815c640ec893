// Fault injection against the reference upstream over 127.0.0.1: for each fault, and a random mix
// with a fixed seed, the office keeps working while sync runs; once the faults stop and the queue
// drains, the upstream holds every complaint exactly once at its newest version, every complaint
// has its tracking id, and no anonymous reporter's identity ever left the office.
import { afterEach, describe, expect, it } from 'vitest';
import type { ReferenceUpstream, Faults } from '../../upstream/server';
import { NO_FAULTS } from '../../upstream/server';
import { coresClosedAfterEach } from '../helpers';
import { bumpSome, callerOf, drained, expectConverged, FAST_SYNC, memoryTokens, seedComplaints, startUpstream, waitFor } from '../sync-helpers';

const makeCore = coresClosedAfterEach();
const upstreams: ReferenceUpstream[] = [];
afterEach(async () => {
  for (const u of upstreams.splice(0)) await u.close();
});

async function scenario(faults: Partial<Faults>, during?: (u: ReferenceUpstream) => Promise<void>) {
  const upstream = await startUpstream(faults);
  upstreams.push(upstream);
  const core = makeCore(undefined, { tokenStore: memoryTokens(), upstreamUrl: upstream.url, sync: FAST_SYNC });
  const seeded = await seedComplaints(callerOf(core), 36);
  // The office keeps working while the faulty upstream is being fed.
  await new Promise((r) => setTimeout(r, 300));
  await bumpSome(callerOf(core), seeded);
  await during?.(upstream);
  await new Promise((r) => setTimeout(r, 700));
  upstream.setFaults(NO_FAULTS);
  await waitFor(() => drained(core), 'queue drained');
  expectConverged(core, upstream, seeded);
  return { core, upstream, seeded };
}

describe('sync under upstream faults', () => {
  it('latency', async () => {
    const { upstream } = await scenario({ latencyMs: 150 });
    expect(upstream.requests.batch).toBeGreaterThan(0);
  });

  it('5xx answers before anything is applied', async () => {
    const { upstream } = await scenario({ error5xxRate: 0.6, seed: 7 });
    expect(upstream.requests.batch).toBeGreaterThan(1);
  });

  it('429 with Retry-After', async () => {
    const { core } = await scenario({ rateLimitRate: 0.7, retryAfterSec: 1, seed: 3 });
    const runs = core.database.sqlite.prepare("SELECT count(*) AS n FROM sync_runs WHERE error LIKE '%429%'").get() as { n: number };
    expect(runs.n).toBeGreaterThan(0);
  });

  it('the connection cut after the upstream committed', async () => {
    const { upstream } = await scenario({ dropAfterCommitRate: 0.6, seed: 11 });
    // Resent batches came back as duplicates, never as second copies.
    const dup = upstream.store.sqlite.prepare("SELECT count(*) AS n FROM received").get() as { n: number };
    expect(dup.n).toBeGreaterThan(upstream.store.reports().length);
  });

  it('only part of a batch applied', async () => {
    await scenario({ partialRate: 0.6, seed: 5 });
  });

  it('the upstream restarting mid-drain', async () => {
    await scenario({ latencyMs: 40 }, async (u) => {
      await u.restart();
      await new Promise((r) => setTimeout(r, 200));
      await u.restart();
    });
  });

  it('413 for large batches: the batch is split', async () => {
    const { upstream } = await scenario({ maxBatch: 7 });
    expect(upstream.requests.batch).toBeGreaterThanOrEqual(Math.ceil(36 / 7));
  });

  it('a random mix of every fault with a fixed seed', async () => {
    await scenario({ latencyMs: 20, error5xxRate: 0.2, rateLimitRate: 0.1, retryAfterSec: 1, dropAfterCommitRate: 0.2, partialRate: 0.2, maxBatch: 12, seed: 42 });
  });

  it('an unreachable upstream: nothing is marked sent, then everything arrives', async () => {
    const upstream = await startUpstream({ down: true });
    upstreams.push(upstream);
    const core = makeCore(undefined, { tokenStore: memoryTokens(), upstreamUrl: upstream.url, sync: FAST_SYNC });
    const seeded = await seedComplaints(callerOf(core), 8);
    await waitFor(() => core.sync.status().connection === 'offline', 'offline');
    expect(core.sync.status().sent).toBe(0);
    expect(core.sync.status().safeToShutDown).toBe(false);
    upstream.setFaults({ down: false });
    await waitFor(() => drained(core), 'drained');
    expectConverged(core, upstream, seeded);
    // The pass that drained the queue still pulls updates before it reports itself online.
    await waitFor(() => core.sync.status().connection === 'online', 'online');
    expect(core.sync.status()).toMatchObject({ queued: 0, sending: 0, safeToShutDown: true });
  });
});
