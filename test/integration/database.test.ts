import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE, openDatabase, type OpenDatabase } from '../../db/open';
import { loadMigrations } from '../../db/migrate';
import { createComplaint } from '../../db/complaints';
import { deadlineDays, DEFAULT_SETTINGS } from '../../forms/settings';
import type { DeadlineContext } from '../../db/workflow';
import { complaintInput } from '../../forms/complaint';
import { MIGRATIONS_DIR } from '../../server/paths';
import { formA, tempDir } from '../helpers';

const open: OpenDatabase[] = [];
/** One database key for the file's tests (the app derives it from the folder's secret: server/keys.ts). */
const KEY = crypto.createHash('sha256').update('database.test').digest();
const openAt = (dataDir: string) => {
  const d = openDatabase({ dataDir, migrationsFolder: MIGRATIONS_DIR, key: KEY });
  open.push(d);
  return d;
};
afterEach(() => {
  for (const d of open.splice(0)) if (d.sqlite.open) d.close();
});
const ctx: DeadlineContext = { calendar: { holidays: new Set() }, tz: 'WIB', days: deadlineDays(DEFAULT_SETTINGS) };
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('opening the database', () => {
  it('applies every migration and sets durable pragmas', () => {
    const d = openAt(tempDir());
    expect(d.schemaVersion).toBe(loadMigrations(MIGRATIONS_DIR).length);
    expect(d.sqlite.pragma('user_version', { simple: true })).toBe(d.schemaVersion);
    expect(d.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(d.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(d.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(d.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = d.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['complaints', 'complaint_events', 'registration_counters', 'settings']));
  });

  it('reopens without re-running migrations and keeps data', () => {
    const dir = tempDir();
    const first = openAt(dir);
    const row = createComplaint(first.db, complaintInput.parse(formA()), DEFAULT_SETTINGS, ctx);
    first.close();
    const again = openAt(dir);
    expect(again.sqlite.prepare('SELECT registration_no FROM complaints WHERE id = ?').pluck().get(row.id)).toBe(row.registrationNo);
  });

  it('refuses a database written by a newer version and leaves the file untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE);
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma('user_version = 999');
    future.close();
    const before = sha(file);
    const mtime = fs.statSync(file).mtimeMs;
    expect(() => openAt(dir)).toThrow(/versi Loket Aduan yang lebih baru.*999/);
    expect(sha(file)).toBe(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });

  it('never deletes a complaint and keeps its history append-only', () => {
    const d = openAt(tempDir());
    const row = createComplaint(d.db, complaintInput.parse(formA()), DEFAULT_SETTINGS, ctx);
    expect(() => d.sqlite.prepare('DELETE FROM complaints WHERE id = ?').run(row.id)).toThrow(/never deleted/);
    expect(() => d.sqlite.prepare("UPDATE complaint_events SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => d.sqlite.prepare('DELETE FROM complaint_events').run()).toThrow(/append-only/);
    expect(d.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(1);
    const ev = d.sqlite.prepare("SELECT type, seq, json_extract(data, '$.version') AS v FROM complaint_events WHERE complaint_id = ?").get(row.id);
    expect(ev).toEqual({ type: 'created', seq: 1, v: 1 });
  });

  it('gives UUIDv7 ids, version 1 and timestamps to a new complaint', () => {
    const d = openAt(tempDir());
    const row = createComplaint(d.db, complaintInput.parse(formA()), DEFAULT_SETTINGS, ctx, '2026-11-24T01:02:03.000Z');
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(row.version).toBe(1);
    expect(row.createdAt).toBe('2026-11-24T01:02:03.000Z');
    expect(row.updatedAt).toBe(row.createdAt);
    expect(row.receivedAt).toBe('2026-11-20T02:15:00.000Z'); // 09:15 WIB
  });
});
