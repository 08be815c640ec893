import { useEffect } from 'react';
import type { SyncStatus } from '../../../forms/sync';
import { useOnChange } from '../app/changes';
import { useLoad } from '../hooks/useLoad';

/** The sync engine's status, read again often while something moves and slowly when idle; a failed read keeps the last one. */
export function useSyncStatus(): SyncStatus | null {
  const { data, error, reload } = useLoad('sync.status', {});
  const busy = !!data && (data.running || data.queued > 0 || data.sending > 0);
  // After each answer (or failure), the next read.
  useEffect(() => {
    const timer = setTimeout(reload, busy ? 1_000 : 5_000);
    return () => clearTimeout(timer);
  }, [data, error, busy, reload]);
  useOnChange(reload);
  return data;
}
