import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../forms/sync';
import { api } from '../app/api';
import { CHANGED_EVENT } from '../complaints/useWorkCounts';

/** The sync engine's status, refreshed often while something moves and slowly when idle. */
export function useSyncStatus(): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let alive = true;
    const load = async () => {
      clearTimeout(timer);
      let busy = false;
      try {
        const s = await api.call('sync.status', {});
        if (!alive) return;
        setStatus(s);
        busy = s.running || s.queued > 0 || s.sending > 0;
      } catch {
        // The host itself is gone; keep the last status and try again.
      }
      if (alive) timer = setTimeout(() => void load(), busy ? 1_000 : 5_000);
    };
    void load();
    const onChange = () => void load();
    window.addEventListener(CHANGED_EVENT, onChange);
    return () => {
      alive = false;
      clearTimeout(timer);
      window.removeEventListener(CHANGED_EVENT, onChange);
    };
  }, []);
  return status;
}
