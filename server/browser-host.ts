// The browser host: the built renderer and the API contract over HTTP on 127.0.0.1 only. Every API
// request must carry the per-start secret token; without it the answer is a bare 401. The token
// only says "this page came from the address this host printed"; who is working in the tab is the
// signed-in session (SESSION_HEADER), checked by server/dispatch.ts like the desktop's.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from './core';
import { log } from './log';
import { readStaticFile, SECURITY_HEADERS } from './static-files';

export const API_PREFIX = '/api/';
/** The tab's session token (forms/api.ts CallMeta), and the flag of background reads. */
export const SESSION_HEADER = 'x-loket-session';
export const PASSIVE_HEADER = 'x-loket-passive';
// Attachments travel base64 inside the JSON body: 25 MB (the settings' ceiling) is ~34 MB here.
const MAX_BODY_BYTES = 40 * 1024 * 1024;

export interface BrowserHostOptions {
  core: Core;
  staticDir: string;
  port?: number;
  /** Generated per start when absent. */
  token?: string;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  if (!m?.[1]) return false;
  const a = Buffer.from(m[1]);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

class BodyTooLarge extends Error {}

/**
 * Reads the body up to MAX_BODY_BYTES. Past it (declared up front or streamed) the rest is read
 * and dropped rather than the socket being destroyed, so the client gets the 413 answer instead
 * of a connection reset.
 */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      req.removeAllListeners('data');
      req.resume();
      reject(new BodyTooLarge());
    };
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge();
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>) {
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? crypto.randomBytes(32).toString('base64url');
  let allowedHosts: Set<string> = new Set();

  const server = http.createServer(async (req, res) => {
    try {
      // A page on another site could point a DNS name at 127.0.0.1; only our own names are served.
      if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'Misdirected', { 'Content-Type': 'text/plain' });
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');

      if (url.pathname.startsWith(API_PREFIX)) {
        if (!tokenMatches(req.headers.authorization, token)) return send(res, 401, '', {});
        if (req.method !== 'POST') return send(res, 405, '', { Allow: 'POST' });
        const method = url.pathname.slice(API_PREFIX.length);
        let input: unknown;
        try {
          const raw = await readBody(req);
          input = raw ? JSON.parse(raw) : {};
        } catch (e) {
          if (e instanceof BodyTooLarge) {
            const error = { code: 'INVALID_INPUT', message: `Permintaan terlalu besar (lebih dari ${MAX_BODY_BYTES / 1024 / 1024} MB). Perkecil atau pisahkan lampirannya.` };
            return send(res, 413, JSON.stringify({ ok: false, error }), { 'Content-Type': 'application/json', Connection: 'close' });
          }
          const error = { code: 'INVALID_INPUT', message: 'Permintaan tidak dapat dibaca (bukan JSON yang sah).' };
          return send(res, 400, JSON.stringify({ ok: false, error }), { 'Content-Type': 'application/json' });
        }
        const session = req.headers[SESSION_HEADER];
        const envelope = await opts.core.dispatch(method, input, { session: typeof session === 'string' ? session : null, passive: req.headers[PASSIVE_HEADER] === '1' });
        return send(res, 200, JSON.stringify(envelope), { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '', { Allow: 'GET, HEAD' });
      const file = readStaticFile(opts.staticDir, url.pathname);
      send(res, file.status, req.method === 'HEAD' ? '' : file.body, file.headers);
    } catch (e) {
      log.error('browser host request failed', e);
      if (!res.headersSent) send(res, 500, 'Kesalahan server', { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
