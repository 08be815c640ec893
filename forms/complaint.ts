// The intake payload of the three paper forms (Perbup Buton Utara 16/2019, Lampiran II.A–C;
// docs/forms.md). One schema per form, each naming its fields with that form's own printed words
// (FIELD_LABELS, the one place they are written); the renderer validates with them and the server
// again, and forms/layouts.ts lays the fields out in the paper's order.
import { z } from 'zod';
import { dateField, emailField, optionalText, phoneField, requiredText, timeField } from './fields';
import { attachmentRef } from './attachments';
import { DEADLINE_KINDS } from './deadlines';
import { complaintEvent } from './history';
import { ACTIONS, type Action } from './workflow';
import { WORK_VIEW_KEYS } from './work-views';
import { complaintSync } from './sync';
import { CHANNELS, CLASSIFICATIONS, COMPLAINT_STATUSES, FORM_C_CHANNELS, FORM_KINDS, GENDERS, JENIS, OUTCOMES, SANCTIONS, SATISFACTIONS } from './vocabulary';

/**
 * The words beside each field of each paper form, as the screen shows them; the error messages
 * name the field with the same words. (The printout keeps the paper's own capitals where they
 * differ: forms/layouts.ts.)
 */
export const FIELD_LABELS = {
  A: {
    reporterName: 'Nama lengkap',
    reporterInstitution: 'Institusi',
    reporterAddress: 'Alamat lengkap',
    receivedTime: 'Pukul/Jam',
    receivedDate: 'Hari/Tanggal',
    problem: 'Masalah pengaduan',
    content: 'Uraian pengaduan',
    resolution: 'Penyelesaian',
  },
  B: {
    content: 'Isi pengaduan',
    reporterName: 'Nama pelapor',
    reporterAddress: 'Alamat',
    reporterGender: 'Jenis kelamin',
    reporterPhone: 'Telp./HP',
    reporterEmail: 'Email',
    slipDate: 'Tanggal pada slip',
    receivedDate: 'Tanggal diterima',
    receivedTime: 'Jam diterima',
  },
  C: {
    reporterName: 'Nama lengkap',
    reporterInstitution: 'Instansi',
    reporterAddress: 'Alamat lengkap',
    reporterPhone: 'No telepon',
    receivedTime: 'Pukul/jam',
    receivedDate: 'Hari/tanggal terima',
    channel: 'Sarana pengaduan',
    content: 'Materi pengaduan',
  },
} as const;
const A = FIELD_LABELS.A;
const B = FIELD_LABELS.B;
const C = FIELD_LABELS.C;

const workflowFields = {
  anonymous: z.boolean().default(false),
  confidential: z.boolean().default(false),
  /** *Petugas penerima*: an active petugas account; the person signed in when absent. */
  officerAccountId: z.union([z.literal(''), z.uuid({ error: 'Petugas penerima tidak dikenal.' })]).nullish().transform((v) => v || null),
  attachments: z.array(attachmentRef).max(20, { error: 'Paling banyak 20 lampiran.' }).default([]),
  /** The draft this complaint was keyed in: its id becomes the complaint's id, and it is deleted on save. */
  draftId: z.uuid().nullish(),
  /** The window saving it: a draft another window holds is not saved from here. */
  draftHolder: z.uuid().nullish(),
  /** Set when the officer confirmed saving despite the duplicate hint for this registration number. */
  confirmDuplicateOf: z.string().max(60).nullish(),
};

export const formulirA = z.object({
  form: z.literal('A'),
  reporterName: requiredText(A.reporterName, 120),
  reporterInstitution: optionalText(A.reporterInstitution, 160),
  reporterAddress: requiredText(A.reporterAddress, 300),
  receivedTime: timeField(A.receivedTime),
  receivedDate: dateField(A.receivedDate),
  problem: requiredText(A.problem, 200),
  content: requiredText(A.content, 20_000),
  resolution: optionalText(A.resolution, 20_000),
  ...workflowFields,
});

export const formulirB = z.object({
  form: z.literal('B'),
  content: requiredText(B.content, 20_000),
  reporterName: optionalText(B.reporterName, 120),
  reporterAddress: optionalText(B.reporterAddress, 300),
  reporterGender: z.enum(['', ...GENDERS], { error: `${B.reporterGender} harus L atau P.` }).nullish().transform((v) => (v ? v : null)),
  reporterPhone: phoneField(B.reporterPhone),
  reporterEmail: emailField(B.reporterEmail),
  /** The date written on the slip, when there is one. */
  slipDate: z.union([z.literal(''), dateField(B.slipDate)]).nullish().transform((v) => v || null),
  /** When the box was opened / the slip collected: the complaint's received time. */
  receivedDate: dateField(B.receivedDate),
  receivedTime: timeField(B.receivedTime),
  ...workflowFields,
});

export const formulirC = z.object({
  form: z.literal('C'),
  reporterName: requiredText(C.reporterName, 120),
  reporterInstitution: optionalText(C.reporterInstitution, 160),
  reporterAddress: optionalText(C.reporterAddress, 300),
  reporterPhone: phoneField(C.reporterPhone),
  receivedTime: timeField(C.receivedTime),
  receivedDate: dateField(C.receivedDate),
  channel: z.enum(FORM_C_CHANNELS, { error: `${C.channel} wajib dipilih.` }),
  content: requiredText(C.content, 20_000),
  ...workflowFields,
});

export const FORM_SCHEMAS = { A: formulirA, B: formulirB, C: formulirC } as const;

export const complaintInput = z
  .discriminatedUnion('form', [formulirA, formulirB, formulirC], { error: 'Jenis formulir tidak dikenal.' })
  .superRefine((v, ctx) => {
    // Pasal 4: identity is stated for walk-ins and channel complaints; only a box slip may be anonymous.
    if (v.anonymous && v.form !== 'B') {
      ctx.addIssue({ code: 'custom', path: ['anonymous'], message: 'Hanya pengaduan melalui kotak pengaduan (Formulir B) yang boleh anonim.' });
    }
    if (v.form === 'C' && !v.reporterAddress && !v.reporterPhone) {
      ctx.addIssue({ code: 'custom', path: ['reporterPhone'], message: `Isi ${C.reporterPhone} atau ${C.reporterAddress} agar pelapor dapat dihubungi.` });
    }
  });

export type ComplaintInput = z.input<typeof complaintInput>;
export type ComplaintData = z.output<typeof complaintInput>;

/**
 * A PC clock a few minutes fast should not block keying; a received time further ahead than this
 * of the office's clock is a typo (docs/forms.md, Formulir B keying).
 */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;
export const receivedInFuture = (receivedAt: string, now: Date): boolean => new Date(receivedAt).getTime() > now.getTime() + FUTURE_TOLERANCE_MS;

export const LIST_SORTS = ['received_desc', 'received_asc', 'registration_desc', 'registration_asc'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const complaintListInput = z.object({
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
  form: z.enum(FORM_KINDS).nullish(),
  channel: z.enum(CHANNELS).nullish(),
  /** Office-local dates, inclusive. */
  from: z.union([z.literal(''), dateField('Dari tanggal')]).nullish(),
  to: z.union([z.literal(''), dateField('Sampai tanggal')]).nullish(),
  q: z.string().trim().max(200, { error: 'Kata kunci terlalu panjang.' }).nullish(),
  view: z.enum(WORK_VIEW_KEYS).nullish(),
  sort: z.enum(LIST_SORTS).default('received_desc'),
});
export type ComplaintListQuery = z.output<typeof complaintListInput>;

export const complaintListItem = z.object({
  id: z.string(),
  registrationNo: z.string(),
  form: z.enum(FORM_KINDS),
  channel: z.enum(CHANNELS),
  receivedAt: z.string(),
  /** The reporter's name, or `Dirahasiakan` / `Anonim`: never the identity of a protected reporter. */
  reporter: z.string(),
  summary: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  version: z.number().int(),
  nextDueAt: z.string().nullable(),
});
export type ComplaintListItem = z.infer<typeof complaintListItem>;

/** Above this many matches a search says "lebih dari 1.000" instead of counting every match. */
export const SEARCH_COUNT_CAP = 1000;

export const complaintListResult = z.object({
  items: z.array(complaintListItem),
  /** Every match, or SEARCH_COUNT_CAP when `totalCapped`. */
  total: z.number().int(),
  /** A search with more than SEARCH_COUNT_CAP matches: `total` is the cap, not the count. */
  totalCapped: z.boolean(),
});
export type ComplaintListResult = z.infer<typeof complaintListResult>;

export const complaintDetail = z.object({
  id: z.string(),
  version: z.number().int(),
  registrationNo: z.string(),
  form: z.enum(FORM_KINDS),
  channel: z.enum(CHANNELS),
  receivedAt: z.string(),
  slipDate: z.string().nullable(),
  problem: z.string().nullable(),
  content: z.string(),
  resolution: z.string().nullable(),
  reporterName: z.string().nullable(),
  reporterInstitution: z.string().nullable(),
  reporterAddress: z.string().nullable(),
  reporterPhone: z.string().nullable(),
  reporterEmail: z.string().nullable(),
  reporterGender: z.enum(GENDERS).nullable(),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  /** *Petugas penerima*: the account's name when it was saved (older rows: the name as typed). */
  officer: z.string().nullable(),
  officerAccountId: z.string().nullable(),
  status: z.enum(COMPLAINT_STATUSES),
  classification: z.enum(CLASSIFICATIONS).nullable(),
  jenis: z.enum(JENIS).nullable(),
  darwas: z.boolean().nullable(),
  category: z.string().nullable(),
  reportedParty: z.string().nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  sanctions: z.array(z.enum(SANCTIONS)),
  satisfaction: z.enum(SATISFACTIONS).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deadlines: z.array(
    z.object({
      kind: z.enum(DEADLINE_KINDS),
      dueAt: z.string(),
      metAt: z.string().nullable(),
      proposeArchive: z.boolean(),
      rule: z.string(),
      /** Working days from today to the due date; negative when late. */
      workingDaysLeft: z.number().int(),
    }),
  ),
  allowedActions: z.array(z.enum(ACTIONS as [Action, ...Action[]])),
  attachments: z.array(attachmentRef.extend({ addedAt: z.string() })),
  events: z.array(complaintEvent),
  /** Where the complaint stands with the upstream (null only for a row the outbox never saw). */
  sync: complaintSync,
});
export type ComplaintDetail = z.infer<typeof complaintDetail>;

export const complaintCreated = z.object({
  id: z.string(),
  registrationNo: z.string(),
  receivedAt: z.string(),
  createdAt: z.string(),
});

/**
 * Koreksi data: fixing what was keyed wrong (or what the upstream refused) after the save. The
 * officer sends the whole set of correctable fields as they should be; the server records which
 * changed, bumps the version (which queues it for the upstream again) and keeps the reason.
 */
export const CORRECTABLE_FIELDS = ['problem', 'content', 'reporterName', 'reporterInstitution', 'reporterAddress', 'reporterPhone', 'reporterEmail'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const CORRECTABLE_LABELS: Record<CorrectableField, string> = {
  problem: 'Masalah pengaduan',
  content: 'Uraian / isi pengaduan',
  reporterName: 'Nama pelapor',
  reporterInstitution: 'Institusi',
  reporterAddress: 'Alamat',
  reporterPhone: 'Telepon',
  reporterEmail: 'Email',
};

export const correctionInput = z.object({
  id: z.uuid({ error: 'Pengenal tidak sah.' }),
  /** The version the officer corrected; a newer one on disk means someone else changed it. */
  version: z.number().int().min(1),
  fields: z.object({
    problem: optionalText('Masalah pengaduan', 200),
    content: requiredText('Uraian / isi pengaduan', 20_000),
    reporterName: optionalText('Nama pelapor', 120),
    reporterInstitution: optionalText('Institusi', 160),
    reporterAddress: optionalText('Alamat', 300),
    reporterPhone: phoneField('Telepon'),
    reporterEmail: emailField('Email'),
  }),
  reason: requiredText('Alasan koreksi', 500),
});
export type CorrectionInput = z.output<typeof correctionInput>;

/** Anonim or rahasia (docs/confidentiality.md): the reporter is shown only in the case file. */
export const isProtected = (c: { anonymous: boolean; confidential: boolean }): boolean => c.anonymous || c.confidential;

/**
 * Whether showing this complaint's case file shows a protected reporter's identity: protected,
 * and something of the reporter was written down (an anonymous slip often names no one). Such a
 * view, print or export leaves an audit row (forms/audit.ts).
 */
export function showsProtectedIdentity(c: Pick<ComplaintDetail, 'anonymous' | 'confidential' | 'reporterName' | 'reporterInstitution' | 'reporterAddress' | 'reporterPhone' | 'reporterEmail' | 'reporterGender'>): boolean {
  return isProtected(c) && [c.reporterName, c.reporterInstitution, c.reporterAddress, c.reporterPhone, c.reporterEmail, c.reporterGender].some((v) => v !== null && v !== '');
}
