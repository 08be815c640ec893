// The first start of a version with encryption on a database an earlier version wrote in plain:
// an encrypted copy is written beside it, verified, and swapped in atomically; the old file is kept
// until the swapped-in copy has been verified again, then overwritten with zeros and removed.
//
// A power cut at any point leaves `loket-aduan.sqlite` whole, old (plain) or new (encrypted):
//
//   step            files after it                                 next start
//   checkpoint      F (plain, WAL folded in)                       starts over
//   copy            F, F.encrypting (fsynced)                      drops F.encrypting, starts over
//   verify          same                                           same
//   keep-old        F, F.plain-old (hard link to F), F.encrypting  drops both extras, starts over
//   swap            F (encrypted), F.plain-old                     verifies F against F.plain-old
//   verify-swapped  same                                           same
//   wipe-old        F, F.plain-wipe (being zeroed)                 finishes the wipe
//   done            F
//
// The swap is one rename over F, so F never goes missing. Should the swapped-in file fail its
// check, the kept old file is renamed back and the whole thing starts over.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fileState, openKeyed, vacuumInto } from './cipher';
import { fsyncDir, fsyncFile } from './durable';
import { fingerprint, fingerprintDifferences, integrityProblems, type Fingerprint } from './fingerprint';

export const ENCRYPTION_STEPS = ['checkpoint', 'copy', 'verify', 'keep-old', 'swap', 'verify-swapped', 'wipe-old', 'done'] as const;
export type EncryptionStep = (typeof ENCRYPTION_STEPS)[number];

export interface EncryptionHooks {
  /** Called after each step has reached the disk (tests stop the process here). */
  after?(step: EncryptionStep): void;
}

export const leftovers = (file: string) => ({ copy: `${file}.encrypting`, old: `${file}.plain-old`, wipe: `${file}.plain-wipe` });

export class EncryptionCheckFailed extends Error {
  constructor(readonly problems: string[]) {
    super(`the encrypted copy differs from the original: ${problems.slice(0, 5).join(', ')}`);
    this.name = 'EncryptionCheckFailed';
  }
}

function plainFingerprint(file: string): Fingerprint {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fingerprint(sqlite);
  } finally {
    sqlite.close();
  }
}

function checkCopy(file: string, key: Buffer, expected: Fingerprint): void {
  const sqlite = openKeyed(file, key, { readonly: true, fileMustExist: true });
  try {
    const problems = [...integrityProblems(sqlite), ...fingerprintDifferences(expected, fingerprint(sqlite))];
    if (problems.length) throw new EncryptionCheckFailed(problems);
  } finally {
    sqlite.close();
  }
}

/** Overwrites a plain file with zeros before removing it, so its pages do not linger on disk as they were. */
function wipe(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    const zeros = Buffer.alloc(1 << 20);
    for (let at = 0; at < size; at += zeros.length) fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.rmSync(file);
}

/** Reading a WAL-mode file read-only leaves an empty -wal and an -shm index beside it; they go too. */
function removeSidecars(...files: string[]): void {
  for (const f of files) for (const s of ['-wal', '-shm']) fs.rmSync(f + s, { force: true });
}

/** A second name for the old file: a hard link, or a copy where the filesystem has none (FAT). */
function keepOld(file: string, old: string): void {
  try {
    fs.linkSync(file, old);
  } catch {
    fs.copyFileSync(file, old);
    fsyncFile(old);
  }
}

/**
 * Brings `file` to encrypted under `key`, resuming whatever a crash interrupted. Returns whether
 * there was anything to do. A missing or empty file is left alone (it is created encrypted).
 */
export function encryptDatabaseFile(file: string, key: Buffer, hooks: EncryptionHooks = {}): boolean {
  const dir = path.dirname(file);
  const { copy, old, wipe: wiping } = leftovers(file);
  const step = (s: EncryptionStep) => hooks.after?.(s);
  let worked = false;
  const finishWipe = () => {
    wipe(wiping);
    removeSidecars(old, wiping);
    fsyncDir(dir);
  };
  /** The swapped-in file has passed its check: the old one is no longer needed. */
  const retireOld = () => {
    step('verify-swapped');
    fs.renameSync(old, wiping);
    fsyncDir(dir);
    finishWipe();
    step('wipe-old');
  };

  if (fs.existsSync(wiping)) {
    finishWipe();
    worked = true;
  }
  let state = fileState(file);
  if (state === 'encrypted' && fs.existsSync(old)) {
    worked = true;
    try {
      checkCopy(file, key, plainFingerprint(old));
    } catch (e) {
      if (!(e instanceof EncryptionCheckFailed)) throw e;
      // The swapped-in copy is not what it should be: put the old file back and start over.
      for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      fs.renameSync(old, file);
      fsyncDir(dir);
      state = 'plain';
    }
    if (state === 'encrypted') retireOld();
  }
  if (state !== 'plain') {
    fs.rmSync(copy, { force: true });
    if (worked) step('done');
    return worked;
  }

  // Plain: whatever an interrupted attempt left beside it goes, and it starts over.
  for (const f of [copy, `${copy}.main`, old]) fs.rmSync(f, { force: true });

  // Fold the WAL into the file, so the file alone is the database and no plain WAL stays beside it.
  const plain = new Database(file, { fileMustExist: true });
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    plain.close();
  }
  step('checkpoint');

  vacuumInto({ file, key: null }, copy, key);
  fsyncDir(dir);
  step('copy');

  const before = plainFingerprint(file);
  checkCopy(copy, key, before);
  step('verify');

  keepOld(file, old);
  fsyncDir(dir);
  step('keep-old');

  // A plain WAL or shared-memory file beside the encrypted database would be read as its own.
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) throw new Error(`${wal} is not empty; another process is writing the database`);
  for (const f of [wal, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(copy, file);
  fsyncDir(dir);
  step('swap');

  checkCopy(file, key, before);
  retireOld();
  step('done');
  return true;
}
