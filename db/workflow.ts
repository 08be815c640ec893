// Applies a decided transition: the complaint's new state and fields, its version, the event and
// the next deadline all change in one transaction, so history and state never disagree.
import { and, eq, isNull, notInArray } from 'drizzle-orm';
import { computeDeadlines, nextDue, withArchiveProposal, type Deadline, type DeadlineDays } from '../forms/deadlines';
import type { TimeZone } from '../forms/time';
import { CLOSED_STATUSES } from '../forms/vocabulary';
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

export function deadlinesOf(db: Db, row: ComplaintRow, ctx: DeadlineContext, now: string): Deadline[] {
  const events = db
    .select({ type: complaintEvents.type, at: complaintEvents.at, data: complaintEvents.data })
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, row.id))
    .orderBy(complaintEvents.seq)
    .all();
  return withArchiveProposal(computeDeadlines(row, events, ctx.calendar, ctx.tz, ctx.days), row.status, now);
}

function nextDueFields(db: Db, row: ComplaintRow, ctx: DeadlineContext, now: string) {
  if (CLOSED_STATUSES.includes(row.status)) return { nextDueAt: null, nextDueKind: null };
  const next = nextDue(deadlinesOf(db, row, ctx, now));
  return { nextDueAt: next?.dueAt ?? null, nextDueKind: next?.kind ?? null };
}

/** Takes a handling step (validated by forms/workflow.ts transitionInput) on a complaint. */
export function applyTransition(db: Db, { id, action, input, actor }: Transition, ctx: DeadlineContext, now: string): ComplaintRow {
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
      actor,
      note: typeof note === 'string' ? note : null,
      data: { ...data, from: row.status, to: decision.to, version: row.version + 1 },
    });
    const updated = { ...row, ...writesOf({ action, input }), status: decision.to, version: row.version + 1, updatedAt: now };
    const due = nextDueFields(tx, updated, ctx, now);
    const { id: _id, createdAt: _c, registrationNo: _r, ...set } = { ...updated, ...due };
    return tx.update(complaints).set(set).where(eq(complaints.id, id)).returning().get();
  });
}

/** Sets next_due_* on a new complaint inside the saving transaction. */
export function initialDue(db: Db, row: ComplaintRow, ctx: DeadlineContext, now: string) {
  const due = nextDueFields(db, row, ctx, now);
  db.update(complaints).set(due).where(eq(complaints.id, row.id)).run();
  return due;
}

/**
 * Recomputes next_due_* for open complaints: after the calendar or the deadline settings change,
 * and at start-up for rows from before deadlines existed. `onlyMissing` limits it to the latter.
 */
export function recomputeOpenDeadlines(db: Db, ctx: DeadlineContext, now: string, onlyMissing = false): number {
  const open = notInArray(complaints.status, [...CLOSED_STATUSES]);
  const rows = db.select().from(complaints).where(onlyMissing ? and(open, isNull(complaints.nextDueAt)) : open).all();
  inTransaction(db, (tx) => {
    for (const row of rows) {
      const due = nextDueFields(tx, row, ctx, now);
      if (due.nextDueAt !== row.nextDueAt || due.nextDueKind !== row.nextDueKind) {
        tx.update(complaints).set(due).where(eq(complaints.id, row.id)).run();
      }
    }
  });
  return rows.length;
}

