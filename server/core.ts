// The app's core: the database and the procedures of the API contract. Both hosts (electron/main.ts
// and server/browser-host.ts) create one and route calls to `dispatch`; nothing here knows which.
import { ApiError, type Envelope } from '../forms/api';
import { createComplaint, listComplaints } from '../db/complaints';
import { openDatabase, type OpenDatabase } from '../db/open';
import { getSettings, saveSettings } from '../db/settings';
import { dispatch, type Handlers } from './dispatch';
import { log } from './log';
import { fromLocal } from '../forms/time';

export interface CoreOptions {
  dataDir: string;
  migrationsFolder: string;
  host: 'electron' | 'browser';
  version: string;
  /** Injected in tests; the wall clock otherwise. */
  now?: () => Date;
}

export interface Core {
  handlers: Handlers;
  database: OpenDatabase;
  dispatch(method: unknown, input: unknown): Promise<Envelope<unknown>>;
  close(): void;
}

// A clock a few minutes fast on another PC should not block keying; more than that is a typo.
const FUTURE_TOLERANCE_MS = 10 * 60_000;

export function createCore(opts: CoreOptions): Core {
  const database = openDatabase({ dataDir: opts.dataDir, migrationsFolder: opts.migrationsFolder });
  if (!database.wal) log.warn('this folder cannot hold a write-ahead log (network share?); using journal_mode=DELETE');
  const { db } = database;
  const now = opts.now ?? (() => new Date());

  const handlers: Handlers = {
    'app.info': () => ({ version: opts.version, host: opts.host, dataDir: opts.dataDir, schemaVersion: database.schemaVersion }),
    'complaints.create': (input) => {
      const settings = getSettings(db);
      const at = now();
      const receivedAt = fromLocal({ date: input.receivedDate, time: input.receivedTime }, settings.timeZone);
      if (new Date(receivedAt).getTime() > at.getTime() + FUTURE_TOLERANCE_MS) {
        throw new ApiError({
          code: 'INVALID_INPUT',
          message: 'Waktu pengaduan tidak boleh di masa depan.',
          fields: { receivedDate: `Waktu pengaduan tidak boleh di masa depan (menurut jam kantor, ${settings.timeZone}).` },
        });
      }
      const row = createComplaint(db, input, settings, at.toISOString());
      return { id: row.id, registrationNo: row.registrationNo, receivedAt: row.receivedAt, createdAt: row.createdAt };
    },
    'complaints.list': (input) => listComplaints(db, input),
    'settings.get': () => getSettings(db),
    'settings.save': (input) => saveSettings(db, input),
  };

  return {
    handlers,
    database,
    dispatch: (method, input) => dispatch(handlers, method, input),
    close: () => database.close(),
  };
}

export { ApiError };
