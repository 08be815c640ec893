// The renderer's one `api`. Under Electron the preload provides `window.loket`; in a browser the
// same calls go over HTTP to the browser host with the per-start token. Pages never know which.
// Every call also carries this tab's signed-in session (forms/api.ts CallMeta): each tab or window
// signs in on its own, and keeps its session in its sessionStorage (so a reload stays signed in).
import { ApiError, contract, createApi, mayCall, type Api, type CallMeta, type Envelope, type Method, type Transport } from '../../../forms/api';
import { forbiddenMessage, type Role } from '../../../forms/roles';
import type { LoketBridge } from '../../../forms/bridge';

declare global {
  interface Window {
    loket?: LoketBridge;
  }
}

const TOKEN_KEY = 'loket-token';
/** The key tests use too (test/e2e/browser.ts) to start a page signed in. */
export const SESSION_KEY = 'loket-session';

/** Takes the token out of the address bar (so it is not bookmarked or shown) into this tab's storage. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = browserToken();
  return async (method: Method, input: unknown, meta: CallMeta) => {
    let res: Response;
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
    if (meta.session) headers['X-Loket-Session'] = meta.session;
    if (meta.passive) headers['X-Loket-Passive'] = '1';
    try {
      res = await fetch(`/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'Aplikasi tidak dapat dihubungi. Pastikan Loket Aduan masih berjalan.' } };
    }
    if (res.status === 401) {
      return { ok: false, error: { code: 'INTERNAL', message: 'Sesi tidak sah. Buka alamat lengkap (dengan token) yang dicetak saat aplikasi dimulai.' } };
    }
    return (await res.json()) as Envelope<unknown>;
  };
}

function ipcTransport(bridge: LoketBridge): Transport {
  return (method, input, meta) => bridge.invoke(method, input, meta) as Promise<Envelope<unknown>>;
}

export const session = {
  get: (): string | null => sessionStorage.getItem(SESSION_KEY),
  set: (token: string | null) => (token ? sessionStorage.setItem(SESSION_KEY, token) : sessionStorage.removeItem(SESSION_KEY)),
};

/** Who hears that the core no longer accepts this tab's session (locked, ended, deactivated): the sign-in gate. */
const listeners = new Set<(e: ApiError) => void>();
export function onSessionRefused(fn: (e: ApiError) => void): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

const core = createApi(window.loket ? ipcTransport(window.loket) : httpTransport(), session.get, (e) => {
  if (e.code === 'UNAUTHENTICATED') for (const fn of listeners) fn(e);
});

/** The signed-in person's roles (null: nobody yet), set by the sign-in gate. */
let roles: readonly Role[] | null = null;
export const setRoles = (r: readonly Role[] | null): void => void (roles = r);

/**
 * The api every screen uses. A call the core would refuse for the person's roles is refused here
 * without asking (no refused-call audit row for a badge that polls); the core still decides.
 */
export const api: Api = {
  call(method, input, opts) {
    if (roles && !mayCall(method, roles)) {
      const access = contract[method].access;
      return Promise.reject(new ApiError({ code: 'FORBIDDEN', message: forbiddenMessage('melakukan ini', typeof access === 'string' ? [] : access) }));
    }
    return core.call(method, input, opts);
  },
};
