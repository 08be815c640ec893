// Where the upstream token lives. Never in the database (a copied .sqlite must not carry it) and
// never in a log line. The environment variable wins everywhere (deployments); otherwise the
// desktop keeps it encrypted with Electron safeStorage (electron/token-store.ts) and browser mode
// in a file beside the database readable by this user only.
import fs from 'node:fs';
import path from 'node:path';
import { UPSTREAM_TOKEN_ENV } from '../forms/sync';

export interface TokenStore {
  read(): string | null;
  write(token: string | null): void;
  readonly source: 'safeStorage' | 'file' | 'env' | 'none';
  readonly editable: boolean;
}

export const TOKEN_FILE = 'upstream-token';

/** A token store over a file; `encode`/`decode` let Electron wrap it with safeStorage. */
export function fileTokenStore(
  file: string,
  codec: { encode(t: string): Buffer; decode(b: Buffer): string; source: 'safeStorage' | 'file' } = {
    encode: (t) => Buffer.from(t, 'utf8'),
    decode: (b) => b.toString('utf8').trim(),
    source: 'file',
  },
): TokenStore {
  let cached: string | null | undefined;
  return {
    get source() {
      return this.read() ? codec.source : 'none';
    },
    editable: true,
    // Read once (then kept in step by write): the engine asks on every status poll, and on the
    // desktop each read is a keychain call. A file edited by hand is seen after a restart.
    read() {
      if (cached === undefined) {
        try {
          cached = codec.decode(fs.readFileSync(file)) || null;
        } catch {
          cached = null;
        }
      }
      return cached;
    },
    write(token) {
      if (!token) {
        fs.rmSync(file, { force: true });
      } else {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.tmp`;
        fs.writeFileSync(tmp, codec.encode(token), { mode: 0o600 });
        fs.renameSync(tmp, file);
      }
      cached = token || null;
    },
  };
}

/** `LOKET_UPSTREAM_TOKEN` when set (read-only from the app), else the given store. */
export function withEnvToken(store: TokenStore, env: NodeJS.ProcessEnv = process.env): TokenStore {
  const fromEnv = env[UPSTREAM_TOKEN_ENV]?.trim();
  if (!fromEnv) return store;
  return { source: 'env', editable: false, read: () => fromEnv, write: () => undefined };
}
