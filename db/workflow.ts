// Applies a decided transition: the complaint's new state and fields, its version, the event and
// the next deadline all change in one transaction, so history and state never disagree.
import { and, eq, isNull, notInArray } from 'drizzle-orm';
import { computeDeadlines, nextDue, withArchiveProposal, type Deadline, type DeadlineDays } from '../forms/deadlines';
import type { TimeZone } from '../forms/time';
import { CLOSED_STATUSES } from '../forms/vocabulary';
import type { Calendar } from '../forms/working-days';
import { decide, type Action, type ActionInput, type CaseFacts } from '../forms/workflow';
import type { Db } from './open';
import { appendEvent } from './events';
import { complaintEvents, complaints } from './schema';

export class TransitionRefused extends Error {}
export class CaseNotFound extends Error {}

type ComplaintRow = typeof complaints.$inferSelect;

export interface DeadlineContext {
  calendar: Calendar;
  tz: TimeZone;
  days: DeadlineDays;
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

/** What each action writes on the complaint besides its status. */
function fieldsFor<A extends Action>(action: A, input: ActionInput<A>): Partial<ComplaintRow> {
  switch (action) {
    case 'verifikasi': {
      const v = input as ActionInput<'verifikasi'>;
      return {
        classification: v.classification,
        jenis: v.jenis,
        darwas: v.darwas,
        category: v.category,
        reportedParty: v.reportedParty,
        ...(v.anonymous === undefined ? {} : { anonymous: v.anonymous }),
        ...(v.confidential === undefined ? {} : { confidential: v.confidential }),
      };
    }
    case 'jawab_langsung':
      return { resolution: (input as ActionInput<'jawab_langsung'>).answer };
    case 'selesaikan': {
      const v = input as ActionInput<'selesaikan'>;
      return { outcome: v.outcome, sanctions: v.sanctions };
    }
    case 'kepuasan': {
      const satisfied = (input as ActionInput<'kepuasan'>).satisfied;
      // Not satisfied reopens the case: the earlier outcome no longer stands.
      return satisfied ? { satisfaction: 'puas' } : { satisfaction: 'tidak_puas', outcome: null };
    }
    default:
      return {};
  }
}

export function applyTransition<A extends Action>(
  db: Db,
  id: string,
  action: A,
  input: ActionInput<A>,
  actor: string | null,
  ctx: DeadlineContext,
  now: string,
): ComplaintRow {
  return db.transaction(
    (txRaw) => {
      const tx = txRaw as unknown as Db;
      const row = tx.select().from(complaints).where(eq(complaints.id, id)).get();
      if (!row) throw new CaseNotFound(id);
      const facts: CaseFacts = { status: row.status, form: row.form, classification: row.classification, satisfaction: row.satisfaction };
      const decision = decide(facts, action, input as Record<string, unknown>);
      if (!decision.ok) throw new TransitionRefused(decision.message);

      const { note, ...data } = input as Record<string, unknown>;
      appendEvent(tx, {
        complaintId: id,
        type: action,
        at: now,
        actor,
        note: typeof note === 'string' ? note : null,
        data: { ...data, from: row.status, to: decision.to, version: row.version + 1 },
      });
      const updated = { ...row, ...fieldsFor(action, input), status: decision.to, version: row.version + 1, updatedAt: now };
      const due = nextDueFields(tx, updated, ctx, now);
      const { id: _id, createdAt: _c, registrationNo: _r, ...set } = { ...updated, ...due };
      return tx.update(complaints).set(set).where(eq(complaints.id, id)).returning().get();
    },
    { behavior: 'immediate' },
  );
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
  db.transaction((tx) => {
    for (const row of rows) {
      const due = nextDueFields(tx as unknown as Db, row, ctx, now);
      if (due.nextDueAt !== row.nextDueAt || due.nextDueKind !== row.nextDueKind) {
        tx.update(complaints).set(due).where(eq(complaints.id, row.id)).run();
      }
    }
  });
  return rows.length;
}

