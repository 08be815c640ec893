import { useEffect } from 'react';

/** Announced after a save or a transition, so badges and status follow at once. */
export const CHANGED_EVENT = 'loket:changed';

export const announceChange = (): void => void window.dispatchEvent(new Event(CHANGED_EVENT));

/** Runs `fn` on every announced change (and on the extra window events named). */
export function useOnChange(fn: () => void, also: string[] = []): void {
  const events = [CHANGED_EVENT, ...also].join(' ');
  useEffect(() => {
    const names = events.split(' ');
    for (const n of names) window.addEventListener(n, fn);
    return () => names.forEach((n) => window.removeEventListener(n, fn));
  }, [fn, events]);
}
