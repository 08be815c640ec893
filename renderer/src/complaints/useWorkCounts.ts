import { useEffect } from 'react';
import type { OutputOf } from '../../../forms/api';
import { useOnChange } from '../app/changes';
import { useLoad } from '../hooks/useLoad';

export type WorkCounts = OutputOf<'workviews.counts'>;

/** The badge counts of the work views; a failed read keeps the last counts until the next one. */
export function useWorkCounts(): WorkCounts | null {
  const { data, reload } = useLoad('workviews.counts', {});
  // Deadlines pass with time, not only with saves.
  useEffect(() => {
    const timer = setInterval(reload, 60_000);
    return () => clearInterval(timer);
  }, [reload]);
  useOnChange(reload, ['hashchange']);
  return data;
}
