import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../forms/api';
import { startBrowserHost, type BrowserHost } from '../../server/browser-host';
import { RENDERER_DIST } from '../../server/paths';
import { formA, makeCore, type TestCore } from '../helpers';

let core: TestCore;
let host: BrowserHost;
const base = () => `http://127.0.0.1:${host.port}`;
const call = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base()}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
/** The per-start token and the signed-in session: each says something different. */
const auth = () => ({ Authorization: `Bearer ${host.token}`, 'X-Loket-Session': core.session });

beforeAll(async () => {
  core = makeCore();
  host = await startBrowserHost({ core, staticDir: RENDERER_DIST });
});
afterAll(async () => {
  await host.close();
  await core.close();
});

describe('browser host', () => {
  it('prints an address on 127.0.0.1 carrying a fresh random token', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
    const other = await startBrowserHost({ core, staticDir: RENDERER_DIST });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it.each(Object.keys(contract))('answers %s with a bare 401 without the token, or with a wrong one', async (method) => {
    for (const headers of [{} as Record<string, string>, { Authorization: 'Bearer wrong' }, { Authorization: host.token }, { Authorization: `Bearer ${host.token}x` }]) {
      const res = await call(method, {}, headers);
      expect(res.status).toBe(401);
      expect(await res.text()).toBe('');
    }
  });

  it('refuses unknown and malformed API requests without the token too', async () => {
    expect((await call('no.such.method', {})).status).toBe(401);
    expect((await fetch(`${base()}/api/complaints.list`)).status).toBe(401);
  });

  it('answers UNAUTHENTICATED, typed and in Indonesian, to a call with the token but no session or a stale one', async () => {
    for (const session of [null, 'bukan-sesi']) {
      const res = await call('complaints.list', {}, { Authorization: `Bearer ${host.token}`, ...(session ? { 'X-Loket-Session': session } : {}) });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('Masuk lagi') } });
    }
    // Signing in needs no session.
    expect(await (await call('auth.state', {}, { Authorization: `Bearer ${host.token}` })).json()).toMatchObject({ ok: true, value: { setupNeeded: false, state: 'signedOut' } });
  });

  it('serves the contract with the token and saves nothing on a rejected call', async () => {
    const ok = await call('complaints.create', formA(), auth());
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, value: { registrationNo: 'ADU/2026/000001' } });
    const bad = await call('complaints.create', { form: 'A' }, auth());
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { reporterName: 'Nama lengkap wajib diisi.' } } });
    const notJson = await fetch(`${base()}/api/complaints.create`, { method: 'POST', headers: auth(), body: '{nope' });
    expect(notJson.status).toBe(400);
    const list = await (await call('complaints.list', {}, auth())).json();
    expect(list).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('serves the renderer with a strict Content-Security-Policy and no referrer', async () => {
    const res = await fetch(`${base()}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await fetch(`${base()}/../../etc/passwd`)).status).not.toBe(500);
    expect(await (await fetch(`${base()}/assets/..%2f..%2f..%2fpackage.json`)).text()).not.toContain('"name"');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: `evil.example:${host.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});

describe('browser host: malformed and oversized requests get an answer, not a 500 or a reset', () => {
  it('answers 400 to a static path with a malformed % escape', async () => {
    for (const p of ['/%', '/%E0%A4%A', '/assets/%zz.js', '/%C0%AF']) {
      const res = await fetch(`${base()}${p}`);
      expect(res.status, p).toBe(400);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    expect((await fetch(`${base()}/`)).status).toBe(200);
  });

  it('answers 413 with a JSON error to a body over the limit, declared or streamed, and keeps serving', async () => {
    const big = Buffer.alloc(41 * 1024 * 1024, 0x61);
    const declared = await fetch(`${base()}/api/attachments.upload`, { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: big });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('terlalu besar') } });
    // Chunked, without a length up front: refused once the limit is passed.
    const chunks = (async function* () {
      for (let i = 0; i < 42; i++) yield Buffer.alloc(1024 * 1024, 0x61);
    })();
    const streamed = await fetch(`${base()}/api/attachments.upload`, { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: chunks as never, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await call('app.info', {}, auth())).status).toBe(200);
  });

  it('refuses a 300,000-key JSON body as too complex', async () => {
    const body = `{${Array.from({ length: 300_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    const res = await fetch(`${base()}/api/drafts.save`, { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body });
    expect(res.status).toBe(200);
    const answer = await res.text();
    expect(answer.length).toBeLessThan(1000);
    expect(JSON.parse(answer)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('terlalu rumit') } });
  });
});
