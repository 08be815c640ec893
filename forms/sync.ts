// Pure pieces of the upstream sync: the report a complaint becomes, backoff, Retry-After, and the
// shapes the Sinkronisasi page receives. No I/O here; server/sync-engine.ts does the sending.
import { z } from 'zod';
import { toOffsetIso, type TimeZone } from './time';
import type { ReportV1 } from './upstream-v1';
import type { Channel, Classification, ComplaintStatus, FormKind, Gender } from './vocabulary';

/** The complaint fields a report is made of (a row of db/schema.ts `complaints` fits). */
export interface ReportSource {
  id: string;
  version: number;
  registrationNo: string;
  form: FormKind;
  channel: Channel;
  receivedAt: string;
  problem: string | null;
  content: string;
  classification: Classification | null;
  category: string | null;
  anonymous: boolean;
  confidential: boolean;
  reporterName: string | null;
  reporterInstitution: string | null;
  reporterAddress: string | null;
  reporterPhone: string | null;
  reporterEmail: string | null;
  reporterGender: Gender | null;
  status: ComplaintStatus;
}

export interface ReportAttachment {
  sha256: string;
  filename: string;
  contentType: string;
  size: number;
}

function titleOf(c: Pick<ReportSource, 'problem' | 'content'>): string {
  const text = (c.problem?.trim() || c.content.trim()).replace(/\s+/g, ' ');
  return text.length > 200 ? text.slice(0, 199) + '…' : text;
}

/**
 * The v1 report for a complaint. An anonymous reporter is never sent: `reporter` is null whatever
 * the row holds. A confidential (rahasia) reporter is sent with `confidential: true`, because the
 * national handler is entitled to it and bound not to publish it (docs/confidentiality.md; the code
 * of ethics in Perbup Bintan 53/2021, Lampiran Bab II).
 */
export function reportFromComplaint(c: ReportSource, attachments: ReportAttachment[], tz: TimeZone): ReportV1 {
  return {
    client_id: c.id,
    version: c.version,
    registration_no: c.registrationNo,
    form: c.form,
    channel: c.channel,
    received_at: toOffsetIso(c.receivedAt, tz),
    title: titleOf(c),
    content: c.content,
    classification: c.classification,
    category: c.category,
    anonymous: c.anonymous,
    confidential: c.confidential,
    reporter: c.anonymous
      ? null
      : {
          name: c.reporterName,
          institution: c.reporterInstitution,
          address: c.reporterAddress,
          phone: c.reporterPhone,
          email: c.reporterEmail,
          gender: c.reporterGender,
        },
    status: c.status,
    attachments: attachments.map((a) => ({ sha256: a.sha256, filename: a.filename, content_type: a.contentType, size: a.size })),
  };
}

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/** The longest wait after the n-th failure in a row: base·2^(n-1), at most the cap. */
function backoffCeiling(failures: number, policy: BackoffPolicy): number {
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
}

/**
 * "Full jitter" exponential backoff: a random wait in [base/2, min(cap, base·2^n)], so offices
 * that lost the line together do not all come back in the same second.
 */
export function backoffMs(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = backoffCeiling(failures, policy);
  const floor = Math.min(policy.baseMs / 2, ceiling);
  return Math.round(floor + random() * (ceiling - floor));
}

/**
 * A 413 for a batch of one is not proof that the report is too large for good (a proxy restarting,
 * an upstream briefly misconfigured): the report is tried again, alone, this many times before it
 * is set aside as too large. A person can queue it again with *Kirim ulang*.
 */
export const TOO_LARGE_TRIES = 10;

/**
 * The wait after a report's n-th lone 413: at least half the backoff ceiling ("equal jitter"), so
 * the tries are spread over time, not seconds: with the default policy the ten tries span at
 * least 6¾ minutes (and at most 13½).
 */
export function tooLargeRetryMs(tries: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = backoffCeiling(tries, policy);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** Reports packed into batches under both the count and the byte limit of the upstream. */
export function packBatch<T>(items: T[], sizeOf: (t: T) => number, maxCount: number, maxBytes: number): T[] {
  const batch: T[] = [];
  let bytes = 256; // the envelope around the reports
  for (const item of items) {
    const size = sizeOf(item) + 1;
    if (batch.length >= maxCount || (batch.length > 0 && bytes + size > maxBytes)) break;
    batch.push(item);
    bytes += size;
  }
  return batch;
}

// ---- what the UI receives ---------------------------------------------------------------------

/**
 * Where a complaint stands in the outbox (db/schema.ts `outbox`): waiting, in a batch on its way,
 * acknowledged by the upstream, or set aside because the upstream refused it.
 */
export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'rejected'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = {
  queued: 'Menunggu',
  sending: 'Sedang dikirim',
  sent: 'Terkirim',
  rejected: 'Ditolak',
};
const outboxState = z.enum(OUTBOX_STATES);
const fieldErrors = z.array(z.object({ field: z.string(), message: z.string() })).nullable();

export const syncStatus = z.object({
  configured: z.boolean(),
  url: z.string().nullable(),
  /** online: the last contact worked; offline: it failed; unknown: not tried since start. */
  connection: z.enum(['online', 'offline', 'unauthorized', 'unknown']),
  running: z.boolean(),
  queued: z.number().int(),
  sending: z.number().int(),
  rejected: z.number().int(),
  sent: z.number().int(),
  /** This run's progress while a backlog drains. */
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Upstream clock minus this PC's clock, from the Date header of the last answer. */
  clockSkewMs: z.number().nullable(),
  /** Nothing waits to be sent: the PC can be shut down without complaints left behind. */
  safeToShutDown: z.boolean(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const outboxItem = z.object({
  complaintId: z.string(),
  registrationNo: z.string(),
  version: z.number().int(),
  state: outboxState,
  queuedAt: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  fieldErrors,
  sentVersion: z.number().int().nullable(),
  trackingId: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof outboxItem>;

export const syncRun = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  sent: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  pulled: z.number().int(),
  error: z.string().nullable(),
});

export const syncOverview = z.object({
  status: syncStatus,
  queue: z.array(outboxItem),
  rejected: z.array(outboxItem),
  runs: z.array(syncRun),
});

export const syncRequeueInput = z.object({
  ids: z
    .array(z.uuid({ error: 'Pengenal pengaduan tidak sah.' }), { error: 'Pilih pengaduan yang akan dikirim ulang.' })
    .min(1, { error: 'Pilih pengaduan yang akan dikirim ulang.' })
    .max(500, { error: 'Paling banyak 500 pengaduan sekali kirim ulang.' }),
});

/** A complaint's own sync facts, shown on its detail page. */
export const complaintSync = z
  .object({
    state: outboxState,
    version: z.number().int(),
    sentVersion: z.number().int().nullable(),
    trackingId: z.string().nullable(),
    sentAt: z.string().nullable(),
    fieldErrors,
    lastError: z.string().nullable(),
    upstreamStatus: z.string().nullable(),
    upstreamStatusAt: z.string().nullable(),
    /** The office changed the case after the upstream's latest update: both are shown. */
    officeChangedLater: z.boolean(),
  })
  .nullable();

export const UPSTREAM_TOKEN_ENV = 'LOKET_UPSTREAM_TOKEN';

/** The form the address is stored in: no surrounding spaces, no trailing slash. */
export function normalizeUpstreamUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** Plain HTTP only to this PC (tests, a hub on the same machine); everything else must be HTTPS. */
export function upstreamUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'Alamat upstream tidak sah (contoh: https://hub.example.go.id/pengaduan).';
  }
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) return null;
  return 'Alamat upstream harus memakai https:// (http:// hanya untuk 127.0.0.1).';
}

export const syncSettingsInput = z.object({
  url: z
    .string()
    .trim()
    .max(500, { error: 'Alamat upstream terlalu panjang.' })
    .transform(normalizeUpstreamUrl)
    .superRefine((v, ctx) => {
      const problem = v === '' ? null : upstreamUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  officeId: z.string().trim().max(80, { error: 'Kode kantor paling panjang 80 karakter.' }),
  /** Omitted or null: keep the stored token; '' clears it. */
  token: z.string().max(4096, { error: 'Token terlalu panjang.' }).nullish(),
});

export const syncSettings = z.object({
  url: z.string(),
  officeId: z.string(),
  tokenSet: z.boolean(),
  /** Where the token lives: Electron safeStorage, a file outside the database, or the environment. */
  tokenSource: z.enum(['safeStorage', 'file', 'env', 'none']),
  tokenEditable: z.boolean(),
});
