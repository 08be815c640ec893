// Managing accounts, as Pengaturan → Akun pengguna (server/procedures/accounts.ts) and the command
// line (`npm run users`, server/users-cli.ts) both do it: each change answers the account and what
// its audit row says (the account's values before and after; never a password, only that it changed).
import { insertAccount, setAccountActive, setPasswordHash, updateAccount, type AccountRow } from '../db/accounts';
import type { Db } from '../db/open';
import type { AccountCreate, AccountUpdate } from '../forms/accounts';
import { changedValues } from '../forms/audit';
import { hashPasswordSync } from './passwords';

export interface AccountChange {
  row: AccountRow;
  /** The object and detail of its audit row. */
  note: { object: string; detail: Record<string, unknown> };
}

/** What an audit row may say about an account. */
const audited = (r: AccountRow) => ({ username: r.username, name: r.name, nip: r.nip, roles: r.roles, active: r.active });

export function addAccount(db: Db, input: AccountCreate, now: string): AccountChange {
  const row = insertAccount(db, { username: input.username, name: input.name, nip: input.nip, roles: input.roles, passwordHash: hashPasswordSync(input.password) }, now);
  return { row, note: { object: row.username, detail: { before: null, after: audited(row) } } };
}

export function changeAccount(db: Db, input: AccountUpdate, now: string): AccountChange {
  const { before, after } = updateAccount(db, input, now);
  return { row: after, note: { object: after.username, detail: changedValues(audited(before), audited(after)) } };
}

export function activateAccount(db: Db, id: string, active: boolean, now: string): AccountChange {
  const { before, after } = setAccountActive(db, id, active, now);
  return { row: after, note: { object: after.username, detail: changedValues(audited(before), audited(after)) } };
}

export function resetAccountPassword(db: Db, id: string, password: string, now: string): AccountChange {
  const row = setPasswordHash(db, id, hashPasswordSync(password), now);
  return { row, note: { object: row.username, detail: { password: 'diatur ulang' } } };
}
