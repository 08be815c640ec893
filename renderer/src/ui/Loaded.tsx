import type { ReactNode } from 'react';
import type { InputOf, Method, OutputOf } from '../../../forms/api';
import { useLoad, type Load } from '../hooks/useLoad';

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

/** Loads `method` with `input` and shows it the Loaded way; `set` puts a saved answer in place. */
export function LoadedFrom<M extends Method>({ method, input, what, children }: { method: M; input: InputOf<M>; what: string; children: (data: OutputOf<M>, set: (data: OutputOf<M>) => void) => ReactNode }) {
  const load = useLoad(method, input);
  return (
    <Loaded load={load} what={what}>
      {(data) => children(data, load.set)}
    </Loaded>
  );
}
