// How the sync engine reaches the office's upstream: the v1 adapter for the address stored in
// sync_meta and the token in its store (made again only when either changes), and the `source`
// every batch names. server/core.ts hands these to the SyncEngine.
import { getMeta } from '../db/outbox';
import type { Db } from '../db/open';
import { getSettings } from '../db/settings';
import type { BatchSource, UpstreamAdapter } from './upstream-adapter';
import type { TokenStore } from './upstream-token';
import { createV1Adapter } from './upstream-v1';

export interface ConnectionOptions {
  timeoutMs: number;
  now: () => Date;
  /** The upstream's clock from each answer's Date header. */
  onServerDate: (date: Date) => void;
}

/** The adapter for the current address and token; null while sync is not set up. */
export function upstreamAdapter(db: Db, tokens: TokenStore, opts: ConnectionOptions): () => UpstreamAdapter | null {
  let cached: { key: string; adapter: UpstreamAdapter } | null = null;
  return () => {
    const url = getMeta(db, 'url');
    const token = tokens.read();
    if (!url || !token) return null;
    const key = `${url}\n${token}`;
    if (cached?.key !== key) cached = { key, adapter: createV1Adapter({ baseUrl: url, token, timeoutMs: opts.timeoutMs, now: opts.now, onServerDate: opts.onServerDate }) };
    return cached.adapter;
  };
}

/** Who sends: the office code set for sync, else the office's name. */
export const batchSource = (db: Db, appVersion: string): BatchSource => ({
  office_id: getMeta(db, 'officeId') || getSettings(db).officeName,
  app: 'loket-aduan',
  app_version: appVersion,
});
