import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
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
  close(): void;
}

export interface OpenOptions {
  dataDir: string;
  migrationsFolder: string;
}

export function openDatabase({ dataDir, migrationsFolder }: OpenOptions): OpenDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DB_FILE);

  // Look before touching: even switching to WAL writes to the file, and a database from a newer
  // app must be left exactly as it is.
  if (fs.existsSync(file)) {
    const peek = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const found = peek.pragma('user_version', { simple: true }) as number;
      const known = loadMigrations(migrationsFolder).length;
      if (found > known) throw new DatabaseFromFutureError(found, known);
    } finally {
      peek.close();
    }
  }

  const sqlite = new Database(file);
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
    const schemaVersion = applyMigrations(sqlite, migrationsFolder);
    const db = drizzle(sqlite, { schema });
    return { sqlite, db, file, schemaVersion, wal, close: () => sqlite.close() };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
