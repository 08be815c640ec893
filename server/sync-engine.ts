// The sync engine: drains the outbox to the upstream in batches and pulls the upstream's updates
// back. One run at a time, all network I/O asynchronous and every database step a short
// transaction, so the UI is never blocked. Whatever stops it (a fault, a crash, a power cut), the
// outbox and the pull cursor are on disk and the next run resumes from them.
import { inTransaction, type Db, type OpenDatabase } from '../db/open';
import {
  addRun,
  applyUpdates,
  blobKnown,
  countDue,
  dueComplaints,
  earliestRetry,
  forgetBlobs,
  getMeta,
  markBlob,
  markSending,
  outboxOf,
  recordResults,
  releaseSending,
  retryLater,
  setAside,
  setMeta,
  stateCounts,
  sweepSending,
  type DueComplaint,
} from '../db/outbox';
import { backoffMs, DEFAULT_BACKOFF, packBatch, reportFromComplaint, TOO_LARGE_TRIES, tooLargeRetryMs, type BackoffPolicy, type SyncStatus } from '../forms/sync';
import type { TimeZone } from '../forms/time';
import type { ReportV1, ResultV1 } from '../forms/upstream-v1';
import type { AttachmentStore } from './attachment-store';
import { log } from './log';
import { UpstreamFailure, type BatchSource, type UpstreamAdapter } from './upstream-adapter';

export interface SyncTuning {
  backoff: BackoffPolicy;
  /** How often an idle engine looks for work and pulls updates. */
  pollMs: number;
  requestTimeoutMs: number;
  random: () => number;
}

export const DEFAULT_TUNING: SyncTuning = { backoff: DEFAULT_BACKOFF, pollMs: 30_000, requestTimeoutMs: 30_000, random: Math.random };

export interface SyncEngineOptions {
  database: OpenDatabase;
  /** Where the queued complaints are read from (OpenDatabase.reader): the app's connection when absent. */
  reads?: Db;
  attachments: AttachmentStore;
  /** The adapter for the current settings and token; null while sync is not set up. */
  adapter: () => UpstreamAdapter | null;
  source: () => BatchSource;
  timeZone: () => TimeZone;
  now: () => Date;
  tuning: SyncTuning;
}

type Tally = { sent: number; accepted: number; rejected: number };
type Packed = { due: DueComplaint; report: ReportV1 };
/** A batch on the wire and its answer to come (never a rejection: a failure is the answer's `error`). */
type Sent = { ready: Packed[]; reports: ReportV1[]; answer: Promise<{ results: ResultV1[] } | { error: unknown }> };

const PULL_PAGE = 200;
const PULL_PAGES_PER_RUN = 50;
const CLOCK_SKEW_WARN_MS = 5 * 60_000;

export class SyncEngine {
  private readonly db;
  private readonly reads: Db;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private rerun = false;
  private stopped = true;
  private abort = new AbortController();
  private failures = 0;
  private batchLimit: number;
  private goodBatches = 0;
  private connection: SyncStatus['connection'] = 'unknown';
  private lastAttemptAt: string | null = null;
  private nextAttemptAt: string | null = null;
  private lastError: string | null = null;
  private progress: { done: number; total: number } | null = null;

  constructor(private readonly opts: SyncEngineOptions) {
    this.db = opts.database.db;
    this.reads = opts.reads ?? this.db;
    this.batchLimit = 100;
  }

  start(): void {
    this.stopped = false;
    this.connection = 'unknown';
    this.abort = new AbortController();
    const swept = sweepSending(this.db);
    if (swept) log.info(`sync: ${swept} reports left in flight by the last run are queued again`);
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }

  /** After a local change: run soon, unless the upstream is known to be down (its backoff stands). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    if (this.connection !== 'offline' && this.connection !== 'unauthorized') this.schedule(0);
  }

  /** `Sinkronkan sekarang` and settings changes: forget the backoff and run now. */
  runNow(): Promise<void> {
    this.failures = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.run();
  }

  status(): SyncStatus {
    const counts = stateCounts(this.db);
    const configured = this.opts.adapter() !== null;
    const skew = getMeta(this.db, 'clockSkewMs');
    return {
      configured,
      url: getMeta(this.db, 'url'),
      connection: configured ? this.connection : 'unknown',
      running: !!this.running,
      queued: counts.queued,
      sending: counts.sending,
      rejected: counts.rejected,
      sent: counts.sent,
      progress: this.progress,
      lastSuccessAt: getMeta(this.db, 'lastSuccessAt'),
      lastAttemptAt: this.lastAttemptAt,
      nextAttemptAt: this.nextAttemptAt ?? earliestRetry(this.db),
      lastError: this.lastError,
      clockSkewMs: skew === null ? null : Number(skew),
      safeToShutDown: counts.queued === 0 && counts.sending === 0,
    };
  }

  private schedule(wantedMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    // No wait is longer than the poll or the backoff cap (and none overflows Node's timer).
    const delayMs = Math.max(0, Math.min(wantedMs, Math.max(this.opts.tuning.pollMs, this.opts.tuning.backoff.capMs)));
    this.nextAttemptAt = delayMs > 0 ? new Date(this.opts.now().getTime() + delayMs).toISOString() : null;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delayMs);
    this.timer.unref?.();
  }

  private run(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    const adapter = this.opts.adapter();
    if (!adapter || this.stopped) return Promise.resolve();
    this.running = this.runOnce(adapter).finally(() => {
      this.running = null;
      if (this.rerun && !this.stopped) {
        this.rerun = false;
        this.schedule(0);
      }
    });
    return this.running;
  }

  private async runOnce(adapter: UpstreamAdapter): Promise<void> {
    const startedAt = this.opts.now().toISOString();
    this.lastAttemptAt = startedAt;
    const tally = { sent: 0, accepted: 0, rejected: 0, pulled: 0 };
    let error: string | null = null;
    let delay = this.opts.tuning.pollMs;
    try {
      await this.drain(adapter, tally);
      tally.pulled = await this.pull(adapter);
      this.failures = 0;
      this.connection = 'online';
      this.lastError = null;
      setMeta(this.db, 'lastSuccessAt', this.opts.now().toISOString());
      // A retryable rejection may be due before the next poll.
      const retry = earliestRetry(this.db);
      if (retry) delay = Math.min(delay, Math.max(0, new Date(retry).getTime() - this.opts.now().getTime()));
    } catch (e) {
      if (this.abort.signal.aborted) return;
      this.failures++;
      const failure = e instanceof UpstreamFailure ? e : null;
      if (!failure) log.error('sync run failed', e);
      error = failure?.message ?? 'Kesalahan tak terduga saat sinkronisasi.';
      this.lastError = error;
      this.connection = failure?.kind === 'unauthorized' ? 'unauthorized' : 'offline';
      const { backoff } = this.opts.tuning;
      // Retry-After is the upstream's word, within reason: never longer than the backoff cap (an
      // absurd one, such as 3000000 seconds or a date a year ahead, would otherwise overflow the
      // timer and retry at once). A little jitter keeps offices from arriving together.
      delay =
        failure?.retryAfterMs != null
          ? Math.min(backoff.capMs, failure.retryAfterMs + Math.round(this.opts.tuning.random() * 250))
          : backoffMs(this.failures, backoff, this.opts.tuning.random);
    } finally {
      this.progress = null;
    }
    if (tally.sent || tally.pulled || error) addRun(this.db, { startedAt, finishedAt: this.opts.now().toISOString(), ...tally, error });
    this.schedule(delay);
  }

  /**
   * Sends every due report in batches. Two batches at most are on the wire: the next is read,
   * packed and sent while the upstream applies the one before, and the answers are recorded in
   * the order sent. The two never share a complaint (one changed while in flight waits for the
   * next batch), so a single version of a complaint is ever on its way; the upstream applies each
   * client_id + version at most once, and a batch that fails is released and sent again unchanged.
   */
  private async drain(adapter: UpstreamAdapter, tally: Tally): Promise<void> {
    const { signal } = this.abort;
    const tz = this.opts.timeZone();
    this.progress = { done: 0, total: countDue(this.db, this.opts.now().toISOString()) };
    let onTheWire: Sent | null = null;
    try {
      for (;;) {
        if (this.stopped) break;
        const limit = Math.min(this.batchLimit, adapter.limits.maxReports);
        const due = dueComplaints(this.reads, this.opts.now().toISOString(), limit, onTheWire?.reports.map((r) => r.client_id));
        if (due.length === 0) break;
        const ready = await this.uploadAttachments(adapter, this.pack(due, tz, adapter.limits.maxBytes), signal);
        if (ready.length === 0) continue;
        const reports = ready.map((b) => b.report);
        const marks = reports.map((r) => ({ id: r.client_id, version: r.version }));
        // Lost in a power cut, a mark changes nothing: the start-up sweep puts "sending" back in the
        // queue, and a report sent but not yet marked is still queued. So the mark need not come
        // before the request: it is committed with the answer to the batch before (one write
        // transaction per batch, not two), or alone for the first batch of a run.
        const previous: Sent | null = onTheWire;
        if (!previous) this.unsynced(() => markSending(this.db, marks));
        const answer = adapter.push(this.opts.source(), reports, signal).then(
          (results) => ({ results }),
          (error: unknown) => ({ error }),
        );
        onTheWire = { ready, reports, answer };
        if (previous) await this.settle(previous, adapter, tally, marks);
      }
      const last = onTheWire;
      onTheWire = null;
      if (last) await this.settle(last, adapter, tally);
    } catch (e) {
      // What the other batch brought back is still recorded (or it is released), then the run ends.
      if (onTheWire) await this.settle(onTheWire, adapter, tally).catch(() => undefined);
      throw e;
    }
  }

  /**
   * Records a batch's answer, and marks the batch sent after it (`markNext`) in the same transaction;
   * a failed batch goes back to the queue (a 413 halves the next ones), others end the run.
   */
  private async settle({ ready, reports, answer }: Sent, adapter: UpstreamAdapter, tally: Tally, markNext: { id: string; version: number }[] = []): Promise<void> {
    const outcome = await answer;
    const markingNext = () => markNext.length > 0 && markSending(this.db, markNext);
    if ('error' in outcome) {
      const e = outcome.error;
      inTransaction(this.db, () => {
        releaseSending(this.db, reports.map((r) => r.client_id));
        markingNext();
      });
      if (e instanceof UpstreamFailure && e.kind === 'too_large') {
        this.goodBatches = 0;
        if (reports.length > 1) this.batchLimit = Math.max(1, Math.min(this.batchLimit, Math.floor(reports.length / 2)));
        else if (this.refusedAlone(reports[0]!)) tally.rejected++;
        return;
      }
      throw e;
    }
    const { results } = outcome;
    const now = this.opts.now();
    // Lost in a power cut, a receipt is fetched again: the report goes back to the queue (the
    // start-up sweep) and the upstream answers `duplicate` with the same tracking id.
    const t = this.unsynced(() =>
      inTransaction(this.db, () => {
        const recorded = recordResults(this.db, results, now.toISOString(), (attempts) =>
          new Date(now.getTime() + backoffMs(attempts, this.opts.tuning.backoff, this.opts.tuning.random)).toISOString(),
        );
        markingNext();
        return recorded;
      }),
    );
    // The upstream lacks a file this PC believed it held (a proxy or portal answered the HEAD):
    // forget that belief, so the next try asks again and uploads it.
    const missing = results.filter((r) => r.outcome === 'rejected' && r.retryable && r.errors?.some((e) => e.field === 'attachments'));
    if (missing.length) forgetBlobs(this.db, ready.filter((b) => missing.some((r) => r.client_id === b.report.client_id)).flatMap((b) => b.due.attachments.map((a) => a.sha256)));
    tally.sent += reports.length;
    tally.accepted += t.accepted;
    tally.rejected += t.rejected;
    if (this.progress) this.progress = { done: this.progress.done + reports.length, total: Math.max(this.progress.total, this.progress.done + reports.length) };
    // After a 413 the batch grows back slowly once the upstream takes what it gets.
    if (++this.goodBatches >= 5 && this.batchLimit < adapter.limits.maxReports) {
      this.batchLimit = Math.min(adapter.limits.maxReports, this.batchLimit * 2);
      this.goodBatches = 0;
    }
  }

  /** A write whose loss in a power cut would change nothing, committed without waiting for the disk. */
  private unsynced<T>(fn: () => T): T {
    const { sqlite } = this.opts.database;
    // Prepared statements (kept by the connection's statement cache), not `pragma()`, which parses
    // its text anew: this runs twice for every batch sent.
    const { synchronous: level } = sqlite.prepare('PRAGMA synchronous').get() as { synchronous: number };
    // NORMAL, not OFF: a checkpoint still syncs, so no earlier commit can be lost with this one.
    sqlite.prepare('PRAGMA synchronous = NORMAL').run();
    try {
      return fn();
    } finally {
      sqlite.prepare(`PRAGMA synchronous = ${level}`).run();
    }
  }

  /**
   * A 413 for one report alone: tried again later, alone, with a growing wait; set aside as too
   * large only after TOO_LARGE_TRIES such refusals in a row (true then).
   */
  private refusedAlone(report: ReportV1): boolean {
    const tries = (outboxOf(this.db, report.client_id)?.attempts ?? 0) + 1;
    if (tries >= TOO_LARGE_TRIES) {
      setAside(this.db, report.client_id, report.version, `Upstream menolak laporan ini karena terlalu besar (413), ${tries} kali berturut-turut. Periksa isi dan lampirannya, lalu pilih Kirim ulang.`);
      return true;
    }
    const wait = tooLargeRetryMs(tries, this.opts.tuning.backoff, this.opts.tuning.random);
    const at = new Date(this.opts.now().getTime() + wait).toISOString();
    retryLater(this.db, report.client_id, report.version, tries, at, `Upstream menolak laporan ini karena terlalu besar (413); dicoba lagi (percobaan ${tries} dari ${TOO_LARGE_TRIES}).`);
    return false;
  }

  private pack(due: DueComplaint[], tz: TimeZone, maxBytes: number): Packed[] {
    const items = due.map((d) => {
      const report = reportFromComplaint(d.complaint, d.attachments, tz);
      return { due: d, report, size: Buffer.byteLength(JSON.stringify(report)) };
    });
    return packBatch(items, (i) => i.size, items.length, maxBytes);
  }

  /** Each file once: HEAD first, PUT when missing; remembered so a restart does not ask again. */
  private async uploadAttachments(adapter: UpstreamAdapter, batch: Packed[], signal: AbortSignal) {
    const ready: typeof batch = [];
    for (const item of batch) {
      let ok = true;
      for (const a of item.due.attachments) {
        if (blobKnown(this.db, a.sha256)) continue;
        if (!(await adapter.hasAttachment(a.sha256, signal))) {
          if (!this.opts.attachments.has(a.sha256)) {
            setAside(this.db, item.report.client_id, item.report.version, `Berkas lampiran ${a.filename} tidak ada di komputer ini.`, 'attachments');
            ok = false;
            break;
          }
          try {
            await adapter.putAttachment(a.sha256, this.opts.attachments.read(a.sha256), a.contentType, signal);
          } catch (e) {
            if (e instanceof UpstreamFailure && e.kind === 'bad_attachment') {
              setAside(this.db, item.report.client_id, item.report.version, e.message, 'attachments');
              ok = false;
              break;
            }
            throw e;
          }
        }
        markBlob(this.db, a.sha256, this.opts.now().toISOString());
      }
      if (ok) ready.push(item);
    }
    return ready;
  }

  private async pull(adapter: UpstreamAdapter): Promise<number> {
    let fresh = 0;
    for (let page = 0; page < PULL_PAGES_PER_RUN && !this.stopped; page++) {
      const cursor = getMeta(this.db, 'cursor');
      const { updates, nextCursor } = await adapter.pull(cursor, PULL_PAGE, this.abort.signal);
      if (updates.length === 0) {
        if (nextCursor !== cursor) setMeta(this.db, 'cursor', nextCursor);
        break;
      }
      fresh += applyUpdates(this.db, updates, nextCursor, this.opts.now().toISOString());
      if (nextCursor === cursor) break;
    }
    return fresh;
  }

  /** The adapter reports the upstream's clock; a PC clock far off breaks every deadline. */
  noteServerDate(date: Date): void {
    const skew = date.getTime() - this.opts.now().getTime();
    const previous = getMeta(this.db, 'clockSkewMs');
    // Date headers have one-second resolution; only store changes worth a write.
    if (previous === null || Math.abs(Number(previous) - skew) > 2_000) setMeta(this.db, 'clockSkewMs', String(skew));
    if (Math.abs(skew) > CLOCK_SKEW_WARN_MS && (previous === null || Math.abs(Number(previous)) <= CLOCK_SKEW_WARN_MS)) {
      log.warn(`sync: this PC's clock differs from the upstream's by ${Math.round(skew / 60_000)} minutes`);
    }
  }
}
