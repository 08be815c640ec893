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
import { accountCreate, accountResetPassword, accountSetActive, accountSetup, accountUpdate, accountView, authState, changePasswordInput, signedIn, signInInput, staffMember, unlockInput } from './accounts';
import { auditList, auditQuery, auditVerification } from './audit';
import { mayAccess, type Access, type Role } from './roles';

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

/**
 * Each method declares who may call it (`access`, see forms/roles.ts) and whether it changes data
 * (`changes`): server/dispatch.ts refuses a caller the declaration does not allow, and writes one
 * audit row per change in the change's own transaction (a changing procedure is therefore
 * synchronous). Both are required: a method added without them does not type-check.
 */
export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  changes: boolean;
}

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
    access: 'signedIn',
    changes: false,
  },
  /** The background jobs: the open deadlines recomputed after a calendar or settings change (null: none since the start). */
  'app.jobs': { input: none, output: z.object({ deadlines: jobProgress.nullable() }), access: 'signedIn', changes: false },
  // Sessions. These write their own audit rows (sign-in, failed sign-in, lock, unlock, sign-out).
  'auth.state': { input: none, output: authState, access: 'public', changes: false },
  /** *Buat akun admin*: the first account of a new data folder; refused once any account exists. */
  'auth.setup': { input: accountSetup, output: signedIn, access: 'public', changes: false },
  'auth.signIn': { input: signInInput, output: signedIn, access: 'public', changes: false },
  /** The locked (or idle-expired) session of this tab, opened again with its holder's password. */
  'auth.unlock': { input: unlockInput, output: signedIn, access: 'public', changes: false },
  'auth.lock': { input: none, output: z.object({ locked: z.boolean() }), access: 'signedIn', changes: false },
  'auth.signOut': { input: none, output: z.object({ signedOut: z.boolean() }), access: 'public', changes: false },
  'auth.changePassword': { input: changePasswordInput, output: z.object({ changed: z.boolean() }), access: 'signedIn', changes: true },
  'accounts.list': { input: none, output: z.array(accountView), access: ['admin'], changes: false },
  /** Who may be named *Petugas penerima*: the active accounts holding the petugas role. */
  'accounts.officers': { input: none, output: z.array(staffMember), access: ['petugas'], changes: false },
  'accounts.create': { input: accountCreate, output: accountView, access: ['admin'], changes: true },
  'accounts.update': { input: accountUpdate, output: accountView, access: ['admin'], changes: true },
  'accounts.setActive': { input: accountSetActive, output: accountView, access: ['admin'], changes: true },
  'accounts.resetPassword': { input: accountResetPassword, output: accountView, access: ['admin'], changes: true },
  'audit.list': { input: auditQuery, output: auditList, access: ['admin', 'pemeriksa'], changes: false },
  'audit.export': { input: auditQuery.omit({ limit: true, offset: true }), output: z.object({ filename: z.string(), dataBase64: z.string(), rows: z.number().int() }), access: ['admin', 'pemeriksa'], changes: false },
  'audit.verify': { input: none, output: auditVerification, access: ['admin', 'pemeriksa'], changes: false },
  'complaints.create': { input: complaintInput, output: complaintCreated, access: ['petugas'], changes: true },
  'complaints.list': { input: complaintListInput, output: complaintListResult, access: ['petugas', 'penangan', 'pemeriksa'], changes: false },
  'complaints.get': { input: byId, output: complaintDetail, access: ['petugas', 'penangan', 'pemeriksa'], changes: false },
  /** Which steps each role may take is declared per action (forms/workflow.ts `by`). */
  'complaints.transition': { input: transitionInput, output: complaintDetail, access: ['petugas', 'penangan'], changes: true },
  'complaints.correct': { input: correctionInput, output: complaintDetail, access: ['penangan'], changes: true },
  'workviews.counts': { input: none, output: workViewCounts, access: ['petugas', 'penangan', 'pemeriksa'], changes: false },
  'calendar.get': { input: none, output: calendarView, access: 'signedIn', changes: false },
  'calendar.save': { input: holidayInput, output: calendarView, access: ['admin'], changes: true },
  'calendar.delete': { input: z.object({ date: z.string() }), output: calendarView, access: ['admin'], changes: true },
  'calendar.import': {
    input: z.object({ text: z.string().max(200_000, { error: 'Teks impor terlalu panjang.' }) }),
    output: z.object({ imported: z.number().int(), errors: z.array(z.string()), calendar: calendarView }),
    access: ['admin'],
    changes: true,
  },
  // Drafts are the clerk's working copy, saved as they type: not audited until they become a
  // complaint (complaints.create), except when thrown away.
  'drafts.save': { input: draftSave, output: z.object({ id: z.string(), updatedAt: z.string() }), access: ['petugas'], changes: false },
  'drafts.list': { input: draftList, output: z.array(draft), access: ['petugas'], changes: false },
  'drafts.hold': { input: draftHold, output: z.object({ held: z.boolean() }), access: ['petugas'], changes: false },
  'drafts.discard': { input: byId, output: z.object({ discarded: z.boolean() }), access: ['petugas'], changes: true },
  /** Keeps a file for a complaint being keyed; the complaint that lists it is the audited change. */
  'attachments.upload': { input: attachmentUpload, output: attachmentRef, access: ['petugas'], changes: false },
  'attachments.get': { input: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }), output: z.object({ contentType: z.string(), dataBase64: z.string() }), access: ['petugas', 'penangan', 'pemeriksa'], changes: false },
  /** Which printouts each role may make is declared per kind (forms/print.ts `PRINT_ROLES`). */
  'print.pdf': {
    input: printInput,
    output: z.object({ filename: z.string(), dataBase64: z.string(), pages: z.number().int() }),
    access: ['petugas', 'penangan'],
    changes: false,
  },
  'print.dialog': {
    input: printInput,
    output: z.object({ printed: z.boolean() }),
    access: ['petugas', 'penangan'],
    changes: false,
  },
  'recap.weekly': { input: periodInput, output: weeklyRecap, access: ['ketua', 'pemeriksa'], changes: false },
  /** The semester or quarter recap (Rekapitulasi): counts only. */
  'recap.summary': { input: periodInput, output: periodCounts, access: ['ketua', 'pemeriksa'], changes: false },
  /** The counts and the results report (Laporan hasil), one row per complaint. */
  'recap.period': { input: periodInput, output: periodRecap, access: ['ketua', 'pemeriksa'], changes: false },
  'recap.indicators': { input: periodInput, output: indicators, access: ['ketua', 'pemeriksa'], changes: false },
  'recap.pdf': {
    input: z.object({ kind: z.enum(RECAP_KINDS), period: periodInput, paper: z.enum(PAPER_SIZES).default('A4') }),
    output: z.object({ filename: z.string(), dataBase64: z.string(), pages: z.number().int() }),
    access: ['ketua', 'pemeriksa'],
    changes: false,
  },
  'recap.export.start': {
    input: z.object({ kind: z.enum(RECAP_KINDS), period: periodInput, paper: z.enum(PAPER_SIZES).default('A4') }),
    output: z.object({ jobId: z.string() }),
    access: ['ketua', 'pemeriksa'],
    changes: false,
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
    access: ['ketua', 'pemeriksa'],
    changes: false,
  },
  'monev.get': { input: monevInput.pick({ year: true, quarter: true }), output: monevInput, access: ['ketua', 'pemeriksa'], changes: false },
  'monev.save': { input: monevInput, output: monevInput, access: ['ketua'], changes: true },
  'sync.status': { input: none, output: syncStatus, access: 'signedIn', changes: false },
  'sync.overview': { input: none, output: syncOverview, access: ['admin', 'penangan', 'pemeriksa'], changes: false },
  /**
   * Starts a run now (the backoff is forgotten) and answers at once; progress is in sync.status.
   * It changes no data itself (each run is kept in sync_runs), so it is not an audited change.
   */
  'sync.run': { input: none, output: syncStatus, access: ['admin', 'penangan'], changes: false },
  /** *Kirim ulang*: set-aside (rejected) reports go back to the queue unedited, then a run starts. */
  'sync.requeue': { input: syncRequeueInput, output: z.object({ requeued: z.number().int() }), access: ['admin', 'penangan'], changes: true },
  'sync.settings.get': { input: none, output: syncSettings, access: ['admin'], changes: false },
  'sync.settings.save': { input: syncSettingsInput, output: syncSettings, access: ['admin'], changes: true },
  'settings.get': { input: none, output: settingsSchema, access: 'signedIn', changes: false },
  'settings.save': { input: settingsSchema, output: settingsSchema, access: ['admin'], changes: true },
  // Backups. Whether the last one is good is everyone's concern (a badge); the rest is the admin's.
  // Saving the settings and restoring wait on a key derivation and on files, so they are not
  // `changes` run in one transaction: each writes its own audit row (server/procedures/backup.ts).
  'backup.status': { input: none, output: backupStatus, access: 'signedIn', changes: false },
  'backup.settings.get': { input: none, output: backupSettings, access: ['admin'], changes: false },
  'backup.settings.save': { input: backupSettingsInput, output: backupSettings, access: ['admin'], changes: false },
  /** *Cadangkan sekarang*: starts a backup and answers at once; progress and outcome are in backup.status. */
  'backup.run': { input: none, output: backupStatus, access: ['admin'], changes: false },
  'backup.list': { input: none, output: z.array(backupFileInfo), access: ['admin'], changes: false },
  /** *Pulihkan dari cadangan*: checks and restores beside the data folder, then the app switches to it. */
  'backup.restore': { input: restoreInput, output: restoreResult, access: ['admin'], changes: false },
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
export type OutputOf<M extends Method> = z.output<Contract[M]['output']>;
export type AccessOf<M extends Method> = Contract[M]['access'];

/** Whether someone holding `roles` (null: nobody signed in) may call `method`: the core's rule, for the renderer to hide what it would refuse. */
export const mayCall = (method: Method, roles: readonly Role[] | null): boolean => mayAccess(contract[method].access, roles);

/** STORAGE: the disk or the database file failed (full, read-only, unreadable); the message says what to do. */
/** UNAUTHENTICATED: no session, or it ended or is locked; FORBIDDEN: signed in, but the roles do not allow it. */
export const ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'INVALID_INPUT', 'NOT_FOUND', 'CONFLICT', 'DUPLICATE', 'UNAVAILABLE', 'STORAGE', 'UNKNOWN_METHOD', 'INTERNAL'] as const;
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

/**
 * What travels with every call besides its input: the tab's session token (each tab signs in on
 * its own), and `passive` for background reads (status polling) that must not count as the
 * person's activity, or an unattended screen would never go idle.
 */
export interface CallMeta {
  session?: string | null;
  passive?: boolean;
}

/** A transport only moves JSON: `(method, input, meta) → envelope`. */
export type Transport = (method: Method, input: unknown, meta: CallMeta) => Promise<Envelope<unknown>>;

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
  call<M extends Method>(method: M, input: InputOf<M>, opts?: { passive?: boolean }): Promise<OutputOf<M>>;
}

/**
 * The renderer's `api` object over any transport, sending the tab's session with every call;
 * failures become an `ApiError`, and each one is shown to `onError` (the sign-in gate listens for
 * UNAUTHENTICATED).
 */
export function createApi(transport: Transport, session: () => string | null = () => null, onError: (e: ApiError) => void = () => undefined): Api {
  return {
    async call(method, input, opts = {}) {
      const envelope = await transport(method, input ?? {}, { session: session(), ...(opts.passive ? { passive: true } : {}) });
      if (!envelope.ok) {
        const error = new ApiError(envelope.error);
        onError(error);
        throw error;
      }
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


