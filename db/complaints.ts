import { count, desc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { ComplaintData, ComplaintListItem } from '../forms/complaint';
import { formatRegistrationNo, type Settings } from '../forms/settings';
import { fromLocal, toLocal } from '../forms/time';
import { HIDDEN_REPORTER, type Channel } from '../forms/vocabulary';
import type { Db } from './open';
import { complaintEvents, complaints, registrationCounters } from './schema';

export type ComplaintRow = typeof complaints.$inferSelect;
export type NewComplaintRow = typeof complaints.$inferInsert;

function channelOf(data: ComplaintData): Channel {
  if (data.form === 'A') return 'tatap_muka';
  if (data.form === 'B') return 'kotak_pengaduan';
  return data.channel;
}

/** Maps a validated form payload to its row; the registration number is filled in at insert time. */
export function rowFromInput(data: ComplaintData, settings: Settings, now: string): Omit<NewComplaintRow, 'registrationNo'> {
  return {
    id: uuidv7(),
    version: 1,
    form: data.form,
    channel: channelOf(data),
    receivedAt: fromLocal({ date: data.receivedDate, time: data.receivedTime }, settings.timeZone),
    slipDate: data.form === 'B' ? data.slipDate : null,
    problem: data.form === 'A' ? data.problem : null,
    content: data.content,
    resolution: data.form === 'A' ? data.resolution : null,
    reporterName: data.reporterName,
    reporterInstitution: data.form === 'B' ? null : data.reporterInstitution,
    reporterAddress: data.reporterAddress,
    reporterPhone: data.form === 'A' ? null : data.reporterPhone,
    reporterEmail: data.form === 'B' ? data.reporterEmail : null,
    reporterGender: data.form === 'B' ? data.reporterGender : null,
    anonymous: data.anonymous,
    confidential: data.confidential,
    officer: data.officer,
    status: 'diterima',
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Inserts a complaint, its registration number and its first event. Must run inside a transaction
 * (the caller's), so the counter, the row and the event commit or vanish together.
 */
export function insertComplaint(tx: Db, row: Omit<NewComplaintRow, 'registrationNo'>, settings: Settings): ComplaintRow {
  const year = Number(toLocal(row.createdAt, settings.timeZone).date.slice(0, 4));
  const counter = tx
    .insert(registrationCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: registrationCounters.year, set: { last: sql`${registrationCounters.last} + 1` } })
    .returning()
    .get();
  const registrationNo = formatRegistrationNo(settings.registrationFormat, year, counter.last);
  const inserted = tx.insert(complaints).values({ ...row, registrationNo }).returning().get();
  tx.insert(complaintEvents)
    .values({
      id: uuidv7(),
      complaintId: inserted.id,
      seq: 1,
      type: 'created',
      at: row.createdAt,
      actor: row.officer ?? null,
      data: { version: 1, form: row.form },
    })
    .run();
  return inserted;
}

export function createComplaint(db: Db, data: ComplaintData, settings: Settings, now = new Date().toISOString()): ComplaintRow {
  const row = rowFromInput(data, settings, now);
  return db.transaction((tx) => insertComplaint(tx as unknown as Db, row, settings), { behavior: 'immediate' });
}

/** The name a list may show: protected reporters are never named outside their case file. */
export function reporterDisplay(row: Pick<ComplaintRow, 'reporterName' | 'anonymous' | 'confidential'>): string {
  if (row.anonymous || row.confidential) return HIDDEN_REPORTER;
  return row.reporterName ?? '(tanpa nama)';
}

function summaryOf(row: Pick<ComplaintRow, 'problem' | 'content'>): string {
  const text = row.problem ?? row.content;
  return text.length > 160 ? text.slice(0, 157) + '…' : text;
}

export function listComplaints(db: Db, opts: { limit: number; offset: number; form?: ComplaintRow['form'] }): { items: ComplaintListItem[]; total: number } {
  const where = opts.form ? eq(complaints.form, opts.form) : undefined;
  const rows = db
    .select({
      id: complaints.id,
      registrationNo: complaints.registrationNo,
      form: complaints.form,
      channel: complaints.channel,
      receivedAt: complaints.receivedAt,
      reporterName: complaints.reporterName,
      problem: complaints.problem,
      content: complaints.content,
      status: complaints.status,
      anonymous: complaints.anonymous,
      confidential: complaints.confidential,
      version: complaints.version,
    })
    .from(complaints)
    .where(where)
    .orderBy(desc(complaints.receivedAt), desc(complaints.id))
    .limit(opts.limit)
    .offset(opts.offset)
    .all();
  const total = db.select({ n: count() }).from(complaints).where(where).get()?.n ?? 0;
  return {
    items: rows.map(({ reporterName, problem, content, ...r }) => ({
      ...r,
      reporter: reporterDisplay({ reporterName, anonymous: r.anonymous, confidential: r.confidential }),
      summary: summaryOf({ problem, content }),
    })),
    total,
  };
}
