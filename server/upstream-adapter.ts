// The seam between the sync engine and an upstream. The engine speaks the app's canonical report
// (the v1 report of docs/upstream-v1.md) and canonical results; an adapter translates to
// its upstream's wire format. v1 is server/upstream-v1.ts. A second upstream (for example an
// Open311 GeoReport v2 endpoint) would implement this interface: push() posts each report as a
// service request and maps its service_request_id to tracking_id, putAttachment() uploads media,
// pull() reads GET /requests.json?updated_after= and maps status/status_notes to UpdateV1, with
// the cursor being the last updated_datetime. Nothing in the engine changes.
import type { ReportV1, ResultV1, UpdateV1 } from '../forms/upstream-v1';

export interface BatchSource {
  office_id: string;
  app: string;
  app_version: string;
}

export interface UpstreamAdapter {
  readonly name: string;
  /** The most reports and bytes one push may carry. */
  readonly limits: { maxReports: number; maxBytes: number };
  /** One result per report, same order; throws UpstreamFailure for anything but a well-formed answer. */
  push(source: BatchSource, reports: ReportV1[], signal: AbortSignal): Promise<ResultV1[]>;
  hasAttachment(sha256: string, signal: AbortSignal): Promise<boolean>;
  putAttachment(sha256: string, bytes: Buffer, contentType: string, signal: AbortSignal): Promise<void>;
  pull(cursor: string | null, limit: number, signal: AbortSignal): Promise<{ updates: UpdateV1[]; nextCursor: string }>;
}

export type FailureKind =
  /** network fault, timeout, 5xx, or an answer that is not what the contract says: retry later */
  | 'retry'
  /** 413: split the batch */
  | 'too_large'
  /** 429: wait as told */
  | 'rate_limited'
  /** 401/403: nothing will work until someone fixes the token */
  | 'unauthorized'
  /** 422 on an attachment: the bytes do not match their name */
  | 'bad_attachment';

export class UpstreamFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'UpstreamFailure';
  }
}
