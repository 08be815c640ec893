// Queries over the outbox and the other sync tables. Rows get into the outbox only through the
// triggers of migration 0008; this module moves them through queued → sending → sent | rejected,
// records the upstream's receipts, and turns pulled updates into history events.
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ComplaintDetail } from '../forms/complaint';
import { normalizeUpstreamUrl, OUTBOX_STATE_LABELS, OUTBOX_STATES, type OutboxState, type ReportAttachment, type ReportSource } from '../forms/sync';
import type { ResultV1, UpdateV1 } from '../forms/upstream-v1';
import { CASE_NOT_FOUND, Refused } from './errors';
import { appendEvent } from './events';
import { inTransaction, type Db } from './open';
import { prepared } from './prepared';
import { complaintAttachments, complaints, outbox, syncMeta, syncRuns, upstreamBlobs, upstreamUpdates } from './schema';

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * `state = '<state>'` as a literal, not a bound value: only a literal lets SQLite use the partial
 * index of that state (db/schema.ts).
 */
const inState = (state: OutboxState): SQL => sql`${outbox.state} = ${sql.raw(`'${state}'`)}`;

/** At start-up: a batch that was in flight when the app died goes back to the queue (never lost). */
export function sweepSending(db: Db): number {
  return db.update(outbox).set({ state: 'queued' }).where(inState('sending')).run().changes;
}

export interface DueComplaint {
  complaint: ReportSource;
  attachments: ReportAttachment[];
}

/** Queued and not waiting out a retry delay. */
const dueWhere = (now: SQL | string): SQL => and(inState('queued'), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now)))!;

/** What a report is made of (forms/sync.ts), and no other column. */
const REPORT_COLUMNS = {
  id: complaints.id,
  version: complaints.version,
  registrationNo: complaints.registrationNo,
  form: complaints.form,
  channel: complaints.channel,
  receivedAt: complaints.receivedAt,
  problem: complaints.problem,
  content: complaints.content,
  classification: complaints.classification,
  category: complaints.category,
  anonymous: complaints.anonymous,
  confidential: complaints.confidential,
  reporterName: complaints.reporterName,
  reporterInstitution: complaints.reporterInstitution,
  reporterAddress: complaints.reporterAddress,
  reporterPhone: complaints.reporterPhone,
  reporterEmail: complaints.reporterEmail,
  reporterGender: complaints.reporterGender,
  status: complaints.status,
} satisfies Record<keyof ReportSource, unknown>;

// The due queries, built once per connection (db/prepared.ts): a drain runs them a thousand times. Id lists go in as JSON.
const idsIn = (name: string) => sql`(SELECT value FROM json_each(${sql.placeholder(name)}))`;
const dueReports = (db: Db) =>
  db
    .select(REPORT_COLUMNS)
    .from(outbox)
    .innerJoin(complaints, eq(complaints.id, outbox.complaintId))
    .where(and(dueWhere(sql`${sql.placeholder('now')}`), sql`${outbox.complaintId} NOT IN ${idsIn('except')}`))
    .orderBy(asc(outbox.queuedAt), asc(outbox.complaintId))
    .limit(sql.placeholder('limit'))
    .prepare();
const dueFiles = (db: Db) =>
  db
    .select()
    .from(complaintAttachments)
    .where(sql`${complaintAttachments.complaintId} IN ${idsIn('ids')}`)
    .orderBy(asc(complaintAttachments.addedAt))
    .prepare();

/** The next complaints to send, oldest queued first, each at its newest version (none of `except`, still in flight). */
export function dueComplaints(db: Db, now: string, limit: number, except: readonly string[] = []): DueComplaint[] {
  const rows = prepared(db, dueReports).all({ now, limit, except: JSON.stringify(except) });
  if (rows.length === 0) return [];
  const files = prepared(db, dueFiles).all({ ids: JSON.stringify(rows.map((r) => r.id)) });
  return rows.map((c) => ({
    complaint: c,
    attachments: files.filter((f) => f.complaintId === c.id).map(({ sha256, filename, contentType, size }) => ({ sha256, filename, contentType, size })),
  }));
}

/** Queued rows minus those waiting out a retry delay: a count over each of their partial indexes. */
export function countDue(db: Db, now: string): number {
  const n = (where: SQL) => db.select({ n: count() }).from(outbox).where(where).get()?.n ?? 0;
  return n(inState('queued')) - n(and(inState('queued'), isNotNull(outbox.nextAttemptAt), gt(outbox.nextAttemptAt, now))!);
}

/** Marks the versions about to be sent, in one statement; a row changed since it was read stays queued. */
export function markSending(db: Db, sent: { id: string; version: number }[]): void {
  const rows = JSON.stringify(sent.map((s) => [s.id, s.version]));
  inTransaction(db, (tx) =>
    tx.run(sql`UPDATE outbox SET state = 'sending' FROM json_each(${rows}) AS j WHERE outbox.complaint_id = j.value ->> 0 AND outbox.version = j.value ->> 1`),
  );
}

/** After a failed request: the batch goes back to the queue untouched. */
export function releaseSending(db: Db, ids: string[]): void {
  if (ids.length) db.update(outbox).set({ state: 'queued' }).where(and(inArray(outbox.complaintId, ids), inState('sending'))).run();
}

export interface ResultTally {
  accepted: number;
  rejected: number;
  retrying: number;
}

/**
 * Records the upstream's answer for a batch, in one transaction. Accepted outcomes (created,
 * updated, duplicate, stale) store the receipt and finish the row unless the office changed the
 * complaint while the batch was in flight (the trigger re-queued it at a higher version).
 */
export function recordResults(db: Db, results: ResultV1[], now: string, retryAt: (attempts: number) => string): ResultTally {
  const tally: ResultTally = { accepted: 0, rejected: 0, retrying: 0 };
  inTransaction(db, (tx) => {
    // The accepted ones (nearly all) in one statement; a row at a newer version keeps its state.
    const accepted = JSON.stringify(results.filter((r) => r.outcome !== 'rejected').map((r) => [r.client_id, r.version, r.outcome, r.tracking_id ?? null]));
    tally.accepted = tx.run(sql`
      UPDATE outbox SET
        sent_version = max(coalesce(outbox.sent_version, 0), a.version), outcome = a.outcome, tracking_id = coalesce(a.tracking_id, outbox.tracking_id), sent_at = ${now},
        state = iif(outbox.version > a.version, outbox.state, 'sent'), attempts = iif(outbox.version > a.version, outbox.attempts, 0),
        next_attempt_at = iif(outbox.version > a.version, outbox.next_attempt_at, NULL), last_error = iif(outbox.version > a.version, outbox.last_error, NULL),
        field_errors = iif(outbox.version > a.version, outbox.field_errors, NULL)
      FROM (SELECT value ->> 0 AS id, value ->> 1 AS version, value ->> 2 AS outcome, value ->> 3 AS tracking_id FROM json_each(${accepted})) AS a
      WHERE outbox.complaint_id = a.id`).changes;
    for (const r of results) {
      if (r.outcome !== 'rejected') continue;
      const row = tx.select().from(outbox).where(eq(outbox.complaintId, r.client_id)).get();
      if (!row) continue;
      if (row.version !== r.version) continue; // already re-queued at a newer version
      const errors = r.errors ?? [];
      const message = errors.map((e) => `${e.field}: ${e.message}`).join('; ') || 'Ditolak upstream tanpa alasan.';
      if (r.retryable) {
        tally.retrying++;
        tx.update(outbox)
          .set({ state: 'queued', attempts: row.attempts + 1, nextAttemptAt: retryAt(row.attempts + 1), lastError: message, fieldErrors: errors, outcome: 'rejected' })
          .where(eq(outbox.complaintId, r.client_id))
          .run();
      } else {
        tally.rejected++;
        tx.update(outbox).set({ state: 'rejected', lastError: message, fieldErrors: errors, outcome: 'rejected' }).where(eq(outbox.complaintId, r.client_id)).run();
      }
    }
  });
  return tally;
}

/** A refusal worth another try of this version later (a 413 for the report alone): it waits in the queue. */
export function retryLater(db: Db, id: string, version: number, attempts: number, nextAttemptAt: string, message: string): void {
  db.update(outbox)
    .set({ state: 'queued', attempts, nextAttemptAt, lastError: message })
    .where(and(eq(outbox.complaintId, id), eq(outbox.version, version)))
    .run();
}

/** A report the upstream can never take as it is (too large alone, a file gone): set aside. */
export function setAside(db: Db, id: string, version: number, message: string, field = 'report'): void {
  db.update(outbox)
    .set({ state: 'rejected', lastError: message, fieldErrors: [{ field, message }], outcome: 'rejected' })
    .where(and(eq(outbox.complaintId, id), eq(outbox.version, version)))
    .run();
}

/**
 * *Kirim ulang*: set-aside reports go back to the queue as they are (no edit, same version), with
 * their count of tries reset, all of them or none. Refused when one is unknown or not set aside.
 */
export function requeueRejected(db: Db, ids: string[]): { requeued: number } {
  return inTransaction(db, (tx) => {
    const unique = [...new Set(ids)];
    const rows = tx
      .select({ id: outbox.complaintId, state: outbox.state, registrationNo: complaints.registrationNo })
      .from(outbox)
      .innerJoin(complaints, eq(complaints.id, outbox.complaintId))
      .where(inArray(outbox.complaintId, unique))
      .all();
    if (unique.some((id) => !rows.some((r) => r.id === id))) throw new Refused('not_found', CASE_NOT_FOUND);
    const notRejected = rows.find((r) => r.state !== 'rejected');
    if (notRejected) {
      const state = OUTBOX_STATE_LABELS[notRejected.state].toLowerCase();
      throw new Refused('conflict', `${notRejected.registrationNo} tidak sedang ditolak upstream (${state}); tidak ada yang dikirim ulang.`);
    }
    const requeued = tx
      .update(outbox)
      .set({ state: 'queued', attempts: 0, nextAttemptAt: null, lastError: null, fieldErrors: null })
      .where(and(inArray(outbox.complaintId, unique), inState('rejected')))
      .run().changes;
    return { requeued };
  });
}

/**
 * How many rows are in each state. `sent` (nearly all, once drained) is the rest of the table's
 * count, so only the states with a partial index are counted entry by entry (read every second).
 */
export function stateCounts(db: Db): Record<OutboxState, number> {
  const n = (where?: SQL) => db.select({ n: count() }).from(outbox).where(where).get()?.n ?? 0;
  const counts = Object.fromEntries(OUTBOX_STATES.filter((s) => s !== 'sent').map((s) => [s, n(inState(s))])) as Record<OutboxState, number>;
  counts.sent = n() - OUTBOX_STATES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return counts;
}

/** The soonest retry of a queued row: the first entry of its partial index. */
export function earliestRetry(db: Db): string | null {
  return (
    db
      .select({ at: outbox.nextAttemptAt })
      .from(outbox)
      .where(and(inState('queued'), isNotNull(outbox.nextAttemptAt)))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(1)
      .get()?.at ?? null
  );
}

/** The rows in `states`, oldest queued first: each state from its partial index, merged. */
export function outboxItems(db: Db, states: OutboxState[], limit: number) {
  const of = (state: OutboxState) =>
    db
      .select({
        complaintId: outbox.complaintId,
        registrationNo: complaints.registrationNo,
        version: outbox.version,
        state: outbox.state,
        queuedAt: outbox.queuedAt,
        attempts: outbox.attempts,
        nextAttemptAt: outbox.nextAttemptAt,
        lastError: outbox.lastError,
        fieldErrors: outbox.fieldErrors,
        sentVersion: outbox.sentVersion,
        trackingId: outbox.trackingId,
      })
      .from(outbox)
      .innerJoin(complaints, eq(complaints.id, outbox.complaintId))
      .where(inState(state))
      .orderBy(asc(outbox.queuedAt), asc(outbox.complaintId))
      .limit(limit)
      .all();
  const byQueue = (a: { queuedAt: string; complaintId: string }, b: typeof a) =>
    a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.complaintId < b.complaintId ? -1 : a.complaintId > b.complaintId ? 1 : 0;
  return states.flatMap(of).sort(byQueue).slice(0, limit);
}

export function outboxOf(db: Db, id: string): OutboxRow | undefined {
  return db.select().from(outbox).where(eq(outbox.complaintId, id)).get();
}

/** A complaint's own sync facts for its page (null only for a row the outbox never saw). */
export function complaintSyncOf(db: Db, c: { id: string; updatedAt: string }): ComplaintDetail['sync'] {
  const o = outboxOf(db, c.id);
  if (!o) return null;
  const { state, version, sentVersion, trackingId, sentAt, fieldErrors, lastError, upstreamStatus, upstreamStatusAt } = o;
  return { state, version, sentVersion, trackingId, sentAt, fieldErrors, lastError, upstreamStatus, upstreamStatusAt, officeChangedLater: !!upstreamStatusAt && c.updatedAt > upstreamStatusAt };
}

/** A new upstream needs everything again; its tracking ids replace the old one's. */
export function requeueAll(db: Db): void {
  inTransaction(db, (tx) => {
    tx.update(outbox)
      .set({ state: 'queued', sentVersion: null, trackingId: null, sentAt: null, outcome: null, attempts: 0, nextAttemptAt: null, lastError: null, fieldErrors: null, upstreamStatus: null, upstreamStatusAt: null })
      .run();
    tx.delete(upstreamBlobs).run();
    tx.delete(syncMeta).where(eq(syncMeta.key, 'cursor')).run();
  });
}

// ---- attachments known upstream -----------------------------------------------------------------

export function blobKnown(db: Db, sha256: string): boolean {
  return !!db.select({ s: upstreamBlobs.sha256 }).from(upstreamBlobs).where(eq(upstreamBlobs.sha256, sha256)).get();
}

export function forgetBlobs(db: Db, sha256s: string[]): void {
  if (sha256s.length) db.delete(upstreamBlobs).where(inArray(upstreamBlobs.sha256, sha256s)).run();
}

export function markBlob(db: Db, sha256: string, now: string): void {
  db.insert(upstreamBlobs).values({ sha256, uploadedAt: now }).onConflictDoNothing().run();
}

// ---- meta and run log ---------------------------------------------------------------------------

export type MetaKey = 'url' | 'officeId' | 'cursor' | 'lastSuccessAt' | 'clockSkewMs';

export function getMeta(db: Db, key: MetaKey): string | null {
  return db.select().from(syncMeta).where(eq(syncMeta.key, key)).get()?.value ?? null;
}

export function setMeta(db: Db, key: MetaKey, value: string | null): void {
  if (value === null) db.delete(syncMeta).where(eq(syncMeta.key, key)).run();
  else db.insert(syncMeta).values({ key, value }).onConflictDoUpdate({ target: syncMeta.key, set: { value } }).run();
}

/** Points sync at an address. A different upstream needs every complaint again; the same one answers `duplicate`. */
export function setUpstreamUrl(db: Db, url: string): void {
  const clean = normalizeUpstreamUrl(url);
  inTransaction(db, (tx) => {
    const before = getMeta(tx, 'url') ?? '';
    if (clean === before) return;
    setMeta(tx, 'url', clean || null);
    if (before && clean) requeueAll(tx);
  });
}

const RUNS_KEPT = 500;

export function addRun(db: Db, run: Omit<typeof syncRuns.$inferInsert, 'id'>): void {
  inTransaction(db, (tx) => {
    const { id } = tx.insert(syncRuns).values(run).returning({ id: syncRuns.id }).get();
    tx.delete(syncRuns).where(lte(syncRuns.id, id - RUNS_KEPT)).run();
  });
}

export function recentRuns(db: Db, limit: number) {
  return db.select().from(syncRuns).orderBy(desc(syncRuns.id)).limit(limit).all();
}

// ---- pulled updates -----------------------------------------------------------------------------

/**
 * Stores a page of upstream updates and the cursor after it, in one transaction. Each (client_id,
 * seq) is kept once, however often the upstream repeats it; a new one becomes an `upstream` event
 * in the complaint's history. The office's own fields and status are never overwritten: the
 * upstream's status is kept beside them (outbox.upstream_status) and the detail page shows both.
 */
export function applyUpdates(db: Db, updates: UpdateV1[], nextCursor: string, now: string): number {
  let fresh = 0;
  inTransaction(db, (tx) => {
    for (const u of updates) {
      const at = new Date(u.at).toISOString();
      const inserted = tx
        .insert(upstreamUpdates)
        .values({ clientId: u.client_id, seq: u.seq, trackingId: u.tracking_id, status: u.status, at, note: u.note ?? null, by: u.by ?? null, receivedAt: now })
        .onConflictDoNothing()
        .run().changes;
      if (!inserted) continue;
      const exists = tx.select({ id: complaints.id }).from(complaints).where(eq(complaints.id, u.client_id)).get();
      if (!exists) continue; // another office's case on a shared hub
      fresh++;
      appendEvent(tx, { complaintId: u.client_id, type: 'upstream', at, actor: u.by ?? null, note: u.note ?? null, data: { status: u.status, upstreamSeq: u.seq, trackingId: u.tracking_id } });
      tx.update(outbox)
        .set({ upstreamStatus: u.status, upstreamStatusAt: at, trackingId: sql`coalesce(${outbox.trackingId}, ${u.tracking_id})` })
        .where(and(eq(outbox.complaintId, u.client_id), or(isNull(outbox.upstreamStatusAt), lte(outbox.upstreamStatusAt, at))))
        .run();
    }
    setMeta(tx, 'cursor', nextCursor);
  });
  return fresh;
}
