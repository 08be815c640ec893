// The audit log's rows (forms/audit.ts): appended in the caller's transaction, read back with the
// *Log audit* screen's filters, and verified as a hash chain.
//
// Each row's hash is SHA-256 over the previous row's hash and the row's own content as canonical
// JSON (its seq included), so changing a row's content, removing a row or reordering rows breaks
// the chain at that row. The previous hash is read from the last row by its primary key (the
// rowid b-tree's last page, a few microseconds) inside the same write transaction: correct even
// when the command line (`npm run users`) appends while the app runs, which a cached copy would
// not be. Only the end of the log can be cut off unseen; a backup or an exported copy shows that.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { canonicalJson, type AuditAction, type AuditRow, type AuditVerification } from '../forms/audit';
import { inTransaction, type Db } from './open';
import { placeholders, prepared } from './prepared';
import { accounts, auditLog } from './schema';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  accountId: string | null;
  accountName: string;
  action: AuditAction;
  method?: string | null;
  object?: string | null;
  outcome: string;
  detail?: Record<string, unknown> | null;
}

type HashedContent = Omit<AuditRow, 'detail' | 'hash'> & { detail: unknown };

export function auditHash(prevHash: string, row: HashedContent): string {
  return crypto.createHash('sha256').update(prevHash).update('\n').update(canonicalJson(row)).digest('hex');
}

/**
 * A text as SQLite keeps it: UTF-8 cannot hold a lone surrogate (text typed or sent broken), which
 * would come back as U+FFFD and no longer match its hash; it is replaced before hashing instead.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const asStored = (s: string | null | undefined): string | null => (s == null ? null : s.replace(LONE_SURROGATE, '\uFFFD'));

// Built once per connection (db/prepared.ts): every change writes a row.
const lastRow = (db: Db) => db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).prepare();
const ROW_KEYS = ['seq', 'at', 'accountId', 'accountName', 'action', 'method', 'object', 'outcome', 'detail', 'prevHash', 'hash'] as const satisfies readonly (keyof typeof auditLog.$inferInsert)[];
const insertRow = (db: Db) =>
  db
    .insert(auditLog)
    .values(placeholders<typeof auditLog>(ROW_KEYS))
    .prepare();

/** Appends one row (inside the caller's transaction when there is one); returns its seq. */
export function appendAudit(db: Db, entry: AuditEntry): number {
  // Through JSON once, so what is hashed is exactly what is stored and read back.
  const detail = entry.detail ? (JSON.parse(JSON.stringify(entry.detail)) as Record<string, unknown>) : null;
  return inTransaction(db, (tx) => {
    const last = prepared(tx, lastRow).get();
    const row = {
      seq: (last?.seq ?? 0) + 1,
      at: entry.at,
      accountId: entry.accountId,
      accountName: asStored(entry.accountName)!,
      action: entry.action,
      method: asStored(entry.method),
      object: asStored(entry.object),
      outcome: entry.outcome,
      detail,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    prepared(tx, insertRow).run({ ...row, prevHash, hash: auditHash(prevHash, row) } satisfies Record<(typeof ROW_KEYS)[number], unknown>);
    return row.seq;
  });
}

/** Walks the whole chain in order; the first row that does not verify, or null. */
export function verifyAudit(sqlite: Database.Database): AuditVerification {
  const rows = sqlite.prepare('SELECT seq, at, account_id, account_name, action, method, object, outcome, detail, prev_hash, hash FROM audit_log ORDER BY seq').iterate() as IterableIterator<{
    seq: number;
    at: string;
    account_id: string | null;
    account_name: string;
    action: AuditAction;
    method: string | null;
    object: string | null;
    outcome: string;
    detail: string | null;
    prev_hash: string;
    hash: string;
  }>;
  let n = 0;
  let prev = GENESIS_HASH;
  let brokenAt: number | null = null;
  for (const r of rows) {
    n++;
    if (brokenAt !== null) continue;
    let detail: unknown;
    try {
      detail = r.detail === null ? null : JSON.parse(r.detail);
    } catch {
      brokenAt = r.seq;
      continue;
    }
    const content = { seq: r.seq, at: r.at, accountId: r.account_id, accountName: r.account_name, action: r.action, method: r.method, object: r.object, outcome: r.outcome, detail };
    if (r.seq !== n || r.prev_hash !== prev || r.hash !== auditHash(prev, content)) brokenAt = r.seq;
    prev = r.hash;
  }
  return { rows: n, brokenAt };
}

export interface AuditFilter {
  accountId: string | null;
  action: AuditAction | null;
  /** Instants: [since, until). */
  since: string | null;
  until: string | null;
}

function where(f: AuditFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.accountId) conds.push(eq(auditLog.accountId, f.accountId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.since) conds.push(gte(auditLog.at, f.since));
  if (f.until) conds.push(lt(auditLog.at, f.until));
  return conds.length ? and(...conds) : undefined;
}

/** Newest first. */
export function listAudit(db: Db, f: AuditFilter, page: { limit: number; offset: number }): { items: AuditRow[]; total: number } {
  const w = where(f);
  const items = db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      accountId: auditLog.accountId,
      accountName: auditLog.accountName,
      action: auditLog.action,
      method: auditLog.method,
      object: auditLog.object,
      outcome: auditLog.outcome,
      detail: auditLog.detail,
      hash: auditLog.hash,
    })
    .from(auditLog)
    .where(w)
    .orderBy(desc(auditLog.seq))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  const total = db.select({ n: count() }).from(auditLog).where(w).get()?.n ?? 0;
  return { items, total };
}

/** Everyone the person filter can name: every account (accounts are never deleted). */
export function auditPeople(db: Db): { id: string; name: string }[] {
  return db.select({ id: accounts.id, name: accounts.name }).from(accounts).orderBy(accounts.name).all();
}
