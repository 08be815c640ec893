// The renderer's one `api`. Under Electron the preload provides `window.loket`; in a browser the
// same calls go over HTTP to the browser host with the per-start token. Pages never know which.
import { createApi, type Envelope, type Method, type Transport } from '../../../forms/api';
import type { LoketBridge } from '../../../forms/bridge';

declare global {
  interface Window {
    loket?: LoketBridge;
  }
}

const TOKEN_KEY = 'loket-token';

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
  return async (method: Method, input: unknown) => {
    let res: Response;
    try {
      res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
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
  return (method, input) => bridge.invoke(method, input) as Promise<Envelope<unknown>>;
}

export const api = createApi(window.loket ? ipcTransport(window.loket) : httpTransport());
