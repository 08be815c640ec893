// Upstream Batch API v1 as zod schemas: the app's v1 adapter checks every answer against them (only
// a well-formed answer counts), and the reference upstream in upstream/ checks every request
// against them. One declaration for both ends of the wire.
import { z } from 'zod';
import { CHANNELS } from './vocabulary';

export const MAX_BATCH_REPORTS = 100;
export const MAX_BATCH_BYTES = 1024 * 1024;

// What the app accepts from an upstream. An answer past any of these is malformed: retried with
// backoff, never read further and never stored (a hostile or broken upstream must not fill the
// PC's memory or the office's database).
/** Decoded bytes of one answer: a page of 200 updates with the longest notes, even \u-escaped, fits. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
export const MAX_TRACKING_ID = 100;
export const MAX_CURSOR = 500;
export const MAX_NOTE = 2_000;
const MAX_NAME = 200;
const MAX_FIELD_ERRORS = 50;
const MAX_ERROR_MESSAGE = 1_000;
const clientId = z.string().max(MAX_TRACKING_ID);
const trackingId = z.string().min(1).max(MAX_TRACKING_ID);

const nullableString = z.string().nullable();

export const reporterV1 = z.object({
  name: nullableString,
  institution: nullableString,
  address: nullableString,
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, { error: 'phone must be E.164' }).nullable(),
  email: nullableString,
  gender: z.enum(['L', 'P']).nullable(),
});

export const attachmentV1 = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  filename: z.string().min(1),
  content_type: z.string().min(1),
  size: z.number().int().min(0),
});

export const reportV1 = z
  .object({
    client_id: z.uuid(),
    version: z.number().int().min(1),
    registration_no: z.string().min(1),
    form: z.enum(['A', 'B', 'C']),
    channel: z.enum(CHANNELS),
    received_at: z.iso.datetime({ offset: true }),
    title: z.string().min(1).max(200),
    content: z.string().min(1),
    classification: z.enum(['pengaduan', 'aspirasi', 'permintaan_informasi']).nullable(),
    category: nullableString,
    anonymous: z.boolean(),
    confidential: z.boolean(),
    reporter: reporterV1.nullable(),
    status: z.string().min(1),
    attachments: z.array(attachmentV1),
  })
  .refine((r) => !r.anonymous || r.reporter === null, { error: 'an anonymous report must not carry a reporter', path: ['reporter'] });
export type ReportV1 = z.infer<typeof reportV1>;

export const batchRequestV1 = z.object({
  source: z.object({ office_id: z.string(), app: z.string(), app_version: z.string() }),
  reports: z.array(z.unknown()),
});

export const OUTCOMES_V1 = ['created', 'updated', 'duplicate', 'stale', 'rejected'] as const;
export type OutcomeV1 = (typeof OUTCOMES_V1)[number];

export const resultV1 = z.object({
  client_id: clientId,
  version: z.number().int(),
  outcome: z.enum(OUTCOMES_V1),
  tracking_id: trackingId.nullish(),
  errors: z
    .array(z.object({ field: z.string().max(MAX_NAME), message: z.string().max(MAX_ERROR_MESSAGE) }))
    .max(MAX_FIELD_ERRORS)
    .nullish(),
  retryable: z.boolean().nullish(),
});
export type ResultV1 = z.infer<typeof resultV1>;

export const batchAnswerV1 = z.object({ results: z.array(resultV1) });

export const UPSTREAM_STATUSES = ['diterima', 'diverifikasi', 'didisposisikan', 'ditindaklanjuti', 'selesai', 'diarsipkan'] as const;
export type UpstreamStatus = (typeof UPSTREAM_STATUSES)[number];

export const updateV1 = z.object({
  tracking_id: trackingId,
  client_id: clientId,
  seq: z.number().int(),
  status: z.enum(UPSTREAM_STATUSES),
  at: z.iso.datetime({ offset: true }),
  note: z.string().max(MAX_NOTE).nullish(),
  by: z.string().max(MAX_NAME).nullish(),
});
export type UpdateV1 = z.infer<typeof updateV1>;

export const updatesAnswerV1 = z.object({ updates: z.array(updateV1), next_cursor: z.string().max(MAX_CURSOR) });

export const UPSTREAM_STATUS_LABELS: Record<UpstreamStatus, string> = {
  diterima: 'Diterima',
  diverifikasi: 'Diverifikasi',
  didisposisikan: 'Didisposisikan',
  ditindaklanjuti: 'Ditindaklanjuti',
  selesai: 'Selesai',
  diarsipkan: 'Diarsipkan',
};

/** The report's fields in the words of the forms, for the upstream's field errors on screen. */
const FIELD_LABELS: Record<string, string> = {
  title: 'Masalah pengaduan',
  content: 'Uraian / isi pengaduan',
  received_at: 'Waktu pengaduan',
  channel: 'Sarana pengaduan',
  category: 'Kategori',
  classification: 'Klasifikasi',
  reporter: 'Identitas pelapor',
  'reporter.name': 'Nama pelapor',
  'reporter.address': 'Alamat pelapor',
  'reporter.phone': 'Telepon pelapor',
  'reporter.email': 'Email pelapor',
  attachments: 'Lampiran',
  report: 'Laporan',
};

export function upstreamFieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? FIELD_LABELS[field.split('.').slice(0, 2).join('.')] ?? field;
}
