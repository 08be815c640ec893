// Attachment bytes live outside the database, under <data>/attachments/, named by their SHA-256:
// the same scan stored twice is one file, and a file is written (and fsynced) before any row or
// draft refers to it, so a failed save never loses an upload.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../forms/api';
import { ATTACHMENT_TYPES, formatSize, sniffType, type AttachmentRef } from '../forms/attachments';

export class AttachmentStore {
  readonly dir: string;
  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'attachments');
    fs.mkdirSync(this.dir, { recursive: true });
    // A write cut short by a crash or power cut leaves its temporary file, which no row refers to.
    // Only old ones go: another app process on the same folder may be writing a fresh one.
    for (const name of fs.readdirSync(this.dir)) {
      const file = path.join(this.dir, name);
      if (TEMP_FILE.test(name) && Date.now() - fs.statSync(file).mtimeMs > STALE_TEMP_MS) fs.rmSync(file, { force: true });
    }
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new ApiError({ code: 'INVALID_INPUT', message: 'Lampiran tidak dikenal.' });
    return path.join(this.dir, sha256);
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }

  put(filename: string, claimedType: string, bytes: Buffer, maxBytes: number): AttachmentRef {
    if (bytes.length === 0) throw new ApiError({ code: 'INVALID_INPUT', message: 'Berkas kosong.', fields: { file: 'Berkas kosong.' } });
    if (bytes.length > maxBytes) {
      const message = `Berkas ${formatSize(bytes.length)} melebihi batas ${formatSize(maxBytes)}.`;
      throw new ApiError({ code: 'INVALID_INPUT', message, fields: { file: message } });
    }
    const sniffed = sniffType(bytes);
    if (!sniffed || (claimedType && claimedType in ATTACHMENT_TYPES && claimedType !== sniffed)) {
      const message = 'Lampiran harus berkas PDF, JPG atau PNG yang sah.';
      throw new ApiError({ code: 'INVALID_INPUT', message, fields: { file: message } });
    }
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      try {
        const fd = fs.openSync(tmp, 'w');
        try {
          // writeFileSync writes until every byte is out: a single writeSync on a nearly full disk
          // returns a short count without an error, and a truncated scan would be kept as whole.
          fs.writeFileSync(fd, bytes);
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        fs.renameSync(tmp, target);
      } catch (e) {
        // A failed write (disk full, folder turned read-only) leaves no partial file behind.
        fs.rmSync(tmp, { force: true });
        throw e;
      }
      syncDir(this.dir);
    }
    return { sha256, filename: path.basename(filename).slice(0, 200), contentType: sniffed, size: bytes.length };
  }

  read(sha256: string): Buffer {
    const p = this.pathOf(sha256);
    if (!fs.existsSync(p)) throw new ApiError({ code: 'NOT_FOUND', message: 'Berkas lampiran tidak ditemukan di folder data.' });
    return fs.readFileSync(p);
  }
}

/** `<sha256>.<pid>.<random>.tmp`, as `put` names a file while writing it. */
const TEMP_FILE = /^[0-9a-f]{64}\.\d+\.[0-9a-f]{8}\.tmp$/;
const STALE_TEMP_MS = 60 * 60_000;

/** Makes the rename itself durable (POSIX); Windows has no directory fsync and needs none. */
function syncDir(dir: string) {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
