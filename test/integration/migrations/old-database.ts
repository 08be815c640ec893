// A test per migration that moves data, as Signal-Desktop does: build the database an earlier
// version of the app wrote (its migrations only, its own columns, realistic rows written the way
// that version wrote them, without the app's later pragmas), then open it the way the app does
// with the migrations up to the one under test, and look at the data it moved.
import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from '../../../db/migrate';
import { DB_FILE, openDatabase, type OpenDatabase } from '../../../db/open';
import { migrationsUpTo, tempDir } from '../../helpers';

export interface OldDatabase {
  dir: string;
  file: string;
  sqlite: Database.Database;
  /** Inserts one row with the named columns (of the schema at that version). */
  insert(table: string, row: Record<string, string | number | null>): void;
}

/** The database as the app wrote it when `tag` was its newest migration. */
export function databaseAt(tag: string): OldDatabase {
  const dir = tempDir('loket-migration-');
  const file = path.join(dir, DB_FILE);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  applyMigrations(sqlite, migrationsUpTo(tag));
  return {
    dir,
    file,
    sqlite,
    insert: (table, row) => {
      const cols = Object.keys(row);
      sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
    },
  };
}

/**
 * Closes the old database and opens it as the app does, migrated up to `tag`: older versions wrote
 * it in plain, so it is encrypted under a new key first, then migrated.
 */
export function migrateTo(old: OldDatabase, tag: string): OpenDatabase {
  old.sqlite.close();
  return openDatabase({ dataDir: old.dir, migrationsFolder: migrationsUpTo(tag), key: crypto.randomBytes(32) });
}

const id = (n: number) => `01930000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/**
 * A complaint in the columns every version has (migration 0000): a walk-in keyed five minutes
 * after it was received, numbered in the default format.
 */
export function complaintRow(n: number, overrides: Record<string, string | number | null> = {}): Record<string, string | number | null> {
  const received = new Date(Date.UTC(2026, 10, 16, 1, 0) + n * 3_600_000).toISOString();
  const keyed = new Date(Date.parse(received) + 5 * 60_000).toISOString();
  return {
    id: id(n),
    version: 1,
    registration_no: `ADU/2026/${String(n).padStart(6, '0')}`,
    form: 'A',
    channel: 'tatap_muka',
    received_at: received,
    problem: `Izin usaha nomor ${n} belum terbit`,
    content: `Permohonan izin usaha mikro nomor ${n} belum terbit melewati SOP.`,
    resolution: null,
    reporter_name: `Siti Rahmawati ${n}`,
    reporter_institution: 'CV Sinar Buton',
    reporter_address: 'Jl. Poros Ereke No. 12, Buranga',
    anonymous: 0,
    confidential: 0,
    officer: 'Rina Marlina',
    status: 'diterima',
    created_at: keyed,
    updated_at: keyed,
    ...overrides,
  };
}

export const complaintId = id;
