import { ApiError } from '../../../forms/api';

/**
 * A refused save on a hand-built form: the core's per-field messages go beside their fields, and
 * its sentence (or `fallback`, for a failure that is not the core's answer) to the form's status line.
 */
export function showFailure(e: unknown, fallback: string, setMessage: (message: string) => void, setErrors: (fields: Record<string, string>) => void): void {
  if (e instanceof ApiError) setErrors(e.fields);
  setMessage(e instanceof Error ? e.message : fallback);
}
