// The first start of this version on a data folder an earlier version wrote in plain: the database
// and every attachment file are encrypted, verified, and swapped in; a power cut after any step
// (the process killed with SIGKILL there) leaves the database whole, old or new, and the next start
// finishes the job.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileState, openKeyed, vacuumInto } from '../../db/cipher';
import { ENCRYPTION_STEPS, encryptDatabaseFile, leftovers } from '../../db/encrypt-migration';
import { fingerprint, type Fingerprint } from '../../db/fingerprint';
import { DB_FILE } from '../../db/open';
import { isEncryptedAttachment } from '../../server/attachment-store';
import { browserKeyStore, dataKeysFor, defaultKeyFile } from '../../server/keys';
import { REPO_ROOT } from '../../server/paths';
import { filesUnder, holding, populate, tableRows } from '../backup-helpers';
import { coresClosedAfterEach, makeCore, tempDir } from '../helpers';

const newCore = coresClosedAfterEach();
const clock = () => new Date('2026-11-24T03:00:00Z');
const NAME = 'Pelapor Versi Lama';

let template = '';
let plainPrint: Fingerprint;
let plainRows: Record<string, string[]>;
/** The columns of each table as the earlier version had them (later migrations add some). */
let plainColumns: Map<string, string[]>;
let plainFiles: Map<string, Buffer>;

/** A folder as the version before this one left it: plain database (schema 13), plain scans. */
beforeAll(async () => {
  const made = tempDir('loket-plain-made-');
  const old = makeCore(made, { now: clock, keyStore: 'plaintext' });
  await populate(old, 10, NAME);
  await old.close();
  const sqlite = new Database(path.join(made, DB_FILE));
  // What migrations 0013 (backups), 0014-0015 (accounts, audit log) and 0016-0017 (recap and
  // outbox indexes) add is not there yet.
  sqlite.exec(
    'DROP INDEX outbox_due; DROP INDEX outbox_retry; DROP INDEX outbox_sending; DROP INDEX outbox_rejected; CREATE INDEX outbox_state_queued ON outbox (state, queued_at, complaint_id); ' +
      'DROP INDEX complaint_events_moves; DROP TABLE local_state; DROP TABLE restores; DROP TABLE audit_log; DROP TABLE accounts; ' +
      'ALTER TABLE complaint_events DROP COLUMN actor_account_id; ALTER TABLE complaints DROP COLUMN officer_account_id; PRAGMA user_version = 13;',
  );
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  // Committed pages still in the WAL when the PC went off, as a running old app leaves them.
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.exec("INSERT INTO sync_meta (key, value) VALUES ('cursor', 'c-0042')");
  template = tempDir('loket-plain-');
  fs.cpSync(made, template, { recursive: true });
  plainPrint = fingerprint(sqlite);
  plainRows = tableRows(sqlite);
  plainColumns = new Map(Object.keys(plainRows).map((t) => [t, sqlite.prepare(`SELECT name FROM pragma_table_info('${t}')`).pluck().all() as string[]]));
  sqlite.close();
  expect(fs.statSync(path.join(template, `${DB_FILE}-wal`)).size).toBeGreaterThan(0);
  plainFiles = new Map(fs.readdirSync(path.join(template, 'attachments')).map((n) => [n, fs.readFileSync(path.join(template, 'attachments', n))]));
  expect(plainFiles.size).toBe(4);
  expect(fileState(path.join(template, DB_FILE))).toBe('plain');
  expect(holding(filesUnder(template), NAME)).not.toEqual([]); // what this version must fix
});

const copyOfOld = () => {
  const dir = tempDir('loket-old-copy-');
  fs.cpSync(template, dir, { recursive: true });
  return dir;
};

/** The database's content, whatever state the file is in. */
function contentOf(dir: string): { state: string; print: Fingerprint } {
  const file = path.join(dir, DB_FILE);
  const state = fileState(file);
  const sqlite = state === 'plain' ? new Database(file, { readonly: true }) : openKeyed(file, dataKeysFor(dir, browserKeyStore(dir)).database, { readonly: true });
  try {
    return { state, print: fingerprint(sqlite) };
  } finally {
    sqlite.close();
  }
}

function expectFinished(dir: string) {
  const c = newCore(dir, { now: clock });
  expect(fileState(c.database.file)).toBe('encrypted');
  const rows = tableRows(c.database.sqlite, (t) => plainColumns.get(t));
  // The complaints, their history, attachments and outbox are the old ones, row for row.
  for (const table of ['complaints', 'complaint_events', 'complaint_attachments', 'outbox', 'drafts', 'registration_counters', 'complaints_fts_content']) {
    expect(rows[table], table).toEqual(plainRows[table]);
  }
  for (const [sha, bytes] of plainFiles) {
    expect(isEncryptedAttachment(fs.readFileSync(path.join(dir, 'attachments', sha))), sha).toBe(true);
    expect(c.attachments.read(sha).equals(bytes), sha).toBe(true);
  }
  const f = leftovers(c.database.file);
  expect([f.copy, f.old, f.wipe].filter((x) => fs.existsSync(x))).toEqual([]);
  return c;
}

describe('encrypting a data folder an earlier version wrote in plain', () => {
  it('encrypts the database and every scan at the first start, and no plaintext stays in any file', async () => {
    const dir = copyOfOld();
    expect(fs.existsSync(defaultKeyFile(dir))).toBe(false);
    const c = expectFinished(dir);
    expect(fs.statSync(defaultKeyFile(dir)).mode & 0o777).toBe(0o600);
    const list = (await c.dispatch('complaints.list', { q: `${NAME} 3` })) as { ok: true; value: { total: number } };
    expect(list.value.total).toBe(1);
    c.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(holding(filesUnder(dir), NAME)).toEqual([]);
    expect(holding(filesUnder(dir), 'Uraian pengaduan')).toEqual([]);
  });

  it.each(ENCRYPTION_STEPS.filter((s) => s !== 'done'))('a power cut right after "%s" leaves the database whole; the next start finishes', (step) => {
    const dir = copyOfOld();
    const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/crash-child.ts'), dir, 'database', step], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(res.signal, res.stderr).toBe('SIGKILL');
    const after = contentOf(dir);
    expect(after.state).toBe(['swap', 'verify-swapped', 'wipe-old'].includes(step) ? 'encrypted' : 'plain');
    expect(after.print).toEqual(plainPrint);
    expectFinished(dir);
  }, 60_000);

  it('a power cut while the scans are encrypted leaves each one whole, plain or encrypted; the next start finishes', () => {
    const dir = copyOfOld();
    // The database first (a finished step), then the cut after the second scan.
    encryptDatabaseFile(path.join(dir, DB_FILE), dataKeysFor(dir, browserKeyStore(dir)).database);
    const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/crash-child.ts'), dir, 'attachments', '2'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(res.signal, res.stderr).toBe('SIGKILL');
    const states = [...plainFiles.keys()].map((sha) => isEncryptedAttachment(fs.readFileSync(path.join(dir, 'attachments', sha))));
    expect(states.filter(Boolean)).toHaveLength(2);
    expectFinished(dir);
  }, 60_000);

  it('puts the old file back and starts over when the swapped-in copy is not what it should be', () => {
    const dir = copyOfOld();
    const file = path.join(dir, DB_FILE);
    const key = dataKeysFor(dir, browserKeyStore(dir)).database;
    // As after a swap, but the new file holds something else (a fault of the disk, say).
    const plain = new Database(file);
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.close();
    fs.copyFileSync(file, leftovers(file).old);
    const other = tempDir();
    const wrong = new Database(path.join(other, 'lain.sqlite'));
    wrong.exec('CREATE TABLE lain (x)');
    wrong.close();
    fs.rmSync(file);
    fs.rmSync(`${file}-wal`, { force: true });
    vacuumInto({ file: path.join(other, 'lain.sqlite'), key: null }, file, key);
    expect(contentOf(dir).print).not.toEqual(plainPrint);
    encryptDatabaseFile(file, key);
    expect(contentOf(dir)).toEqual({ state: 'encrypted', print: plainPrint });
    expectFinished(dir);
  });
});
