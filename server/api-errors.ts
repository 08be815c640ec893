// The one place where a procedure's failure becomes the API's error: a refusal of the database
// layer (db/errors.ts), the constraint that means "this draft is already a complaint", a failed
// disk or database file (server/storage-errors.ts), or else the generic INTERNAL answer.
// server/dispatch.ts asks it for every failure of every procedure.
import { CASE_NOT_FOUND, Refused, type RefusalKind } from '../db/errors';
import { ApiError, type ErrorCode } from '../forms/api';
import { DRAFT_ALREADY_SAVED_MESSAGE } from '../forms/drafts';
import { storageError } from './storage-errors';

const CODES: Record<RefusalKind, ErrorCode> = { not_found: 'NOT_FOUND', conflict: 'CONFLICT', invalid: 'INVALID_INPUT' };

/** The complaint a procedure was asked about is not there. */
export const caseNotFound = () => new ApiError({ code: 'NOT_FOUND', message: CASE_NOT_FOUND });

/** Two saves of one draft raced past the check; the database's key caught the second. */
const ALREADY_SAVED = /UNIQUE constraint failed: complaints\.id/;

/**
 * The API error for what a procedure threw. `unexpected` marks a failure nobody refused on purpose
 * (a disk, a bug): worth a log line, never with the input (it may hold a protected identity).
 */
export function apiErrorOf(e: unknown, dataDir: string | undefined): { error: ApiError; unexpected: boolean } {
  if (e instanceof ApiError) return { error: e, unexpected: false };
  if (e instanceof Refused) {
    const fields = e.field ? { fields: { [e.field]: e.message } } : {};
    return { error: new ApiError({ code: CODES[e.kind], message: e.message, ...fields }), unexpected: false };
  }
  if (e instanceof Error && ALREADY_SAVED.test(e.message)) return { error: new ApiError({ code: 'CONFLICT', message: DRAFT_ALREADY_SAVED_MESSAGE }), unexpected: false };
  const error =
    storageError(e, dataDir, 'api') ?? new ApiError({ code: 'INTERNAL', message: 'Terjadi kesalahan di aplikasi. Data yang sudah tersimpan tidak berubah; coba lagi.' });
  return { error, unexpected: true };
}
