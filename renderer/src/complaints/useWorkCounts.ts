import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../forms/api';
import { api } from '../app/api';

export type WorkCounts = OutputOf<'workviews.counts'>;

/** Announced by pages after a save or a transition, so the badges follow at once. */
export const CHANGED_EVENT = 'loket:changed';

export function useWorkCounts(): WorkCounts | null {
  const [counts, setCounts] = useState<WorkCounts | null>(null);
  useEffect(() => {
    const load = () => void api.call('workviews.counts', {}).then(setCounts, () => undefined);
    load();
    // Deadlines pass with time, not only with saves.
    const timer = setInterval(load, 60_000);
    window.addEventListener(CHANGED_EVENT, load);
    window.addEventListener('hashchange', load);
    return () => {
      clearInterval(timer);
      window.removeEventListener(CHANGED_EVENT, load);
      window.removeEventListener('hashchange', load);
    };
  }, []);
  return counts;
}
