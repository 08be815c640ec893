// The hosts' handle on the core, kept across a restore made in the app: once the restored data is
// ready the core is closed and opened again on the same folder (its start switches the restored
// folder in, server/backup/restore.ts); calls arriving meanwhile wait for the new core.
import type { Envelope } from '../forms/api';
import type { Core } from './core';
import { log } from './log';
import { storageError } from './storage-errors';

export function reopenableCore(open: (onRestoreReady: () => void) => Core, dataDir: string): Core {
  let current: Core | null = null;
  let failure: Envelope<never> | null = null;
  let switching: Promise<void> | null = null;
  const onRestoreReady = () => {
    switching = (async () => {
      await current?.close();
      current = null;
      try {
        current = open(onRestoreReady);
      } catch (e) {
        log.error('cannot open the restored data', e);
        const known = storageError(e, dataDir, 'start');
        failure = { ok: false, error: known?.toPayload() ?? { code: 'STORAGE', message: e instanceof Error ? e.message : String(e) } };
      }
    })().finally(() => (switching = null));
  };
  current = open(onRestoreReady);
  const now = () => {
    if (!current) throw new Error('the core is closed');
    return current;
  };
  return {
    get handlers() {
      return now().handlers;
    },
    get database() {
      return now().database;
    },
    get attachments() {
      return now().attachments;
    },
    get sync() {
      return now().sync;
    },
    get backups() {
      return now().backups;
    },
    get background() {
      return now().background;
    },
    // A restored folder is a new core: every session ends and everyone signs in again (on the
    // accounts the backup held).
    get sessions() {
      return now().sessions;
    },
    async dispatch(method, input, meta) {
      while (switching) await switching;
      if (!current) return failure ?? { ok: false, error: { code: 'STORAGE', message: 'Aplikasi sedang ditutup.' } };
      return current.dispatch(method, input, meta);
    },
    async close() {
      while (switching) await switching;
      await current?.close();
      current = null;
    },
  };
}
