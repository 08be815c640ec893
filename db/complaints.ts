import { and, asc, count, desc, eq, gte, inArray, lt, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AttachmentRef } from '../forms/attachments';
import { CORRECTABLE_FIELDS, CORRECTABLE_LABELS, type ComplaintData, type ComplaintDetail, type ComplaintListItem, type ComplaintListQuery, type ComplaintListResult, SEARCH_COUNT_CAP, type CorrectionInput } from '../forms/complaint';
import { formatRegistrationNo, hasYearToken, NO_YEAR_COUNTER, type Settings } from '../forms/settings';
import { DUPLICATE_THRESHOLD, DUPLICATE_WINDOW_DAYS, similarity } from '../forms/similarity';
import { workingDaysLeft } from '../forms/deadlines';
import { fromLocal, toLocal } from '../forms/time';
import { endOfLocalDay } from '../forms/working-days';
import { readEvent } from '../forms/history';
import { WORK_VIEW_KEYS, WORK_VIEWS, type WorkView, type WorkViewCounts, type WorkViewRule } from '../forms/work-views';
import { allowedActions, intakeStatus } from '../forms/workflow';
import { CLOSED_STATUSES, HIDDEN_REPORTER, OPEN_STATUSES, type Channel } from '../forms/vocabulary';
import { CASE_NOT_FOUND, Refused } from './errors';
import { appendEvent } from './events';
import { inTransaction, type Db } from './open';
import { placeholders, prepared } from './prepared';
import { complaintSyncOf } from './outbox';
import { complaintAttachments, complaintEvents, complaints, drafts, registrationCounters } from './schema';
import { searchQuery } from './search';
import { deadlinesOf, firstDueOf, type DeadlineContext } from './workflow';

export type ComplaintRow = typeof complaints.$inferSelect;
export type NewComplaintRow = Omit<typeof complaints.$inferInsert, 'registrationNo'>;

function channelOf(data: ComplaintData): Channel {
  if (data.form === 'A') return 'tatap_muka';
  if (data.form === 'B') return 'kotak_pengaduan';
  return data.channel;
}

/** An account as a record names it: its id and its name at the time. */
export interface Actor {
  id: string | null;
  name: string;
}

/**
 * Maps a validated form payload to its row; the registration number is filled in at insert time.
 * `officer` is *Petugas penerima* (the core resolves it from the input or the person signed in).
 */
export function rowFromInput(data: ComplaintData, settings: Settings, now: string, officer: Actor | null = null) {
  return {
    id: data.draftId ?? uuidv7(),
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
    officer: officer?.name ?? null,
    officerAccountId: officer?.id ?? null,
    status: intakeStatus(data),
    createdAt: now,
    updatedAt: now,
  } satisfies NewComplaintRow;
}

/** The data of a complaint's first event (`created`). */
export function createdEventData(row: Pick<NewComplaintRow, 'form' | 'status'>, extra?: Record<string, unknown>): Record<string, unknown> {
  // Answered at the counter (E. Penyelesaian): the history says so, and where the case went.
  return { version: 1, form: row.form, ...(row.status === 'diterima' ? {} : { to: row.status, answeredAtCounter: true }), ...extra };
}

// The statements of a save, each built once per connection (db/prepared.ts).
const bumpCounter = (db: Db) =>
  db
    .insert(registrationCounters)
    .values({ year: sql.placeholder('year'), last: 1 })
    .onConflictDoUpdate({ target: registrationCounters.year, set: { last: sql`${registrationCounters.last} + 1` } })
    .returning()
    .prepare();
const numberTaken = (db: Db) => db.select({ id: complaints.id }).from(complaints).where(eq(complaints.registrationNo, sql.placeholder('registrationNo'))).prepare();
/** The insert of a row with these columns (`variant`: their keys, comma-separated); the others take their defaults. */
const insertRow = (db: Db, variant: string) =>
  db
    .insert(complaints)
    .values(placeholders<typeof complaints>(variant.split(',')))
    .returning()
    .prepare();
const FIRST_EVENT_KEYS = ['id', 'complaintId', 'seq', 'type', 'at', 'actor', 'actorAccountId', 'data'] as const satisfies readonly (keyof typeof complaintEvents.$inferInsert)[];
const insertFirstEvent = (db: Db) =>
  db
    .insert(complaintEvents)
    .values(placeholders<typeof complaintEvents>(FIRST_EVENT_KEYS))
    .prepare();
const deleteDraft = (db: Db) => db.delete(drafts).where(eq(drafts.id, sql.placeholder('id'))).prepare();

/**
 * Inserts a complaint with its first deadline, its registration number, its attachments and its
 * first event, and deletes the draft it was keyed in. Must run inside the caller's transaction, so
 * all of it commits or none of it does (a number is never shown unless it was committed, so none
 * is ever reused).
 */
export function insertComplaint(
  tx: Db,
  row: NewComplaintRow,
  settings: Settings,
  extra: { attachments?: AttachmentRef[]; eventData?: Record<string, unknown>; keyedBy?: Actor | null } = {},
): ComplaintRow {
  const year = Number(toLocal(row.createdAt, settings.timeZone).date.slice(0, 4));
  // A format with {YYYY} numbers each year from 1; without it the same text would come round
  // again every January, so one counter (kept under year 0) runs on across years. A number that
  // is taken anyway (the format changed back and forth, a counter restored from an older backup)
  // is skipped rather than failing every save.
  const counterKey = hasYearToken(settings.registrationFormat) ? year : NO_YEAR_COUNTER;
  let registrationNo: string;
  do {
    const counter = prepared(tx, bumpCounter).get({ year: counterKey })!;
    registrationNo = formatRegistrationNo(settings.registrationFormat, year, counter.last);
  } while (prepared(tx, numberTaken).get({ registrationNo }));
  // As drizzle's own insert: a key left undefined takes the column's default.
  const values: Record<string, unknown> = { registrationNo };
  for (const [k, v] of Object.entries(row)) if (v !== undefined) values[k] = v;
  const inserted = prepared(tx, insertRow, Object.keys(values).join(',')).get(values)!;
  for (const a of extra.attachments ?? []) {
    tx.insert(complaintAttachments).values({ complaintId: inserted.id, ...a, addedAt: row.createdAt }).onConflictDoNothing().run();
  }
  prepared(tx, insertFirstEvent).run({
    id: uuidv7(),
    complaintId: inserted.id,
    seq: 1,
    type: 'created',
    at: row.createdAt,
    // Who keyed it (a slip collected by one officer may be keyed by another).
    actor: extra.keyedBy?.name ?? row.officer ?? null,
    actorAccountId: extra.keyedBy ? extra.keyedBy.id : (row.officerAccountId ?? null),
    data: createdEventData(row, extra.eventData),
  } satisfies Record<(typeof FIRST_EVENT_KEYS)[number], unknown>);
  prepared(tx, deleteDraft).run({ id: inserted.id });
  return inserted;
}

export function createComplaint(
  db: Db,
  data: ComplaintData,
  settings: Settings,
  ctx: DeadlineContext,
  now = new Date().toISOString(),
  people: { officer: Actor | null; keyedBy: Actor | null } = { officer: null, keyedBy: null },
): ComplaintRow {
  const row = rowFromInput(data, settings, now, people.officer);
  const eventData = data.confirmDuplicateOf ? { confirmedDespiteDuplicateOf: data.confirmDuplicateOf } : undefined;
  // The first deadline from the row and its first event, before the insert: one write of the row.
  const due = firstDueOf({ ...row, classification: null, darwas: null }, { type: 'created', at: row.createdAt, data: createdEventData(row, eventData) }, ctx, now);
  return inTransaction(db, (tx) => insertComplaint(tx, { ...row, ...due }, settings, { attachments: data.attachments, eventData, keyedBy: people.keyedBy }));
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

/** A work view's rule (forms/work-views.ts) as a filter of the list. */
function ruleWhere(rule: WorkViewRule, settings: Settings, now: string): SQL {
  const conds: SQL[] = [];
  if (rule.status) conds.push(eq(complaints.status, rule.status));
  if (rule.dueKind) conds.push(eq(complaints.nextDueKind, rule.dueKind));
  if (rule.due) {
    // The open statuses named, not the closed ones excluded: each is then one range of the index on
    // (status, next_due_at), counted without reading a row (77,000 overdue cases: 8 ms, not 500).
    conds.push(inArray(complaints.status, [...OPEN_STATUSES]));
    if (rule.due === 'past') conds.push(lt(complaints.nextDueAt, now));
    else conds.push(gte(complaints.nextDueAt, now), lte(complaints.nextDueAt, endOfLocalDay(toLocal(now, settings.timeZone).date, settings.timeZone)));
  }
  return and(...conds)!;
}

export const viewWhere = (view: WorkView, settings: Settings, now: string): SQL => ruleWhere(WORK_VIEWS[view].rule, settings, now);

/** How many complaints each work view holds now. */
export function workViewCounts(db: Db, settings: Settings, now: string): WorkViewCounts {
  const n = (view: WorkView) => db.select({ n: count() }).from(complaints).where(viewWhere(view, settings, now)).get()?.n ?? 0;
  return Object.fromEntries(WORK_VIEW_KEYS.map((v) => [v, n(v)])) as WorkViewCounts;
}

function listWhere(q: ComplaintListQuery, settings: Settings, now: string): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (q.view) conds.push(viewWhere(q.view, settings, now));
  if (q.form) conds.push(eq(complaints.form, q.form));
  if (q.channel) conds.push(eq(complaints.channel, q.channel));
  if (q.from) conds.push(gte(complaints.receivedAt, fromLocal({ date: q.from, time: '00:00' }, settings.timeZone)));
  if (q.to) {
    const next = new Date(fromLocal({ date: q.to, time: '00:00' }, settings.timeZone));
    next.setUTCDate(next.getUTCDate() + 1);
    conds.push(lt(complaints.receivedAt, next.toISOString()));
  }
  const present = conds.filter((c): c is SQL => !!c);
  return present.length ? and(...present) : undefined;
}

/**
 * The search box's matches (one index serves words and registration numbers, their beginning or
 * their tail), counted up to SEARCH_COUNT_CAP + 1 from the index, each joined to its complaint
 * only to apply the other filters.
 */
function cappedMatches(db: Db, match: string, others: SQL | undefined): number {
  const filter = others ? sql` AND ${others}` : sql``;
  const row = db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM complaints_fts JOIN ${complaints} ON ${complaints}.rowid = complaints_fts.rowid WHERE complaints_fts MATCH ${match}${filter} LIMIT ${SEARCH_COUNT_CAP + 1})`,
  );
  return row.n;
}

const ORDER = {
  received_desc: [desc(complaints.receivedAt), desc(complaints.id)],
  received_asc: [asc(complaints.receivedAt), asc(complaints.id)],
  registration_desc: [desc(complaints.registrationNo)],
  registration_asc: [asc(complaints.registrationNo)],
} as const;

export function listComplaints(db: Db, q: ComplaintListQuery, settings: Settings, now = new Date().toISOString()): ComplaintListResult {
  const others = listWhere(q, settings, now);
  const text = q.q?.trim();
  const match = text ? searchQuery(text) : undefined;
  if (match === null) return { items: [], total: 0, totalCapped: false };
  let where = others;
  let total: number | null = null;
  let totalCapped = false;
  if (match) {
    const n = cappedMatches(db, match, others);
    totalCapped = n > SEARCH_COUNT_CAP;
    total = Math.min(n, SEARCH_COUNT_CAP);
    // A few matches: read them all and sort them. Many (a common word): walk the sort's index from
    // the top and keep the rows that match, until the page is full (the unary + keeps SQLite from
    // reading every match first).
    const matches = sql`(SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ${match})`;
    where = and(others, totalCapped ? sql`+${complaints}.rowid IN ${matches}` : sql`${complaints}.rowid IN ${matches}`);
  }
  const rows = db
    .select({
      id: complaints.id,
      registrationNo: complaints.registrationNo,
      form: complaints.form,
      channel: complaints.channel,
      receivedAt: complaints.receivedAt,
      reporterName: complaints.reporterName,
      problem: sql<string | null>`substr(${complaints.problem}, 1, 200)`,
      content: sql<string>`substr(${complaints.content}, 1, 200)`,
      status: complaints.status,
      anonymous: complaints.anonymous,
      confidential: complaints.confidential,
      version: complaints.version,
      nextDueAt: complaints.nextDueAt,
    })
    .from(complaints)
    .where(where)
    .orderBy(...ORDER[q.sort])
    .limit(q.limit)
    .offset(q.offset)
    .all();
  total ??= db.select({ n: count() }).from(complaints).where(where).get()?.n ?? 0;
  return {
    items: rows.map(({ reporterName, problem, content, ...r }) => ({
      ...r,
      reporter: reporterDisplay({ reporterName, anonymous: r.anonymous, confidential: r.confidential }),
      summary: summaryOf({ problem, content }),
    })),
    total,
    totalCapped,
  };
}

export function complaintExists(db: Db, id: string): boolean {
  return !!db.select({ id: complaints.id }).from(complaints).where(eq(complaints.id, id)).get();
}

/** A complaint as its page shows it: fields, files, history, deadlines, next steps, sync state. */
export function getComplaint(db: Db, id: string, ctx: DeadlineContext, now: string): ComplaintDetail | null {
  const row = db.select().from(complaints).where(eq(complaints.id, id)).get();
  if (!row) return null;
  const attachments = db
    .select({ sha256: complaintAttachments.sha256, filename: complaintAttachments.filename, contentType: complaintAttachments.contentType, size: complaintAttachments.size, addedAt: complaintAttachments.addedAt })
    .from(complaintAttachments)
    .where(eq(complaintAttachments.complaintId, id))
    .orderBy(asc(complaintAttachments.addedAt))
    .all();
  const events = db
    .select({ seq: complaintEvents.seq, type: complaintEvents.type, at: complaintEvents.at, actor: complaintEvents.actor, actorId: complaintEvents.actorAccountId, note: complaintEvents.note, data: complaintEvents.data })
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, id))
    .orderBy(asc(complaintEvents.seq))
    .all();
  const { formVersion: _fv, nextDueAt: _n, nextDueKind: _k, ...rest } = row;
  const deadlines = deadlinesOf(db, row, ctx, now).map((d) => ({ ...d, workingDaysLeft: workingDaysLeft(d.dueAt, now, ctx.tz, ctx.calendar) }));
  const allowed = allowedActions({ status: row.status, form: row.form, classification: row.classification, satisfaction: row.satisfaction });
  return { ...rest, attachments: attachments as ComplaintDetail['attachments'], events: events.map(readEvent), deadlines, allowedActions: allowed, sync: complaintSyncOf(db, row) };
}

/** The content type a stored file was attached with (any complaint's row will do: same bytes). */
export function attachmentContentType(db: Db, sha256: string): string | null {
  return db.select({ t: complaintAttachments.contentType }).from(complaintAttachments).where(eq(complaintAttachments.sha256, sha256)).limit(1).get()?.t ?? null;
}

/** The protected (anonim or rahasia) complaints a stored file is attached to: opening it is audited. */
export function protectedHoldersOf(db: Db, sha256: string): Pick<ComplaintRow, 'id' | 'registrationNo'>[] {
  return db
    .select({ id: complaints.id, registrationNo: complaints.registrationNo })
    .from(complaintAttachments)
    .innerJoin(complaints, eq(complaints.id, complaintAttachments.complaintId))
    .where(and(eq(complaintAttachments.sha256, sha256), or(eq(complaints.anonymous, true), eq(complaints.confidential, true))))
    .all();
}

/**
 * An earlier complaint from the last 30 days whose reporter (phone, email or name) and text
 * closely match; null when there is none. Only a hint: the caller lets the officer confirm.
 *
 * Rahasia and anonymous complaints are never candidates. Any hint about them, even one that names
 * no number, would tell the person keying that this reporter filed a protected complaint about this
 * matter, which is what the protection hides (lists and search hide it too). A repeat of a
 * protected complaint is therefore saved like any new one; the handling team, who may open the
 * protected case file, recognises it at verification.
 */
/** The duplicate check's candidates; `variant` names the reporter fields given (phone, email, name). */
const duplicateCandidates = (db: Db, variant: string) => {
  const who: SQL[] = [];
  if (variant.includes('phone')) who.push(eq(complaints.reporterPhone, sql.placeholder('phone')));
  if (variant.includes('email')) who.push(eq(complaints.reporterEmail, sql.placeholder('email')));
  if (variant.includes('name')) who.push(sql`lower(${complaints.reporterName}) = lower(${sql.placeholder('name')})`);
  return db
    .select({ id: complaints.id, registrationNo: complaints.registrationNo, receivedAt: complaints.receivedAt, problem: complaints.problem, content: complaints.content })
    .from(complaints)
    .where(and(gte(complaints.createdAt, sql.placeholder('since')), or(...who), eq(complaints.anonymous, false), eq(complaints.confidential, false)))
    .orderBy(desc(complaints.createdAt))
    .limit(50)
    .prepare();
};

export function findDuplicate(db: Db, row: NewComplaintRow, now: string): Pick<ComplaintRow, 'id' | 'registrationNo' | 'receivedAt'> | null {
  const given = { phone: row.reporterPhone, email: row.reporterEmail, name: row.reporterName };
  const variant = Object.entries(given).filter(([, v]) => v).map(([k]) => k).join(',');
  if (!variant) return null;
  const since = new Date(new Date(now).getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000).toISOString();
  const candidates = prepared(db, duplicateCandidates, variant).all({ ...given, since });
  const text = [row.problem, row.content].filter(Boolean).join(' ');
  const match = candidates.find((c) => similarity(text, [c.problem, c.content].filter(Boolean).join(' ')) >= DUPLICATE_THRESHOLD);
  return match ? { id: match.id, registrationNo: match.registrationNo, receivedAt: match.receivedAt } : null;
}

/**
 * Applies a correction in one transaction: the changed fields, the version bump (the outbox
 * trigger queues it) and a `koreksi` event naming the fields and the earlier values. Earlier
 * values of a protected reporter are not copied into the history.
 */
export function correctComplaint(db: Db, input: CorrectionInput, now: string, actor: Actor | null = null): ComplaintRow {
  return inTransaction(db, (tx) => {
    const row = tx.select().from(complaints).where(eq(complaints.id, input.id)).get();
    if (!row) throw new Refused('not_found', CASE_NOT_FOUND);
    if (row.version !== input.version) throw new Refused('conflict', 'Pengaduan ini sudah diubah sejak dibuka. Muat ulang lalu koreksi lagi.');
    if (row.form === 'A' && !input.fields.problem) throw new Refused('invalid', 'Masalah pengaduan wajib diisi.', 'fields.problem');
    if (row.form !== 'B' && !input.fields.reporterName) throw new Refused('invalid', 'Nama pelapor wajib diisi pada formulir ini.', 'fields.reporterName');
    const changed = CORRECTABLE_FIELDS.filter((f) => (row[f] ?? null) !== (input.fields[f] ?? null));
    if (changed.length === 0) throw new Refused('conflict', 'Tidak ada isian yang berubah.');
    const protectedReporter = row.anonymous || row.confidential;
    const before = Object.fromEntries(changed.filter((f) => !(protectedReporter && f.startsWith('reporter'))).map((f) => [f, row[f]]));
    appendEvent(tx, {
      complaintId: row.id,
      type: 'koreksi',
      at: now,
      actor: actor?.name ?? null,
      actorAccountId: actor?.id ?? null,
      note: input.reason,
      data: { fields: changed, labels: changed.map((f) => CORRECTABLE_LABELS[f]), before, version: row.version + 1 },
    });
    const set = Object.fromEntries(changed.map((f) => [f, input.fields[f] ?? null]));
    return tx.update(complaints).set({ ...set, version: row.version + 1, updatedAt: now }).where(eq(complaints.id, row.id)).returning().get();
  });
}
