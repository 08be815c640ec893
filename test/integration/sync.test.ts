// The outbox, the engine's rules (rejections set aside and re-queued by a correction, attachments
// once, updates pulled once, answers that are not the contract), and a SIGKILL mid-batch.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TOO_LARGE_TRIES } from '../../forms/sync';
import type { ReferenceUpstream } from '../../upstream/server';
import { coresClosedAfterEach, formA, httpCaller, openDataDb, startHostProcess, tempDir } from '../helpers';
import { callerOf, drained, expectConverged, FAST_SYNC, localState, memoryTokens, seedComplaints, startUpstream, UPSTREAM_TOKEN, waitFor } from '../sync-helpers';
import path from 'node:path';

const makeCore = coresClosedAfterEach();
const upstreams: ReferenceUpstream[] = [];
const servers: http.Server[] = [];
afterEach(async () => {
  for (const u of upstreams.splice(0)) await u.close();
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

async function upstream(opts: Parameters<typeof startUpstream>[0] = {}) {
  const u = await startUpstream(opts);
  upstreams.push(u);
  return u;
}

describe('the outbox', () => {
  it('queues every committed change in its transaction, and nothing that did not commit', async () => {
    const core = makeCore(undefined, { tokenStore: memoryTokens(null) });
    const c = await core.dispatch('complaints.create', formA());
    expect(c.ok).toBe(true);
    const id = (c as { value: { id: string } }).value.id;
    const row = () => core.database.sqlite.prepare('SELECT version, state FROM outbox WHERE complaint_id = ?').get(id) as { version: number; state: string };
    expect(row()).toEqual({ version: 1, state: 'queued' });
    await core.dispatch('complaints.transition', { id, action: 'minta_kelengkapan', input: { note: 'KTP' }, actor: null });
    expect(row()).toEqual({ version: 2, state: 'queued' });
    // A refused transition and a refused save leave the outbox as it was.
    const refused = await core.dispatch('complaints.transition', { id, action: 'selesaikan', input: {}, actor: null });
    expect(refused.ok).toBe(false);
    const bad = await core.dispatch('complaints.create', formA({ reporterName: '' }));
    expect(bad.ok).toBe(false);
    expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    expect(row()).toEqual({ version: 2, state: 'queued' });
    // A transaction that fails after the change rolls the queue entry back with it.
    expect(() =>
      core.database.sqlite.transaction(() => {
        core.database.sqlite.prepare('UPDATE complaints SET version = version + 1 WHERE id = ?').run(id);
        throw new Error('power cut');
      })(),
    ).toThrow('power cut');
    expect(row()).toEqual({ version: 2, state: 'queued' });
    // Not configured: nothing is sent and the status says so.
    expect(core.sync.status()).toMatchObject({ configured: false, queued: 1, safeToShutDown: false });
  });

});

describe('the sync engine', () => {
  it('sets a rejected report aside with the upstream field errors; a correction re-queues it', async () => {
    const u = await upstream();
    u.rules = { ...u.rules, minContentLength: 40 };
    const core = makeCore(undefined, { tokenStore: memoryTokens(), upstreamUrl: u.url, sync: FAST_SYNC });
    const short = await core.dispatch('complaints.create', formA({ content: 'Pendek sekali.' }));
    const long = await core.dispatch('complaints.create', formA({ reporterName: 'Budi Santoso', problem: 'Jalan rusak', content: 'Jalan di depan kantor desa rusak berat sejak tiga bulan.' }));
    const shortId = (short as { value: { id: string } }).value.id;
    await waitFor(() => core.sync.status().rejected === 1 && core.sync.status().sent === 1, 'one rejected, one sent');
    const overview = await core.dispatch('sync.overview', {});
    const rejected = (overview as { value: { rejected: { complaintId: string; fieldErrors: { field: string; message: string }[] }[] } }).value.rejected;
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.complaintId).toBe(shortId);
    expect(rejected[0]!.fieldErrors).toEqual([{ field: 'content', message: 'Isi laporan minimal 40 karakter.' }]);
    // Not retried while nobody fixes it.
    const batches = u.requests.batch;
    await new Promise((r) => setTimeout(r, 600));
    expect(u.requests.batch - batches).toBe(0);
    const detail = await core.dispatch('complaints.get', { id: shortId });
    expect((detail as { value: { sync: { state: string } } }).value.sync.state).toBe('rejected');

    const fixed = await core.dispatch('complaints.correct', {
      id: shortId,
      version: 1,
      fields: { problem: 'Izin usaha belum terbit', content: 'Permohonan izin usaha sejak bulan lalu belum terbit, mohon ditindaklanjuti.', reporterName: 'Siti Rahmawati', reporterInstitution: 'CV Sinar Buton', reporterAddress: 'Jl. Poros Ereke No. 12, Buranga', reporterPhone: null, reporterEmail: null },
      reason: 'Uraian dilengkapi sesuai permintaan upstream.',
      actor: 'Petugas',
    });
    expect(fixed.ok).toBe(true);
    expect((fixed as { value: { version: number; events: { type: string; data: { fields: string[] } }[] } }).value.events.at(-1)).toMatchObject({ type: 'koreksi', data: { fields: ['content'] } });
    await waitFor(() => drained(core), 'drained after the correction');
    expect(u.store.reports().find((r) => r.client_id === shortId)?.version).toBe(2);
    expect(long.ok).toBe(true);
  });

  it(`a report refused alone (413) on every try is set aside after ${TOO_LARGE_TRIES} tries; Kirim ulang (sync.requeue) queues it again unedited`, async () => {
    const u = await upstream({ maxBatch: 0 });
    const core = makeCore(undefined, { tokenStore: memoryTokens(), upstreamUrl: u.url, sync: FAST_SYNC });
    const created = [
      await core.dispatch('complaints.create', formA()),
      await core.dispatch('complaints.create', formA({ reporterName: 'Budi Santoso', problem: 'Jalan rusak', content: 'Jalan di depan kantor desa rusak berat sejak tiga bulan.' })),
    ];
    const ids = created.map((c) => (c as { value: { id: string } }).value.id);
    // While it keeps trying, the report waits in the queue with the count of its tries.
    await waitFor(() => (core.database.sqlite.prepare('SELECT max(attempts) AS n FROM outbox').get() as { n: number }).n >= 2, 'tried again');
    expect(core.sync.status().rejected).toBe(0);
    await waitFor(() => core.sync.status().rejected === 2, 'both set aside');
    expect(u.requests.batch).toBeGreaterThanOrEqual(2 * TOO_LARGE_TRIES);
    const overview = (await core.dispatch('sync.overview', {})) as { value: { rejected: { complaintId: string; lastError: string }[] } };
    expect(overview.value.rejected.map((r) => r.complaintId).sort()).toEqual([...ids].sort());
    expect(overview.value.rejected[0]!.lastError).toBe(`Upstream menolak laporan ini karena terlalu besar (413), ${TOO_LARGE_TRIES} kali berturut-turut. Periksa isi dan lampirannya, lalu pilih Kirim ulang.`);
    // Set aside: not tried again by itself.
    const batches = u.requests.batch;
    await new Promise((r) => setTimeout(r, 600));
    expect(u.requests.batch).toBe(batches);

    // The core checks what it is asked to send again, and changes nothing when it refuses.
    expect(await core.dispatch('sync.requeue', { ids: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { ids: 'Pilih pengaduan yang akan dikirim ulang.' } } });
    expect(await core.dispatch('sync.requeue', { ids: ['bukan-pengenal'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'ids.0': 'Pengenal pengaduan tidak sah.' } } });
    expect(await core.dispatch('sync.requeue', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.dispatch('sync.requeue', { ids: [ids[0], crypto.randomUUID()] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(core.sync.status().rejected).toBe(2);

    u.setFaults({ maxBatch: 100 });
    expect(await core.dispatch('sync.requeue', { ids: [ids[0], ids[0]] })).toEqual({ ok: true, value: { requeued: 1 } });
    await waitFor(() => core.sync.status().sent === 1, 'the first sent');
    // One already on its way cannot be sent again; the other still can.
    const reg = (core.database.sqlite.prepare('SELECT registration_no AS r FROM complaints WHERE id = ?').get(ids[0]) as { r: string }).r;
    expect(await core.dispatch('sync.requeue', { ids })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `${reg} tidak sedang ditolak upstream (terkirim); tidak ada yang dikirim ulang.` } });
    expect(core.sync.status().rejected).toBe(1);
    expect(await core.dispatch('sync.requeue', { ids: [ids[1]] })).toEqual({ ok: true, value: { requeued: 1 } });
    await waitFor(() => drained(core), 'drained');
    // Sent as it was: no edit, no new version.
    expect(u.store.reports().map((r) => r.version)).toEqual([1, 1]);
    expect(localState(core).map((r) => r.version)).toEqual([1, 1]);
  });

  it('a file the upstream turns out not to hold (a portal answered the HEAD) is asked for and uploaded again', async () => {
    const u = await upstream({ down: true });
    const core = makeCore(undefined, { tokenStore: memoryTokens(), upstreamUrl: u.url, sync: FAST_SYNC });
    const seeded = await seedComplaints(callerOf(core), 1); // the first complaint has a scan
    // This PC believes the upstream has the scan: something answered 200 to its HEAD.
    const sha = (core.database.sqlite.prepare('SELECT sha256 FROM complaint_attachments').get() as { sha256: string }).sha256;
    core.database.sqlite.prepare('INSERT INTO upstream_blobs (sha256, uploaded_at) VALUES (?, ?)').run(sha, new Date().toISOString());
    u.setFaults({ down: false });
    await waitFor(() => drained(core), 'drained');
    expect(u.store.hasBlob(sha)).toBe(true);
    expect(u.requests.put).toBe(1);
    expectConverged(core, u, seeded);
  });

  it('refuses a stale correction and one that changes nothing, with nothing queued', async () => {
    const core = makeCore(undefined, { tokenStore: memoryTokens(null) });
    const id = ((await core.dispatch('complaints.create', formA())) as { value: { id: string } }).value.id;
    const fields = { problem: 'Izin usaha belum terbit', content: 'Permohonan izin usaha sejak bulan lalu belum terbit.', reporterName: 'Siti Rahmawati', reporterInstitution: 'CV Sinar Buton', reporterAddress: 'Jl. Poros Ereke No. 12, Buranga', reporterPhone: null, reporterEmail: null };
    const same = await core.dispatch('complaints.correct', { id, version: 1, fields, reason: 'cek', actor: null });
    expect(same).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Tidak ada isian yang berubah.' } });
    const stale = await core.dispatch('complaints.correct', { id, version: 3, fields: { ...fields, content: 'Isi baru yang cukup panjang.' }, reason: 'cek', actor: null });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const blank = await core.dispatch('complaints.correct', { id, version: 1, fields: { ...fields, reporterName: '' }, reason: 'cek', actor: null });
    expect(blank).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'fields.reporterName': 'Nama pelapor wajib diisi pada formulir ini.' } } });
    expect(localState(core)[0]).toMatchObject({ version: 1 });
  });

  it('uploads each attachment once, HEAD first, before the reports that need it', async () => {
    const u = await upstream();
    const core = makeCore(undefined, { tokenStore: memoryTokens(), upstreamUrl: u.url, sync: FAST_SYNC });
    const seeded = await seedComplaints(callerOf(core), 15); // three share one scan
    await waitFor(() => drained(core), 'drained');
    expect(u.requests.put).toBe(1);
    expect(u.requests.head).toBe(1);
    expectConverged(core, u, seeded);
    // A restarted app remembers which files the upstream has.
    expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM upstream_blobs').get()).toEqual({ n: 1 });
  });

  it('pulls updates into the history once each, keeps the cursor, and shows both sides when the office changed later', async () => {
    const u = await upstream({ repeatUpdates: 3 });
    const dir = tempDir();
    const core = makeCore(dir, { tokenStore: memoryTokens(), upstreamUrl: u.url, sync: FAST_SYNC });
    const seeded = await seedComplaints(callerOf(core), 4);
    await waitFor(() => drained(core), 'drained');
    const id = seeded[1]!.id;
    u.store.addUpdate(id, 'didisposisikan', 'Diteruskan ke Dinas PUPR.', 'Admin Instansi');
    await waitFor(() => {
      const n = core.database.sqlite.prepare("SELECT count(*) AS n FROM complaint_events WHERE type = 'upstream'").get() as { n: number };
      return n.n === 5; // four acknowledgements and the disposition
    }, 'updates pulled');
    // Repeated deliveries (repeatUpdates) changed nothing; a few more polls do not either.
    await new Promise((r) => setTimeout(r, 500));
    expect(core.database.sqlite.prepare("SELECT count(*) AS n FROM complaint_events WHERE type = 'upstream'").get()).toEqual({ n: 5 });
    let d = (await core.dispatch('complaints.get', { id })) as { value: { status: string; sync: { upstreamStatus: string; officeChangedLater: boolean }; events: { type: string; note: string | null }[] } };
    expect(d.value.sync).toMatchObject({ upstreamStatus: 'didisposisikan', officeChangedLater: false });
    expect(d.value.events.at(-1)).toMatchObject({ type: 'upstream', note: 'Diteruskan ke Dinas PUPR.' });
    expect(d.value.status).toBe('diterima'); // the office's own status is not overwritten
    // The office acts after the upstream's update: both are shown.
    await core.dispatch('complaints.transition', { id, action: 'minta_kelengkapan', input: { note: 'KTP' }, actor: null });
    d = (await core.dispatch('complaints.get', { id })) as typeof d;
    expect(d.value.status).toBe('menunggu_kelengkapan');
    expect(d.value.sync).toMatchObject({ upstreamStatus: 'didisposisikan', officeChangedLater: true });
    const cursor = core.database.sqlite.prepare("SELECT value FROM sync_meta WHERE key = 'cursor'").get() as { value: string };
    expect(Number(cursor.value)).toBeGreaterThanOrEqual(5);
  });

  it('treats stale as done: the upstream already holds a newer version (a restored backup)', async () => {
    const u = await upstream();
    const core = makeCore(undefined, { tokenStore: memoryTokens(), upstreamUrl: u.url, sync: FAST_SYNC });
    const id = ((await core.dispatch('complaints.create', formA())) as { value: { id: string } }).value.id;
    await waitFor(() => drained(core), 'drained');
    u.store.sqlite.prepare('UPDATE reports SET version = 9 WHERE client_id = ?').run(id);
    await core.dispatch('complaints.transition', { id, action: 'minta_kelengkapan', input: { note: 'KTP' }, actor: null });
    await waitFor(() => drained(core), 'drained again');
    const row = core.database.sqlite.prepare('SELECT state, sent_version, outcome, tracking_id FROM outbox WHERE complaint_id = ?').get(id);
    expect(row).toEqual({ state: 'sent', sent_version: 2, outcome: 'stale', tracking_id: u.store.reports()[0]!.tracking_id });
  });

  it('reports progress while a backlog drains, and notices a PC clock far from the upstream clock', async () => {
    const u = await upstream({ latencyMs: 120, down: true });
    // This PC's clock runs two hours behind the upstream's.
    const core = makeCore(undefined, { tokenStore: memoryTokens(), upstreamUrl: u.url, sync: FAST_SYNC, now: () => new Date(Date.now() - 2 * 3600_000) });
    const seeded = await seedComplaints(callerOf(core), 230);
    u.setFaults({ down: false });
    const seen = await waitFor(() => {
      const p = core.sync.status().progress;
      return p && p.done > 0 && p.done < p.total ? p : null;
    }, 'progress in the middle of the drain');
    expect(seen!.total).toBe(230);
    await waitFor(() => drained(core), 'drained');
    expectConverged(core, u, seeded);
    // The engine's own marks commit without waiting for the disk; a save after them waits again (FULL).
    expect(core.database.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    const skew = core.sync.status().clockSkewMs!;
    expect(Math.abs(skew - 2 * 3600_000)).toBeLessThan(10_000);
  });

  it('never counts a 200 that is not the contract (a captive portal) as sent', async () => {
    const portal = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>Silakan login Wi-Fi</body></html>');
    });
    servers.push(portal);
    await new Promise<void>((r) => portal.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
    const core = makeCore(undefined, { tokenStore: memoryTokens(), upstreamUrl: url, sync: FAST_SYNC });
    await core.dispatch('complaints.create', formA());
    await waitFor(() => core.sync.status().connection === 'offline', 'offline');
    const s = core.sync.status();
    // Another attempt may be in flight (`sending`), but nothing is ever counted as sent.
    expect(s.sent).toBe(0);
    expect(s.queued + s.sending).toBe(1);
    expect(core.database.sqlite.prepare('SELECT sent_version, tracking_id FROM outbox').get()).toEqual({ sent_version: null, tracking_id: null });
    expect(s.lastError).toMatch(/bukan JSON/);
  });

  it('a wrong token: unauthorized, nothing sent, the token never in the log of runs', async () => {
    const u = await upstream();
    const core = makeCore(undefined, { tokenStore: memoryTokens('salah-token-12345'), upstreamUrl: u.url, sync: FAST_SYNC });
    await core.dispatch('complaints.create', formA());
    await waitFor(() => core.sync.status().connection === 'unauthorized', 'unauthorized');
    const runs = core.database.sqlite.prepare('SELECT error FROM sync_runs').all() as { error: string }[];
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) expect(r.error).not.toContain('salah-token');
    expect(u.store.reports()).toHaveLength(0);
  });

  it('SIGKILL mid-batch: the restarted app resends, and the upstream still holds each complaint once', async () => {
    const u = await upstream();
    const dataDir = tempDir();
    const env = { LOKET_UPSTREAM_TOKEN: UPSTREAM_TOKEN, LOKET_SYNC_BACKOFF_MS: '20,250', LOKET_SYNC_POLL_MS: '150' };
    // Down while the complaints are keyed, so the first batch is a full one.
    u.setFaults({ down: true });
    const first = startHostProcess(dataDir, { args: ['--upstream-url', u.url], env });
    const seeded = await seedComplaints(httpCaller(await first.url), 30);
    let committed: string[] = [];
    const exited = new Promise((r) => first.child.once('exit', r));
    u.onCommitted = async (ids) => {
      u.onCommitted = null;
      committed = ids;
      first.child.kill('SIGKILL');
      await exited; // the answer goes to a dead process
    };
    u.setFaults({ down: false });
    await exited;
    expect(committed.length).toBeGreaterThan(1);
    // The committed batch is still "sending" in the killed app's file (the next batch may be on the wire too).
    const peek = openDataDb(dataDir, { readonly: true });
    const states = peek.prepare('SELECT state FROM outbox WHERE complaint_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(committed));
    peek.close();
    expect(states).toEqual(committed.map(() => 'sending'));

    const second = startHostProcess(dataDir, { args: ['--upstream-url', u.url], env });
    const call = httpCaller(await second.url);
    try {
      await waitFor(async () => {
        const s = (await call('sync.status', {})) as { ok: true; value: { queued: number; sending: number; sent: number } };
        return s.value.queued === 0 && s.value.sending === 0 && s.value.sent === 30;
      }, 'drained after restart');
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
    const reopened = makeCore(dataDir, { tokenStore: memoryTokens(null) });
    expectConverged(reopened, u, seeded);
    const outcomes = u.store.sqlite.prepare('SELECT outcome, count(*) AS n FROM applied GROUP BY outcome').all();
    expect(outcomes).toEqual([{ outcome: 'created', n: 30 }]);
  }, 60_000);
});

describe('the upstream token', () => {
  it('lives in a 0600 file beside the database, never in it; the environment variable wins and is read-only', async () => {
    const { fileTokenStore, withEnvToken, TOKEN_FILE } = await import('../../server/upstream-token');
    const fs = await import('node:fs');
    const dir = tempDir();
    const file = path.join(dir, TOKEN_FILE);
    const store = fileTokenStore(file);
    expect([store.read(), store.source]).toEqual([null, 'none']);
    store.write('rahasia-token-123');
    expect([store.read(), store.source]).toEqual(['rahasia-token-123', 'file']);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fileTokenStore(file).read()).toBe('rahasia-token-123'); // a restarted app reads it back
    store.write(null);
    expect([store.read(), store.source, fs.existsSync(file)]).toEqual([null, 'none', false]);
    const env = withEnvToken(store, { LOKET_UPSTREAM_TOKEN: ' dari-env ' });
    expect([env.read(), env.source, env.editable]).toEqual(['dari-env', 'env', false]);

    const core = makeCore(dir, { tokenStore: fileTokenStore(file) });
    expect(await core.dispatch('sync.settings.save', { url: 'http://127.0.0.1:9/', officeId: '', token: 'token-dari-layar' })).toMatchObject({ ok: true, value: { url: 'http://127.0.0.1:9', tokenSet: true, tokenSource: 'file' } });
    // The file is encrypted: its pages are read as SQLite decrypts them, every one of them.
    const dbBytes = core.database.sqlite.serialize().toString('latin1');
    expect(dbBytes).not.toContain('token-dari-layar');
    expect(fs.readFileSync(file, 'utf8')).toBe('token-dari-layar');
  });
});
