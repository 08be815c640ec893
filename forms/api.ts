// The one API contract. Each procedure is declared here once, with its input schema (validated by
// the server side of both hosts) and its result schema (the type the renderer receives). The
// Electron preload and the browser host both serve exactly this map; see server/dispatch.ts.
import { z } from 'zod';
import { attachmentRef, attachmentUpload } from './attachments';
import { backupFileInfo, backupSettings, backupSettingsInput, backupStatus, restoreInput, restoreResult } from './backup';
import { dateField, optionalText } from './fields';
import { complaintCreated, complaintDetail, complaintInput, complaintListInput, complaintListResult, correctionInput } from './complaint';
import { syncOverview, syncRequeueInput, syncSettings, syncSettingsInput, syncStatus } from './sync';
import { draft, draftHold, draftList, draftSave } from './drafts';
import { PAPER_SIZES, PRINT_KINDS } from './print';
import { calendarView, holidayInput } from './calendar';
import { periodInput } from './periods';
import { indicators, monevInput, periodCounts, periodRecap, RECAP_KINDS, weeklyRecap } from './recap';
import { settingsSchema } from './settings';
import { workViewCounts } from './work-views';
import { transitionInput } from './workflow';

const printInput = z.object({
  kind: z.enum(PRINT_KINDS),
  id: z.uuid(),
  paper: z.enum(PAPER_SIZES).default('A4'),
  /** Letters: the number and date written on them. */
  letterNo: optionalText('Nomor surat', 80),
  letterDate: z.union([z.literal(''), dateField('Tanggal surat')]).nullish().transform((v) => v || null),
});

const byId = z.object({ id: z.uuid({ error: 'Pengenal tidak sah.' }) });

const none = z.object({}).strict();

/** A long job the app runs in the background (server/background/), as far as it has got. */
export const jobProgress = z.object({
  state: z.enum(['running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Why it failed, for the screen. */
  message: z.string().nullable(),
});
export type JobProgress = z.infer<typeof jobProgress>;

export const contract = {
  'app.info': {
    input: none,
    output: z.object({
      version: z.string(),
      host: z.enum(['electron', 'browser']),
      /** Whether print.dialog can open the operating system's print dialog. */
      canPrintDialog: z.boolean(),
      dataDir: z.string(),
      schemaVersion: z.number().int(),
    }),
  },
  /** The background jobs: the open deadlines recomputed after a calendar or settings change (null: none since the start). */
  'app.jobs': { input: none, output: z.object({ deadlines: jobProgress.nullable() }) },
  'complaints.create': { input: complaintInput, output: complaintCreated },
  'complaints.list': { input: complaintListInput, output: complaintListResult },
  'complaints.get': { input: byId, output: complaintDetail },
  'complaints.transition': { input: transitionInput, output: complaintDetail },
  'complaints.correct': { input: correctionInput, output: complaintDetail },
  'workviews.counts': { input: none, output: workViewCounts },
  'calendar.get': { input: none, output: calendarView },
  'calendar.save': { input: holidayInput, output: calendarView },
  'calendar.delete': { input: z.object({ date: z.string() }), output: calendarView },
  'calendar.import': {
    input: z.object({ text: z.string().max(200_000, { error: 'Teks impor terlalu panjang.' }) }),
    output: z.object({ imported: z.number().int(), errors: z.array(z.string()), calendar: calendarView }),
  },
  'drafts.save': { input: draftSave, output: z.object({ id: z.string(), updatedAt: z.string() }) },
  'drafts.list': { input: draftList, output: z.array(draft) },
  'drafts.hold': { input: draftHold, output: z.object({ held: z.boolean() }) },
  'drafts.discard': { input: byId, output: z.object({ discarded: z.boolean() }) },
  'attachments.upload': { input: attachmentUpload, output: attachmentRef },
  'attachments.get': { input: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }), output: z.object({ contentType: z.string(), dataBase64: z.string() }) },
  'print.pdf': {
    input: printInput,
    output: z.object({ filename: z.string(), dataBase64: z.string(), pages: z.number().int() }),
  },
  'print.dialog': {
    input: printInput,
    output: z.object({ printed: z.boolean() }),
  },
  'recap.weekly': { input: periodInput, output: weeklyRecap },
  /** The semester or quarter recap (Rekapitulasi): counts only. */
  'recap.summary': { input: periodInput, output: periodCounts },
  /** The counts and the results report (Laporan hasil), one row per complaint. */
  'recap.period': { input: periodInput, output: periodRecap },
  'recap.indicators': { input: periodInput, output: indicators },
  'recap.pdf': {
    input: z.object({ kind: z.enum(RECAP_KINDS), period: periodInput, paper: z.enum(PAPER_SIZES).default('A4') }),
    output: z.object({ filename: z.string(), dataBase64: z.string(), pages: z.number().int() }),
  },
  'recap.export.start': {
    input: z.object({ kind: z.enum(RECAP_KINDS), period: periodInput, paper: z.enum(PAPER_SIZES).default('A4') }),
    output: z.object({ jobId: z.string() }),
  },
  'recap.export.status': {
    input: z.object({ jobId: z.string().max(64) }),
    output: z.object({
      state: z.enum(['running', 'done', 'failed']),
      done: z.number().int(),
      total: z.number().int(),
      filename: z.string().nullable(),
      dataBase64: z.string().nullable(),
      message: z.string().nullable(),
    }),
  },
  'monev.get': { input: monevInput.pick({ year: true, quarter: true }), output: monevInput },
  'monev.save': { input: monevInput, output: monevInput },
  'sync.status': { input: none, output: syncStatus },
  'sync.overview': { input: none, output: syncOverview },
  /** Starts a run now (the backoff is forgotten) and answers at once; progress is in sync.status. */
  'sync.run': { input: none, output: syncStatus },
  /** *Kirim ulang*: set-aside (rejected) reports go back to the queue unedited, then a run starts. */
  'sync.requeue': { input: syncRequeueInput, output: z.object({ requeued: z.number().int() }) },
  'sync.settings.get': { input: none, output: syncSettings },
  'sync.settings.save': { input: syncSettingsInput, output: syncSettings },
  'settings.get': { input: none, output: settingsSchema },
  'settings.save': { input: settingsSchema, output: settingsSchema },
  'backup.status': { input: none, output: backupStatus },
  'backup.settings.get': { input: none, output: backupSettings },
  'backup.settings.save': { input: backupSettingsInput, output: backupSettings },
  /** *Cadangkan sekarang*: starts a backup and answers at once; progress and outcome are in backup.status. */
  'backup.run': { input: none, output: backupStatus },
  'backup.list': { input: none, output: z.array(backupFileInfo) },
  /** *Pulihkan dari cadangan*: checks and restores beside the data folder, then the app switches to it. */
  'backup.restore': { input: restoreInput, output: restoreResult },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
export type OutputOf<M extends Method> = z.output<Contract[M]['output']>;

/** STORAGE: the disk or the database file failed (full, read-only, unreadable); the message says what to do. */
export const ERROR_CODES = ['INVALID_INPUT', 'NOT_FOUND', 'CONFLICT', 'DUPLICATE', 'UNAVAILABLE', 'STORAGE', 'UNKNOWN_METHOD', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a failed call carries to the UI: a displayable Indonesian message and, for bad input, one per field. */
export interface ApiErrorPayload {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  /** DUPLICATE: the earlier complaint that looks the same. */
  duplicateOf?: { id: string; registrationNo: string; receivedAt: string };
}

/** Both transports answer this envelope; nothing is thrown across IPC or HTTP. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorPayload };

/** A transport only moves JSON: `(method, input) → envelope`. */
export type Transport = (method: Method, input: unknown) => Promise<Envelope<unknown>>;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;
  readonly duplicateOf: ApiErrorPayload['duplicateOf'];
  constructor(payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
    this.fields = payload.fields ?? {};
    this.duplicateOf = payload.duplicateOf;
  }
  toPayload(): ApiErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(Object.keys(this.fields).length ? { fields: this.fields } : {}),
      ...(this.duplicateOf ? { duplicateOf: this.duplicateOf } : {}),
    };
  }
}

export interface Api {
  call<M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
}

/** The renderer's `api` object over any transport; failures become an `ApiError`. */
export function createApi(transport: Transport): Api {
  return {
    async call(method, input) {
      const envelope = await transport(method, input ?? {});
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.value as never;
    },
  };
}

/** Field errors keyed by the dotted path of the input, with the schema's Indonesian messages. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}


