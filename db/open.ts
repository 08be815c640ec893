import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { assertEncrypted, fileState, openKeyed } from './cipher';
import { encryptDatabaseFile, type EncryptionHooks } from './encrypt-migration';
import { applyMigrations, DatabaseFromFutureError, loadMigrations } from './migrate';
import * as schema from './schema';

export const DB_FILE = 'loket-aduan.sqlite';

/**
 * The database as the queries see it: the connection itself or a transaction on it (drizzle's
 * transaction is the same kind of object), so a query written once runs in either.
 */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

/**
 * Runs `fn` in one transaction that takes the write lock at its start (every transaction here
 * writes, and a lock taken late can fail instead of waiting); inside another it is a savepoint.
 * All of it commits or none of it does.
 */
export function inTransaction<T>(db: Db, fn: (tx: Db) => T): T {
  return db.transaction(fn, { behavior: 'immediate' });
}

export interface OpenDatabase {
  sqlite: Database.Database;
  db: Db;
  file: string;
  schemaVersion: number;
  /** False when the folder cannot hold a WAL (network shares); the journal is then DELETE. */
  wal: boolean;
  /**
   * A second, read-only connection to the same file with its own page cache of `cacheKiB`: for
   * work that reads much once (the sync engine reads every queued complaint once), so it does not
   * fill or evict the app's own cache. It sees every commit of the app's connection.
   */
  reader(cacheKiB: number): { db: Db; close(): void };
  close(): void;
}

export interface OpenOptions {
  dataDir: string;
  migrationsFolder: string;
  /**
   * The database key (db/cipher.ts), derived from the data folder's secret by server/keys.ts. A
   * plain file an earlier version wrote is encrypted under it first. `null` keeps the file plain:
   * only the bench's unencrypted baseline does that.
   */
  key: Buffer | null;
  /** Steps of encrypting an older plain database (tests stop the process after each). */
  encryption?: EncryptionHooks;
}

/**
 * The connection as drizzle sees it: drizzle prepares every query it runs, and SQLite would parse
 * and plan the same text again each time (a save runs a dozen statements; that was half its time).
 * The statements of the last STATEMENT_CACHE texts are kept and reused instead.
 */
const STATEMENT_CACHE = 500;
function withStatementCache(sqlite: Database.Database): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    let stmt = cache.get(source);
    if (stmt) {
      cache.delete(source);
      // drizzle switches a statement to arrays (raw) where it maps the columns itself; back to rows.
      if (stmt.reader) stmt.raw(false);
    } else {
      stmt = sqlite.prepare(source);
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, stmt); // the most recently used last
    return stmt;
  };
  return new Proxy(sqlite, {
    get(target, key) {
      if (key === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function openDatabase({ dataDir, migrationsFolder, key, encryption }: OpenOptions): OpenDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DB_FILE);

  // Look before touching: even switching to WAL writes to the file, and a database from a newer
  // app must be left exactly as it is (in plain, not encrypted either).
  const state = fileState(file);
  if (state === 'foreign') throw Object.assign(new Error(`${file} is not a database`), { code: 'SQLITE_NOTADB' });
  if (state === 'plain' || state === 'encrypted') {
    const peek = openKeyed(file, state === 'plain' ? null : key, { readonly: true, fileMustExist: true });
    try {
      const found = peek.pragma('user_version', { simple: true }) as number;
      const known = loadMigrations(migrationsFolder).length;
      if (found > known) throw new DatabaseFromFutureError(found, known);
    } finally {
      peek.close();
    }
  }
  if (key) encryptDatabaseFile(file, key, encryption);

  const sqlite = openKeyed(file, key);
  try {
    const mode = sqlite.pragma('journal_mode = WAL', { simple: true }) as string;
    const wal = mode === 'wal';
    if (!wal) sqlite.pragma('journal_mode = DELETE');
    // WAL's default of NORMAL can lose the last commits in a power cut; FULL fsyncs each commit.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Freed pages and cells are zeroed, so a reporter's name taken out of the search index (made
    // rahasia or anonim) or a discarded draft does not stay readable in the file. Set before the
    // migrations: migration 0011 relies on it to purge what older versions left.
    sqlite.pragma('secure_delete = ON');
    // Sorts and temporary indexes too big for memory would otherwise spill to temporary files,
    // which SQLite3MC does not encrypt.
    sqlite.pragma('temp_store = MEMORY');
    // Every page read from the disk is decrypted, so pages are kept decrypted in SQLite's own cache
    // rather than re-read: up to 128 MiB (it grows only as pages are read; a 100,000-complaint
    // database is about 160 MB). With the default 16 MB a search over 100,000 complaints took 4.5×
    // as long as on the same rows unencrypted; with this it takes about the same (npm run bench).
    sqlite.pragma('cache_size = -131072');
    const schemaVersion = applyMigrations(sqlite, migrationsFolder);
    // A brand-new file got its first page from the journal-mode switch and the migrations, both
    // written through the key; never go on with one that reached the disk in plain.
    if (key) assertEncrypted(file);
    const db = drizzle(withStatementCache(sqlite), { schema });
    const reader = (cacheKiB: number) => {
      const conn = openKeyed(file, key, { readonly: true, fileMustExist: true });
      conn.pragma('busy_timeout = 5000');
      conn.pragma('temp_store = MEMORY');
      conn.pragma(`cache_size = ${-Math.round(cacheKiB)}`);
      return { db: drizzle(withStatementCache(conn), { schema }), close: () => conn.close() };
    };
    return { sqlite, db, file, schemaVersion, wal, reader, close: () => sqlite.close() };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
