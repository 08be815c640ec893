import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../../forms/api';

/**
 * A refused save on a hand-built form: the core's per-field messages go beside their fields, and
 * its sentence (or `fallback`, for a failure that is not the core's answer) to the form's status line.
 */
export function showFailure(e: unknown, fallback: string, setMessage: (message: string) => void, setErrors: (fields: Record<string, string>) => void): void {
  if (e instanceof ApiError) setErrors(e.fields);
  setMessage(e instanceof Error ? e.message : fallback);
}

/**
 * The `setErrors` of a react-hook-form form: each of the core's per-field messages through its
 * `setError`, under the form's own name for the field (`rename`, where the core's path differs).
 */
export function formErrors<T extends FieldValues>(setError: UseFormSetError<T>, rename: (field: string) => string = (k) => k): (fields: Record<string, string>) => void {
  return (fields) => {
    for (const [k, m] of Object.entries(fields)) setError(rename(k) as Path<T>, { message: m });
  };
}
