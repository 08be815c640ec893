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
      const fd = fs.openSync(tmp, 'w');
      try {
        fs.writeSync(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, target);
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
