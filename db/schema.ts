// The drizzle schema is the single source of the tables; migrations in db/migrations are generated
// from it by drizzle-kit (`npm run db:generate`) and applied at start-up by db/migrate.ts.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Channel, ComplaintStatus, FormKind, Gender } from '../forms/vocabulary';

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
    officer: text('officer'),
    status: text('status').$type<ComplaintStatus>().notNull().default('diterima'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('complaints_registration_no').on(t.registrationNo),
    index('complaints_received_at').on(t.receivedAt),
    index('complaints_form_received_at').on(t.form, t.receivedAt),
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
    actor: text('actor'),
    note: text('note'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  },
  (t) => [uniqueIndex('complaint_events_complaint_seq').on(t.complaintId, t.seq)],
);

/** Numbers handed out per year; bumped in the same transaction as the insert that uses them. */
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
