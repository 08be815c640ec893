// Which window (browser tab) this is, for draft holds, and whether another window of this browser
// is still open.
//
// The id lives in sessionStorage, so a reload of the same tab keeps its drafts. Each open window
// holds a Web Lock named after its id for as long as it lives; the browser releases it when the
// tab closes or crashes, or the whole browser dies. So a window can see, without waiting for a
// hold to lapse, that the window holding a draft is gone, provided that window was one of this
// browser's (remembered in localStorage): a window of another browser is never presumed gone.
// The lock also catches a duplicated tab, which copies sessionStorage and with it the id.
import { uuidv7 } from 'uuidv7';

const ID_KEY = 'loket-window-id';
const KNOWN_KEY = 'loket-known-windows';
const KNOWN_MAX = 50;
/** How long a reload waits for the page it replaces to let go of the id's lock. */
const CLAIM_WAIT_MS = 1_500;

const lockName = (id: string) => `loket-window-${id}`;

function stored(): string {
  try {
    const known = sessionStorage.getItem(ID_KEY);
    if (known) return known;
    const fresh = uuidv7();
    sessionStorage.setItem(ID_KEY, fresh);
    return fresh;
  } catch {
    return uuidv7();
  }
}

let current = stored();

function knownWindows(): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KNOWN_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function remember(id: string) {
  try {
    localStorage.setItem(KNOWN_KEY, JSON.stringify([id, ...knownWindows().filter((x) => x !== id)].slice(0, KNOWN_MAX)));
  } catch {
    // Without storage this browser cannot vouch for its windows; holds then lapse on their own.
  }
}

/** Holds the id's lock for the life of the page; false when a live window already has it. */
function holdLock(id: string): Promise<boolean> {
  return new Promise((resolve) => {
    navigator.locks
      .request(lockName(id), { signal: AbortSignal.timeout(CLAIM_WAIT_MS) }, () => {
        resolve(true);
        return new Promise<never>(() => {});
      })
      .catch(() => resolve(false));
  });
}

async function claim(): Promise<string> {
  if (!navigator.locks) return current;
  while (!(await holdLock(current))) {
    // A duplicated tab: the id (copied with sessionStorage) belongs to the tab it was copied from.
    current = uuidv7();
    try {
      sessionStorage.setItem(ID_KEY, current);
    } catch {
      // The id still differs for this page's life.
    }
  }
  remember(current);
  return current;
}

/** This window's id, once it is known to be this window's alone. */
export const windowReady: Promise<string> = claim();

/** This window's id now (drafts wait for windowReady before using it). */
export const windowId = (): string => current;

/** Whether `holder` was a window of this browser that is no longer open (closed, crashed, or the browser died). */
export async function isGoneWindow(holder: string): Promise<boolean> {
  if (!navigator.locks || !knownWindows().includes(holder)) return false;
  const { held = [] } = await navigator.locks.query();
  return !held.some((l) => l.name === lockName(holder));
}
