// Applies a decided transition: the complaint's new state and fields, its version, the event and
// the next deadline all change in one transaction, so history and state never disagree.
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { computeDeadlines, nextDue, withArchiveProposal, type CaseForDeadlines, type Deadline, type DeadlineDays, type EventForDeadlines } from '../forms/deadlines';
import type { TimeZone } from '../forms/time';
import { CLOSED_STATUSES, OPEN_STATUSES } from '../forms/vocabulary';
import { deadlineDays } from '../forms/settings';
import type { Calendar } from '../forms/working-days';
import { decide, writesOf, type CaseFacts, type Transition } from '../forms/workflow';
import { CASE_NOT_FOUND, Refused } from './errors';
import { appendEvent } from './events';
import { inTransaction, type Db } from './open';
import { calendarOf } from './holidays';
import { complaintEvents, complaints } from './schema';
import { getSettings } from './settings';

type ComplaintRow = typeof complaints.$inferSelect;

export interface DeadlineContext {
  calendar: Calendar;
  tz: TimeZone;
  days: DeadlineDays;
}

/** The office's calendar, time zone and day counts as they stand now. */
export function deadlineContextOf(db: Db): DeadlineContext {
  const s = getSettings(db);
  return { calendar: calendarOf(db), tz: s.timeZone, days: deadlineDays(s) };
}

const eventsOf = (db: Db, id: string): EventForDeadlines[] =>
  db.select({ type: complaintEvents.type, at: complaintEvents.at, data: complaintEvents.data }).from(complaintEvents).where(eq(complaintEvents.complaintId, id)).orderBy(complaintEvents.seq).all();

const deadlinesFrom = (row: CaseForDeadlines, events: EventForDeadlines[], ctx: DeadlineContext, now: string): Deadline[] =>
  withArchiveProposal(computeDeadlines(row, events, ctx.calendar, ctx.tz, ctx.days), row.status, now);

export function deadlinesOf(db: Db, row: ComplaintRow, ctx: DeadlineContext, now: string): Deadline[] {
  return deadlinesFrom(row, eventsOf(db, row.id), ctx, now);
}

/** The earliest open deadline of a case from its events (none once it is closed). */
function dueFrom(row: CaseForDeadlines, events: EventForDeadlines[], ctx: DeadlineContext, now: string) {
  if (CLOSED_STATUSES.includes(row.status)) return { nextDueAt: null, nextDueKind: null };
  const next = nextDue(deadlinesFrom(row, events, ctx, now));
  return { nextDueAt: next?.dueAt ?? null, nextDueKind: next?.kind ?? null };
}

/** Takes a handling step (validated by forms/workflow.ts transitionInput) on a complaint. */
export function applyTransition(db: Db, { id, action, input }: Transition, ctx: DeadlineContext, now: string, actor: { id: string | null; name: string } | null = null): ComplaintRow {
  return inTransaction(db, (tx) => {
    const row = tx.select().from(complaints).where(eq(complaints.id, id)).get();
    if (!row) throw new Refused('not_found', CASE_NOT_FOUND);
    const facts: CaseFacts = { status: row.status, form: row.form, classification: row.classification, satisfaction: row.satisfaction };
    const decision = decide(facts, action, input);
    if (!decision.ok) throw new Refused('conflict', decision.message);

    // The event keeps the input as given (forms/history.ts reads it back typed); the note beside it.
    const { note, ...data }: Record<string, unknown> = input;
    appendEvent(tx, {
      complaintId: id,
      type: action,
      at: now,
      actor: actor?.name ?? null,
      actorAccountId: actor?.id ?? null,
      note: typeof note === 'string' ? note : null,
      data: { ...data, from: row.status, to: decision.to, version: row.version + 1 },
    });
    const updated = { ...row, ...writesOf({ action, input }), status: decision.to, version: row.version + 1, updatedAt: now };
    // A closed case has no deadline left: its events are not read.
    const due = dueFrom(updated, CLOSED_STATUSES.includes(updated.status) ? [] : eventsOf(tx, id), ctx, now);
    const { id: _id, createdAt: _c, registrationNo: _r, ...set } = { ...updated, ...due };
    return tx.update(complaints).set(set).where(eq(complaints.id, id)).returning().get();
  });
}

/** A new complaint's first deadline, from its row and its first event (before either is written). */
export function firstDueOf(row: CaseForDeadlines, created: EventForDeadlines, ctx: DeadlineContext, now: string) {
  return dueFrom(row, [created], ctx, now);
}

/** Complaints with something pending (their next deadline is kept). */
export function openComplaintCount(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(complaints).where(inArray(complaints.status, [...OPEN_STATUSES])).get()?.n ?? 0;
}

/** Open complaints per chunk of a recomputation: one short write transaction each. */
export const RECOMPUTE_CHUNK = 500;

export interface RecomputedChunk {
  /** The rowid to continue after. */
  last: number;
  rows: number;
  changed: number;
}

/** A complaint's recomputed next deadline, to be written only while it is still at `version`. */
export type DueChange = [id: string, nextDueAt: string | null, nextDueKind: string | null, version: number];

export interface ComputedChunk {
  /** The rowid to continue after. */
  last: number;
  rows: number;
  /** The complaints whose stored next deadline differs from the computed one. */
  changes: DueChange[];
}

/**
 * Computes next_due_* for the next `size` open complaints after rowid `after` (null when none is
 * left), reading only: the background worker computes, the app's own connection writes
 * (writeDueChanges).
 */
export function computeDeadlineChunk(db: Db, ctx: DeadlineContext, now: string, after: number, size = RECOMPUTE_CHUNK, onlyMissing = false): ComputedChunk | null {
  const rowid = sql<number>`${complaints}.rowid`;
  const rows = db
    .select({
      rowid,
      id: complaints.id,
      version: complaints.version,
      form: complaints.form,
      channel: complaints.channel,
      status: complaints.status,
      receivedAt: complaints.receivedAt,
      classification: complaints.classification,
      darwas: complaints.darwas,
      resolution: complaints.resolution,
      nextDueAt: complaints.nextDueAt,
      nextDueKind: complaints.nextDueKind,
    })
    .from(complaints)
    // In rowid order (`+status` keeps the status index out: with it every chunk would sort them all).
    .where(and(gt(rowid, after), inArray(sql`+${complaints.status}`, [...OPEN_STATUSES]), onlyMissing ? isNull(complaints.nextDueAt) : undefined))
    .orderBy(asc(rowid))
    .limit(size)
    .all();
  if (rows.length === 0) return null;
  const events = new Map<string, EventForDeadlines[]>();
  for (const e of db
    .select({ complaintId: complaintEvents.complaintId, type: complaintEvents.type, at: complaintEvents.at, data: complaintEvents.data })
    .from(complaintEvents)
    .where(inArray(complaintEvents.complaintId, rows.map((r) => r.id)))
    .orderBy(asc(complaintEvents.complaintId), asc(complaintEvents.seq))
    .all()) {
    const list = events.get(e.complaintId) ?? [];
    if (!list.length) events.set(e.complaintId, list);
    list.push(e);
  }
  const changes: DueChange[] = [];
  for (const row of rows) {
    const due = dueFrom(row, events.get(row.id) ?? [], ctx, now);
    if (due.nextDueAt !== row.nextDueAt || due.nextDueKind !== row.nextDueKind) changes.push([row.id, due.nextDueAt, due.nextDueKind, row.version]);
  }
  return { last: rows.at(-1)!.rowid, rows: rows.length, changes };
}

/**
 * Writes computed next deadlines in one short transaction, only where the complaint is still at
 * the version read (a step taken meanwhile wrote its own, newer value); the number written.
 */
export function writeDueChanges(db: Db, changes: DueChange[]): number {
  if (changes.length === 0) return 0;
  return inTransaction(db, (tx) =>
    tx.run(sql`UPDATE complaints SET next_due_at = j.value ->> 1, next_due_kind = j.value ->> 2
      FROM json_each(${JSON.stringify(changes)}) AS j WHERE complaints.id = j.value ->> 0 AND complaints.version = j.value ->> 3`),
  ).changes;
}

/** Computes and writes the next chunk on this connection (null when none is left). */
export function recomputeDeadlineChunk(db: Db, ctx: DeadlineContext, now: string, after: number, size = RECOMPUTE_CHUNK, onlyMissing = false): RecomputedChunk | null {
  const chunk = computeDeadlineChunk(db, ctx, now, after, size, onlyMissing);
  if (!chunk) return null;
  writeDueChanges(db, chunk.changes);
  return { last: chunk.last, rows: chunk.rows, changed: chunk.changes.length };
}

/**
 * Recomputes next_due_* for open complaints, chunk by chunk, on this connection: at start-up for
 * rows from before deadlines existed (`onlyMissing`), and wherever a caller must wait for it. After
 * a calendar or settings change the app runs the same chunks in its background worker
 * (server/background/), so a big office's windows never wait for them.
 */
export function recomputeOpenDeadlines(db: Db, ctx: DeadlineContext, now: string, onlyMissing = false): number {
  let after = 0;
  let rows = 0;
  for (let chunk; (chunk = recomputeDeadlineChunk(db, ctx, now, after, RECOMPUTE_CHUNK, onlyMissing)); after = chunk.last) rows += chunk.rows;
  return rows;
}
