// The one way a screen reads data: useLoad(method, input). It loads again when the input changes or
// on reload(), keeps only the answer to the newest request (a slow answer to an older one is
// dropped), and reports a failure as an Indonesian sentence for <Loaded> (ui/Loaded.tsx) to show.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, type InputOf, type Method, type OutputOf } from '../../../forms/api';
import { api } from '../app/api';
import { latestOnly } from './latest';

/** Why a load failed, for the person at the screen: the host's own message, or a plain one. */
export const loadFailure = (e: unknown): string => (e instanceof ApiError ? e.message : 'Data tidak dapat dibaca dari aplikasi.');

export interface Load<T> {
  /** The newest answer; null before the first, and while a new input's request has failed. */
  data: T | null;
  /** Why the newest request failed (Indonesian), or null. */
  error: string | null;
  reload: () => void;
  /** Puts an answer in place as if loaded (what a save returned); a load still under way is dropped. */
  set: (data: T) => void;
}

/** Loads `method` with `input`, and again whenever the input or one of `refreshOn` changes (both compared by value). */
export function useLoad<M extends Method>(method: M, input: InputOf<M>, refreshOn: unknown[] = []): Load<OutputOf<M>> {
  const key = JSON.stringify([input, refreshOn]);
  const [state, setState] = useState<{ data: OutputOf<M> | null; of: string | null; error: string | null }>({ data: null, of: null, error: null });
  const [round, setRound] = useState(0);
  const [guard] = useState(latestOnly);

  useEffect(() => {
    const current = guard.next();
    setState((s) => (s.error ? { ...s, error: null } : s));
    api.call(method, (JSON.parse(key) as [InputOf<M>])[0]).then(
      (data) => current() && setState({ data, of: key, error: null }),
      (e: unknown) => current() && setState((s) => ({ ...s, error: loadFailure(e) })),
    );
    // Leaving (or a new input) drops this request's answer.
    return () => guard.invalidate();
  }, [method, key, round, guard]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const set = useCallback(
    (data: OutputOf<M>) => {
      guard.invalidate();
      setState({ data, of: key, error: null });
    },
    [guard, key],
  );
  // A failed request for another input does not leave the old input's data on show.
  const data = state.error && state.of !== key ? null : state.data;
  return { data, error: state.error, reload, set };
}
