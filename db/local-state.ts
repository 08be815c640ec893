// Facts about this data folder, one JSON value per key in `local_state`: the backup settings and
// outcomes (server/backup/), and whether every attachment file is encrypted.
import { desc, eq } from 'drizzle-orm';
import type { Db } from './open';
import { localState, restores } from './schema';

/** The backup password's key: scrypt(password, salt) with its parameters; the password is not kept. */
export interface PasswordKey {
  salt: string; // base64
  N: number;
  r: number;
  p: number;
  key: string; // base64, 32 bytes
}

export interface LocalStateValues {
  folder: string;
  dailyAt: string;
  password: PasswordKey;
  lastGood: { at: string; file: string; bytes: number };
  lastFailure: { at: string; message: string };
  /** Set once every file under attachments/ is encrypted (an earlier version stored them plain). */
  attachmentsEncrypted: true;
}

export function getLocal<K extends keyof LocalStateValues>(db: Db, key: K): LocalStateValues[K] | null {
  const row = db.select().from(localState).where(eq(localState.key, key)).get();
  return row ? (JSON.parse(row.value) as LocalStateValues[K]) : null;
}

export function setLocal<K extends keyof LocalStateValues>(db: Db, key: K, value: LocalStateValues[K] | null): void {
  if (value === null) {
    db.delete(localState).where(eq(localState.key, key)).run();
    return;
  }
  const json = JSON.stringify(value);
  db.insert(localState).values({ key, value: json }).onConflictDoUpdate({ target: localState.key, set: { value: json } }).run();
}

export function lastRestore(db: Db) {
  return db.select().from(restores).orderBy(desc(restores.id)).limit(1).get() ?? null;
}
