// The drizzle schema is the single source of the tables; migrations in db/migrations are generated
// from it by drizzle-kit (`npm run db:generate`) and applied at start-up by db/migrate.ts.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AuditAction } from '../forms/audit';
import type { DeadlineKind } from '../forms/deadlines';
import type { Role } from '../forms/roles';
import type { OutboxState } from '../forms/sync';
import type { Channel, Classification, ComplaintStatus, FormKind, Gender, Jenis, Outcome, Sanction, Satisfaction } from '../forms/vocabulary';

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

/** Complaints are never deleted (a trigger refuses it); `version` grows with every change. */
export const complaints = sqliteTable(
  'complaints',
  {
    id: text('id').primaryKey(), // UUIDv7, born with the complaint, the upstream's client_id
    version: integer('version').notNull().default(1),
    formVersion: integer('form_version').notNull().default(1),
    registrationNo: text('registration_no').notNull(),
    form: text('form').$type<FormKind>().notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    receivedAt: text('received_at').notNull(), // UTC ISO instant
    slipDate: text('slip_date'), // Formulir B: the date written on the slip
    problem: text('problem'),
    content: text('content').notNull(),
    resolution: text('resolution'),
    reporterName: text('reporter_name'),
    reporterInstitution: text('reporter_institution'),
    reporterAddress: text('reporter_address'),
    reporterPhone: text('reporter_phone'),
    reporterEmail: text('reporter_email'),
    reporterGender: text('reporter_gender').$type<Gender>(),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
    confidential: integer('confidential', { mode: 'boolean' }).notNull().default(false),
    /** *Petugas penerima*: the account's name when saved (rows from before accounts: as typed). */
    officer: text('officer'),
    officerAccountId: text('officer_account_id'),
    status: text('status').$type<ComplaintStatus>().notNull().default('diterima'),
    // Set at verification (docs/forms.md: jenis, klasifikasi, DarWas, kategori, terlapor).
    classification: text('classification').$type<Classification>(),
    jenis: text('jenis').$type<Jenis>(),
    darwas: integer('darwas', { mode: 'boolean' }),
    category: text('category'),
    /** Terlapor: the person or unit complained about (name, NIP, position, agency), as written. */
    reportedParty: text('reported_party'),
    // Set when finished: the verdict and sanction columns of the recaps (docs/recaps.md).
    outcome: text('outcome').$type<Outcome>(),
    sanctions: text('sanctions', { mode: 'json' }).$type<Sanction[]>().notNull().default(sql`'[]'`),
    satisfaction: text('satisfaction').$type<Satisfaction>(),
    // The earliest open deadline, kept in step with the events, for the work views.
    nextDueAt: text('next_due_at'),
    nextDueKind: text('next_due_kind').$type<DeadlineKind>(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('complaints_registration_no').on(t.registrationNo),
    // (received_at, id) serves the list's ORDER BY received_at, id without a sort step.
    index('complaints_received_at_id').on(t.receivedAt, t.id),
    index('complaints_created_at').on(t.createdAt),
    index('complaints_status_due').on(t.status, t.nextDueAt),
    index('complaints_next_due').on(t.nextDueAt),
    index('complaints_form_received_at').on(t.form, t.receivedAt),
    index('complaints_channel_received_at').on(t.channel, t.receivedAt),
    index('complaints_reporter_phone').on(t.reporterPhone),
    index('complaints_reporter_email').on(t.reporterEmail),
    // The duplicate hint matches names case-insensitively.
    index('complaints_reporter_name_lower').on(sql`lower(${t.reporterName})`),
  ],
);

/** Append-only history of each complaint (triggers refuse UPDATE and DELETE). */
export const complaintEvents = sqliteTable(
  'complaint_events',
  {
    id: text('id').primaryKey(),
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: text('at').notNull(),
    /** Who took the step: the account's name at the time (older rows: as typed); the account's id. */
    actor: text('actor'),
    actorAccountId: text('actor_account_id'),
    note: text('note'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  },
  (t) => [uniqueIndex('complaint_events_complaint_seq').on(t.complaintId, t.seq)],
);

/**
 * Numbers handed out per year (year 0: the one running counter of a format without {YYYY}); bumped
 * in the same transaction as the insert that uses them.
 */
export const registrationCounters = sqliteTable('registration_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/** One row per setting; values are JSON and validated by forms/settings.ts on the way in and out. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(), // JSON; a null setting is the JSON text 'null'
  updatedAt: text('updated_at').notNull(),
});

/**
 * Unfinished forms, autosaved while the officer types. The draft's id becomes the complaint's id
 * (the upstream client_id is born with the first draft), and the row is deleted in the same
 * transaction that saves the complaint, or when the officer discards it.
 */
export const drafts = sqliteTable(
  'drafts',
  {
    id: text('id').primaryKey(),
    form: text('form').$type<FormKind>().notNull(),
    data: text('data').notNull(), // JSON of the form's raw values, as typed
    attachments: text('attachments').notNull().default('[]'), // JSON AttachmentRef[]
    /** The window editing it (a per-tab id) and until when; another window may not take it over. */
    holder: text('holder'),
    heldUntil: text('held_until'),
    ...timestamps,
  },
  (t) => [index('drafts_form_updated').on(t.form, t.updatedAt)],
);

/** Files kept under <data>/attachments/<sha256>; the row ties one to a complaint. */
export const complaintAttachments = sqliteTable(
  'complaint_attachments',
  {
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id),
    sha256: text('sha256').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (t) => [uniqueIndex('complaint_attachments_pk').on(t.complaintId, t.sha256)],
);

/**
 * Non-working dates of the office calendar. Years with a decree come from the shipped SKB data
 * (source 'skb'); other years are seeded from date-holidays as provisional, for an admin to correct
 * and complete. Rows an admin saved or imported are the office's own and shipped data never
 * changes them.
 */
export const holidays = sqliteTable('holidays', {
  date: text('date').primaryKey(), // YYYY-MM-DD
  name: text('name').notNull(),
  kind: text('kind').$type<'libur_nasional' | 'cuti_bersama'>().notNull(),
  status: text('status').$type<'sementara' | 'resmi'>().notNull(),
  source: text('source').$type<'skb' | 'date-holidays' | 'admin' | 'impor'>().notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The shipped official calendar (forms/official-calendars.ts) each year was last brought in from:
 * a different fingerprint at start-up means the app ships new or amended data for that year.
 */
export const officialCalendars = sqliteTable('official_calendars', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  fingerprint: text('fingerprint').notNull(),
  appliedAt: text('applied_at').notNull(),
});

/** Monitoring dan evaluasi per quarter (docs/recaps.md): the supervisor's rows, saved and editable. */
export const monev = sqliteTable(
  'monev',
  {
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    rows: text('rows', { mode: 'json' }).$type<{ activity: string; obstacles: string; plan: string }[]>().notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('monev_year_quarter').on(t.year, t.quarter)],
);

/**
 * The transactional outbox, one row per complaint: triggers on `complaints` (migration 0008) write
 * it in the same transaction as every insert and version bump, so a committed change is always
 * queued and nothing uncommitted ever is. The row also keeps the upstream's receipt (tracking id,
 * the version it acknowledged, when) and the upstream's latest status of the case.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    complaintId: text('complaint_id')
      .primaryKey()
      .references(() => complaints.id),
    /** The newest version of the complaint; only this one is ever sent. */
    version: integer('version').notNull(),
    state: text('state').$type<OutboxState>().notNull(),
    queuedAt: text('queued_at').notNull(),
    /** Retryable rejections of this version so far (network faults are counted per run, not here). */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    fieldErrors: text('field_errors', { mode: 'json' }).$type<{ field: string; message: string }[]>(),
    sentVersion: integer('sent_version'),
    outcome: text('outcome'),
    trackingId: text('tracking_id'),
    sentAt: text('sent_at'),
    upstreamStatus: text('upstream_status'),
    upstreamStatusAt: text('upstream_status_at'),
  },
  // Partial indexes: a row is in the one of its state (none once sent, nearly every row), so
  // sending a batch moves each row out of one small index instead of across a whole-table one.
  (t) => [
    // The queue in the order it is sent.
    index('outbox_due').on(t.queuedAt, t.complaintId).where(sql`state = 'queued'`),
    // Queued rows waiting out a retry delay: the soonest retry and how many still wait.
    index('outbox_retry').on(t.nextAttemptAt).where(sql`state = 'queued' AND next_attempt_at IS NOT NULL`),
    index('outbox_sending').on(t.queuedAt, t.complaintId).where(sql`state = 'sending'`),
    index('outbox_rejected').on(t.queuedAt, t.complaintId).where(sql`state = 'rejected'`),
  ],
);

/** Attachment bytes the upstream is known to hold (HEAD said so, or our PUT succeeded). */
export const upstreamBlobs = sqliteTable('upstream_blobs', {
  sha256: text('sha256').primaryKey(),
  uploadedAt: text('uploaded_at').notNull(),
});

/** Updates pulled from the upstream, kept once per (client_id, seq) whatever the upstream repeats. */
export const upstreamUpdates = sqliteTable(
  'upstream_updates',
  {
    clientId: text('client_id').notNull(),
    seq: integer('seq').notNull(),
    trackingId: text('tracking_id').notNull(),
    status: text('status').notNull(),
    at: text('at').notNull(),
    note: text('note'),
    by: text('by'),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [uniqueIndex('upstream_updates_client_seq').on(t.clientId, t.seq)],
);

/** Small durable sync facts: the pull cursor, the last success, the upstream's clock. */
export const syncMeta = sqliteTable('sync_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** One row per sync run that did something or failed, for the Sinkronisasi page's log. */
export const syncRuns = sqliteTable(
  'sync_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at').notNull(),
    sent: integer('sent').notNull(),
    accepted: integer('accepted').notNull(),
    rejected: integer('rejected').notNull(),
    pulled: integer('pulled').notNull(),
    error: text('error'),
  },
  (t) => [index('sync_runs_started').on(t.startedAt)],
);

/**
 * Staff accounts (forms/accounts.ts). Never deleted (a trigger refuses it), only deactivated, so
 * every event and audit row keeps pointing at a real account. The password is only ever stored as
 * its scrypt hash (server/passwords.ts). `failed_attempts` and `locked_at` (wall clock) carry a
 * lockout across restarts (forms/lockout.ts).
 */
export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  name: text('name').notNull(),
  nip: text('nip'),
  roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  passwordHash: text('password_hash').notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedAt: text('locked_at'),
  ...timestamps,
});

/**
 * The audit log (forms/audit.ts): append-only (triggers refuse UPDATE and DELETE) and
 * tamper-evident: `hash` is SHA-256 over the previous row's hash and this row's canonical JSON
 * (db/audit.ts), so a row changed or removed in the file breaks the chain from there on.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    /** The account that acted (null: the command line, the app itself, an unknown name at sign-in). */
    accountId: text('account_id'),
    /** Its name at the time. */
    accountName: text('account_name').notNull(),
    action: text('action').$type<AuditAction>().notNull(),
    method: text('method'),
    object: text('object'),
    outcome: text('outcome').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_account_seq').on(t.accountId, t.seq), index('audit_log_action_seq').on(t.action, t.seq), index('audit_log_at').on(t.at)],
);

/**
 * Facts about this data folder, one JSON value per key (db/local-state.ts): the backup settings
 * (folder, daily time, the key derived from the admin's backup password, never the password
 * itself), the last good backup and the last failure, and whether every attachment file is
 * encrypted. Inside the encrypted database, so a restored folder keeps backing up as before.
 */
export const localState = sqliteTable('local_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(), // JSON
});

/**
 * Each restore from a backup: when, from which backup, how many reports went back to the outbox,
 * and how far the registration counters jumped so that no number already on a receipt (given out
 * after the backup was taken) is given out again.
 */
export const restores = sqliteTable('restores', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  restoredAt: text('restored_at').notNull(),
  backupFile: text('backup_file').notNull(),
  backupTakenAt: text('backup_taken_at').notNull(),
  backupAppVersion: text('backup_app_version').notNull(),
  requeued: integer('requeued').notNull(),
  counters: text('counters', { mode: 'json' }).$type<{ year: number; before: number; after: number }[]>().notNull(),
});
