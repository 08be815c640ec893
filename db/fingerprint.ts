// A fingerprint of a database's content: for every table its row count and a SHA-256 over its rows
// (rowids included, in key order), plus user_version. Two files with equal fingerprints hold the
// same data whatever their page layout, cipher or key; the encryption of an older database, every
// backup (its manifest) and every restore are checked with it before anything relies on the copy.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

export interface TableFingerprint {
  rows: number;
  sha256: string;
}

export interface Fingerprint {
  userVersion: number;
  tables: Record<string, TableFingerprint>;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** One value as bytes with a type tag, so 1, 1.0, '1' and x'31' never hash alike. */
function feed(hash: crypto.Hash, value: unknown): void {
  if (value === null) hash.update('n;');
  else if (typeof value === 'bigint') hash.update(`i${value};`);
  else if (typeof value === 'number') hash.update(`r${value};`);
  else if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    hash.update(`t${bytes.length}:`).update(bytes);
  } else if (Buffer.isBuffer(value)) hash.update(`b${value.length}:`).update(value);
  else throw new Error(`unexpected value type ${typeof value}`);
}

/**
 * Every table with storage (FTS shadow tables and sqlite_sequence included; virtual tables
 * themselves hold nothing), read in one transaction so the fingerprint is of one moment.
 */
export function fingerprint(sqlite: Database.Database, schema = 'main'): Fingerprint {
  const s = quote(schema);
  const read = () => {
    const tables = sqlite
      .prepare(`SELECT name FROM ${s}.sqlite_schema WHERE type = 'table' AND rootpage > 0 ORDER BY name`)
      .pluck()
      .all() as string[];
    const withoutRowid = new Set(
      (sqlite.prepare('SELECT name, wr FROM pragma_table_list WHERE schema = ?').all(schema) as { name: string; wr: number }[]).filter((t) => t.wr).map((t) => t.name),
    );
    const result: Record<string, TableFingerprint> = {};
    for (const table of tables) {
      const columns = (sqlite.prepare(`SELECT count(*) FROM pragma_table_info(?, ?)`).pluck().get(table, schema) as number) || 1;
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
      const sql = withoutRowid.has(table) ? `SELECT * FROM ${s}.${quote(table)} ORDER BY ${order}` : `SELECT rowid, * FROM ${s}.${quote(table)} ORDER BY rowid`;
      const hash = crypto.createHash('sha256');
      let rows = 0;
      for (const row of sqlite.prepare(sql).raw(true).safeIntegers(true).iterate() as IterableIterator<unknown[]>) {
        for (const v of row) feed(hash, v);
        hash.update('\n');
        rows++;
      }
      result[table] = { rows, sha256: hash.digest('hex') };
    }
    const userVersion = Number(sqlite.prepare(`PRAGMA ${s}.user_version`).pluck().get());
    return { userVersion, tables: result };
  };
  return sqlite.inTransaction ? read() : sqlite.transaction(read)();
}

/** The tables whose content differs (or exists on one side only); empty when the two are the same. */
export function fingerprintDifferences(a: Fingerprint, b: Fingerprint): string[] {
  const names = [...new Set([...Object.keys(a.tables), ...Object.keys(b.tables)])].sort();
  const differ = names.filter((n) => a.tables[n]?.sha256 !== b.tables[n]?.sha256 || a.tables[n]?.rows !== b.tables[n]?.rows);
  return a.userVersion === b.userVersion ? differ : ['user_version', ...differ];
}

/** `PRAGMA integrity_check`: 'ok' or the problems SQLite found. */
export function integrityProblems(sqlite: Database.Database): string[] {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
}
