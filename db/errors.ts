// A write the database layer refuses for a reason the person at the desk can act on (the case is
// not there, its state does not allow the step, a field is missing). The message is Indonesian and
// final; server/api-errors.ts turns it into the API's error, the one place that does.
export type RefusalKind = 'not_found' | 'conflict' | 'invalid';

export class Refused extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    /** For `invalid`: the input field the message belongs beside. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'Refused';
  }
}

export const CASE_NOT_FOUND = 'Pengaduan tidak ditemukan.';
