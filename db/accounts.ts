// Staff accounts (forms/accounts.ts): create, read, change roles and details, deactivate, set a
// password hash, count wrong passwords. Hashing and sessions are the core's (server/passwords.ts,
// server/sessions.ts); this file only stores.
import { asc, count, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AccountView, SessionAccount, StaffMember } from '../forms/accounts';
import type { Role } from '../forms/roles';
import { Refused } from './errors';
import type { Db } from './open';
import { prepared } from './prepared';
import { accounts } from './schema';

export type AccountRow = typeof accounts.$inferSelect;

export const ACCOUNT_NOT_FOUND = 'Akun tidak ditemukan.';

export function accountCount(db: Db): number {
  return db.select({ n: count() }).from(accounts).get()?.n ?? 0;
}

// Every call's session check reads it.
const byId = (db: Db) => db.select().from(accounts).where(eq(accounts.id, sql.placeholder('id'))).prepare();

export function accountById(db: Db, id: string): AccountRow | null {
  return prepared(db, byId).get({ id }) ?? null;
}

export function accountByUsername(db: Db, username: string): AccountRow | null {
  return db.select().from(accounts).where(eq(accounts.username, username.trim().toLowerCase())).get() ?? null;
}

/** An account as the admin sees it; `lockedUntil` is the caller's (it depends on clocks the database does not hold). */
export function accountView(row: AccountRow, lockedUntil: string | null = null): AccountView {
  return { id: row.id, username: row.username, name: row.name, nip: row.nip, roles: row.roles, active: row.active, createdAt: row.createdAt, lockedUntil };
}

export function sessionAccountOf(row: AccountRow): SessionAccount {
  return { id: row.id, username: row.username, name: row.name, nip: row.nip, roles: row.roles };
}

export function listAccounts(db: Db): AccountRow[] {
  return db.select().from(accounts).orderBy(asc(accounts.name), asc(accounts.username)).all();
}

/** Active accounts holding `role`, by name: who may be named *Petugas penerima* or sign as Ketua. */
export function staffWithRole(db: Db, role: Role): StaffMember[] {
  return db
    .select({ id: accounts.id, name: accounts.name, nip: accounts.nip })
    .from(accounts)
    .where(sql`${accounts.active} = 1 AND EXISTS (SELECT 1 FROM json_each(${accounts.roles}) WHERE value = ${role})`)
    .orderBy(asc(accounts.name))
    .all();
}

export interface NewAccount {
  username: string;
  name: string;
  nip: string | null;
  roles: Role[];
  passwordHash: string;
}

export function insertAccount(db: Db, a: NewAccount, now: string): AccountRow {
  if (accountByUsername(db, a.username)) throw new Refused('conflict', `Nama pengguna ${a.username} sudah dipakai.`, 'username');
  return db
    .insert(accounts)
    .values({ id: uuidv7(), ...a, active: true, failedAttempts: 0, lockedAt: null, createdAt: now, updatedAt: now })
    .returning()
    .get();
}

/** Active admins other than `except`: an office must always keep one. */
function otherActiveAdmins(db: Db, except: string): number {
  return db
    .select({ n: count() })
    .from(accounts)
    .where(sql`${accounts.id} <> ${except} AND ${accounts.active} = 1 AND EXISTS (SELECT 1 FROM json_each(${accounts.roles}) WHERE value = 'admin')`)
    .get()?.n ?? 0;
}

export const LAST_ADMIN_MESSAGE = 'Akun ini admin aktif terakhir. Tambahkan atau aktifkan admin lain dulu, agar selalu ada yang dapat mengelola akun dan pengaturan.';

/** Refuses a change that would leave no active admin. */
function keepAnAdmin(db: Db, row: AccountRow, next: { roles: Role[]; active: boolean }, field: string) {
  const wasAdmin = row.active && row.roles.includes('admin');
  const staysAdmin = next.active && next.roles.includes('admin');
  if (wasAdmin && !staysAdmin && otherActiveAdmins(db, row.id) === 0) throw new Refused('conflict', LAST_ADMIN_MESSAGE, field);
}

function existing(db: Db, id: string): AccountRow {
  const row = accountById(db, id);
  if (!row) throw new Refused('not_found', ACCOUNT_NOT_FOUND);
  return row;
}

export function updateAccount(db: Db, change: { id: string; name: string; nip: string | null; roles: Role[] }, now: string): { before: AccountRow; after: AccountRow } {
  const before = existing(db, change.id);
  keepAnAdmin(db, before, { roles: change.roles, active: before.active }, 'roles');
  const after = db.update(accounts).set({ name: change.name, nip: change.nip, roles: change.roles, updatedAt: now }).where(eq(accounts.id, change.id)).returning().get();
  return { before, after };
}

export function setAccountActive(db: Db, id: string, active: boolean, now: string): { before: AccountRow; after: AccountRow } {
  const before = existing(db, id);
  keepAnAdmin(db, before, { roles: before.roles, active }, 'active');
  const after = db.update(accounts).set({ active, updatedAt: now }).where(eq(accounts.id, id)).returning().get();
  return { before, after };
}

/** A new password hash; a reset also lifts a lockout. */
export function setPasswordHash(db: Db, id: string, passwordHash: string, now: string): AccountRow {
  existing(db, id);
  return db.update(accounts).set({ passwordHash, failedAttempts: 0, lockedAt: null, updatedAt: now }).where(eq(accounts.id, id)).returning().get();
}

/** One more wrong password; returns the count now. */
export function countFailure(db: Db, id: string): number {
  return db.update(accounts).set({ failedAttempts: sql`${accounts.failedAttempts} + 1` }).where(eq(accounts.id, id)).returning({ n: accounts.failedAttempts }).get()?.n ?? 0;
}

/** The lockout begins (its start on the wall clock survives a restart); the count starts again. */
export function startLockout(db: Db, id: string, at: string): void {
  db.update(accounts).set({ lockedAt: at, failedAttempts: 0 }).where(eq(accounts.id, id)).run();
}

/** A right password, or a lockout that has run out: no failures, no lock. */
export function clearFailures(db: Db, id: string): void {
  db.update(accounts).set({ failedAttempts: 0, lockedAt: null }).where(eq(accounts.id, id)).run();
}
