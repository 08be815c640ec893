// Writing files so that a power cut leaves either the old content or the new, never a mix: write a
// temporary file, fsync it, rename it over the target, fsync the folder. Used for keys, attachments,
// the encryption of an older database, backups and restores.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename or unlink in `dir` durable (POSIX); Windows has no directory fsync and needs none. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes `bytes` to `file` durably and atomically. A failure (disk full, folder turned read-only)
 * leaves no temporary file behind and the old content, if any, in place.
 */
export function writeFileDurably(file: string, bytes: Buffer | string, mode = 0o644): void {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = fs.openSync(tmp, 'wx', mode);
    try {
      // writeFileSync writes until every byte is out: a single writeSync on a nearly full disk
      // returns a short count without an error.
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDir(path.dirname(file));
}
