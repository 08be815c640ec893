import type { ReactNode } from 'react';
import type { Load } from '../hooks/useLoad';

/** A failed load, said in place with its reason and a Coba lagi button; nothing while there is none. */
export function LoadFailure({ load, what }: { load: Pick<Load<unknown>, 'error' | 'reload'>; what: string }) {
  if (!load.error) return null;
  return (
    <p className="error" role="alert">
      Gagal memuat {what}: {load.error}{' '}
      <button type="button" className="secondary" onClick={load.reload}>
        Coba lagi
      </button>
    </p>
  );
}

/**
 * How every screen shows a load: "Memuat…" until the first answer, then the content. A failure
 * is said in place (LoadFailure); what was already shown for the same request stays below it.
 */
export function Loaded<T>({ load, what, children }: { load: Load<T>; what: string; children: (data: T) => ReactNode }) {
  if (load.data === null) return load.error ? <LoadFailure load={load} what={what} /> : <p>Memuat…</p>;
  return (
    <>
      <LoadFailure load={load} what={what} />
      {children(load.data)}
    </>
  );
}
