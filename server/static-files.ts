// Serves the built renderer with the same headers to both hosts (the HTTP browser host and
// Electron's app:// protocol), so the page runs under one Content-Security-Policy everywhere.
import fs from 'node:fs';
import path from 'node:path';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // The browser host's address carries the token; it must never leave in a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticFile {
  status: number;
  body: Buffer;
  headers: Record<string, string>;
}

/** Resolves a URL path inside `root`; unknown paths without an extension get index.html (client routes). */
export function readStaticFile(root: string, urlPath: string): StaticFile {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    // A malformed % escape names no file: the request is wrong, not the server.
    return { status: 400, body: Buffer.from('Alamat tidak sah'), headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } };
  }
  const resolved = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  const inside = resolved === root || resolved.startsWith(root + path.sep);
  let file = inside && fs.existsSync(resolved) && fs.statSync(resolved).isFile() ? resolved : null;
  if (!file && inside && !path.extname(resolved)) file = path.join(root, 'index.html');
  if (!file || !fs.existsSync(file)) {
    return { status: 404, body: Buffer.from('Tidak ditemukan'), headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } };
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const cache = file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable';
  return { status: 200, body: fs.readFileSync(file), headers: { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': cache } };
}
