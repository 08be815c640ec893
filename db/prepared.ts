// Queries on the hot path (every save, every call's session check) built once per connection.
//
// drizzle builds a query's SQL text from its parts on every call: for the dozen small statements of
// one save that was about a millisecond, more than SQLite took to run them (see the save figure in
// `npm run bench`). A query written here with `sql.placeholder` is built and prepared the first time
// and then only run. It is the same drizzle query, typed by the schema as any other.
import { sql } from 'drizzle-orm';
import type { SQLiteInsertValue, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './open';

/**
 * The connection a `Db` runs on. A transaction (and a savepoint inside it) is a new drizzle object
 * on the same session, so the session is what identifies the connection; drizzle keeps it on every
 * database and transaction object (sqlite-core BaseSQLiteDatabase), though its types mark it internal.
 */
function connectionOf(db: Db): object {
  const session = (db as unknown as { session?: object }).session;
  if (!session) throw new Error('not a drizzle database');
  return session;
}

const byConnection = new WeakMap<object, Map<unknown, unknown>>();

/**
 * The query `build` makes, prepared once per connection and reused; `variant` tells apart shapes
 * the same builder makes (a filter with or without a phone number).
 */
export function prepared<T>(db: Db, build: (db: Db, variant: string) => T, variant = ''): T {
  const connection = connectionOf(db);
  let queries = byConnection.get(connection);
  if (!queries) byConnection.set(connection, (queries = new Map()));
  let perBuilder = queries.get(build) as Map<string, T> | undefined;
  if (!perBuilder) queries.set(build, (perBuilder = new Map()));
  let query = perBuilder.get(variant);
  if (query === undefined) perBuilder.set(variant, (query = build(db, variant)));
  return query;
}

/** The values of an insert that takes each of `keys` from a placeholder of the same name. */
export function placeholders<T extends SQLiteTable>(keys: readonly string[]): SQLiteInsertValue<T> {
  return Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as SQLiteInsertValue<T>;
}
