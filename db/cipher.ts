// Encryption at rest of the SQLite file, by SQLite3 Multiple Ciphers (the `better-sqlite3` package
// is the better-sqlite3-multiple-ciphers fork, see package.json). Every page, of the database and
// of its WAL, is encrypted before it reaches the disk; without the key the file is noise.
//
// - The cipher: see CIPHER below (chosen by measurement, README "Encryption at rest").
// - The key is 32 random bytes handed over as a raw key (`x'…'`), so no passphrase KDF runs at
//   every open; server/keys.ts makes and keeps it.
// - The cipher and key pragmas must come before anything reads the file: SQLite3MC attaches the
//   codec when the key is set, and a statement run earlier would read (or create) it in plain.
// - A new database file stays empty, and so unencrypted, until its first page is written; the
//   caller writes at once (journal mode, migrations) and `assertEncrypted` checks the header.
// - WAL works with every scheme: the WAL frames are encrypted with the pages.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { fsyncFile } from './durable';

/**
 * SQLite3MC's scheme: ChaCha20-Poly1305 (sqleet; the library's default and most used), an AEAD per
 * page, as fast in plain software as with AES instructions, so it costs the same on the older
 * office PCs without AES-NI. Measured against SQLCipher v4 (AES-256-CBC + HMAC-SHA512; readable by
 * SQLCipher tools, slower on saves and page scans) and AEGIS-256 (fastest with AES-NI, slow
 * without, readable only by SQLite3MC): README "Encryption at rest". Changing it later needs
 * every database re-encrypted (VACUUM INTO under the new scheme), so it is a constant.
 */
export const CIPHER = 'chacha20';

/**
 * What is at a path: nothing, an empty file, a plain SQLite database (its header), an encrypted one
 * (no header, and whole pages: the size a multiple of 512), or something else ('foreign').
 */
export type FileState = 'missing' | 'empty' | 'plain' | 'encrypted' | 'foreign';

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function fileState(file: string): FileState {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    if (n === 0) return 'empty';
    if (n === 16 && head.equals(PLAIN_HEADER)) return 'plain';
    return fs.fstatSync(fd).size % 512 === 0 ? 'encrypted' : 'foreign';
  } finally {
    fs.closeSync(fd);
  }
}

/** The key as SQLite3MC's raw-key text: `x'<64 hex digits>'` bypasses its key derivation. */
export function rawKey(key: Buffer): string {
  if (key.length !== 32) throw new Error('a database key is 32 bytes');
  return `x'${key.toString('hex')}'`;
}

/** The connection's scheme, for its main database and every database it attaches with a key. */
function useCipher(sqlite: Database.Database): void {
  sqlite.pragma(`cipher = '${CIPHER}'`);
}

/** Sets the scheme and the key on a fresh connection; must run before any other statement. */
export function keyConnection(sqlite: Database.Database, key: Buffer): void {
  useCipher(sqlite);
  sqlite.key(Buffer.from(rawKey(key), 'latin1'));
}

/** The key does not open this file (another folder's key, or the file is not a database). */
export class WrongKeyError extends Error {
  constructor(readonly file: string) {
    super(`the key does not open ${file}`);
    this.name = 'WrongKeyError';
  }
}

/**
 * Opens an encrypted database (or creates one) with its key; a wrong key is a WrongKeyError, found
 * by reading the schema at once rather than at the first query. `key: null` opens a plain file
 * (the unencrypted baseline of the bench, files of earlier versions).
 */
export function openKeyed(file: string, key: Buffer | null, options: Database.Options = {}): Database.Database {
  const sqlite = new Database(file, options);
  try {
    if (key) keyConnection(sqlite, key);
    sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
    return sqlite;
  } catch (e) {
    sqlite.close();
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') throw new WrongKeyError(file);
    throw e;
  }
}

/** Refuses to go on with a database that reached the disk unencrypted. */
export function assertEncrypted(file: string): void {
  const state = fileState(file);
  if (state !== 'encrypted') throw new Error(`${file} is ${state}, not encrypted`);
}

/**
 * Copies a database into a new file encrypted under `targetKey`, never writing a plain page: the
 * copy is SQLite's VACUUM INTO, run from a connection whose main database carries the target key
 * (SQLite3MC opens the INTO file with the main database's key) and which attaches the source with
 * its own key (`null`: a plain source). The main database is an empty placeholder, never written.
 *
 * The source is read in one read transaction, so the copy is a consistent snapshot even while
 * another connection keeps committing (WAL). Rowids are kept (VACUUM INTO copies them; the FTS
 * index depends on it), as are user_version and every table. SQLite does not fsync the INTO file;
 * this does, so the copy is on disk when this returns.
 *
 * The online backup API cannot do this here: SQLite3MC refuses a backup from an encrypted source
 * to a destination without the same codec, and better-sqlite3 opens the destination itself,
 * without a key (no URI filenames in this build, and ':memory:' is refused).
 */
export function vacuumInto(source: { file: string; key: Buffer | null }, target: string, targetKey: Buffer | null): void {
  if (fs.existsSync(target)) throw new Error(`${target} already exists`);
  const placeholder = `${target}.main`;
  fs.rmSync(placeholder, { force: true });
  const sqlite = new Database(placeholder);
  try {
    if (targetKey) keyConnection(sqlite, targetKey);
    else useCipher(sqlite);
    sqlite.prepare('ATTACH DATABASE ? AS source KEY ?').run(source.file, source.key ? rawKey(source.key) : '');
    sqlite.prepare('VACUUM source INTO ?').run(target);
    sqlite.exec('DETACH DATABASE source');
  } finally {
    sqlite.close();
    fs.rmSync(placeholder, { force: true });
  }
  fsyncFile(target);
}
