// Attachment bytes live outside the database, under <data>/attachments/, named by the SHA-256 of
// their content: the same scan stored twice is one file, and a file is written (and fsynced)
// before any row or draft refers to it, so a failed save never loses an upload.
//
// Each file is encrypted with AES-256-GCM under the folder's attachments key (server/keys.ts): a
// 4-byte mark, a random 12-byte nonce, the ciphertext, the 16-byte tag; the name is the additional
// data, so a file copied under another name does not decrypt. Files an earlier version wrote in
// plain are encrypted in place at the first start (`encryptPlainFiles`), each verified before it
// replaces the plain one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '../db/durable';
import { ApiError } from '../forms/api';
import { ATTACHMENT_TYPES, formatSize, sniffType, type AttachmentRef } from '../forms/attachments';

const MARK = Buffer.from('LKA1', 'latin1');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export const sha256Of = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

export function encryptAttachment(key: Buffer, sha256: string, plain: Buffer): Buffer {
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.concat([MARK, Buffer.from(sha256, 'latin1')]));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MARK, nonce, body, cipher.getAuthTag()]);
}

export const isEncryptedAttachment = (stored: Buffer) => stored.length >= MARK.length + NONCE_BYTES + TAG_BYTES && stored.subarray(0, MARK.length).equals(MARK);

/** The plaintext of a stored file; throws when the key or the file is not right (GCM's tag). */
export function decryptAttachment(key: Buffer, sha256: string, stored: Buffer): Buffer {
  const nonce = stored.subarray(MARK.length, MARK.length + NONCE_BYTES);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.concat([MARK, Buffer.from(sha256, 'latin1')]));
  decipher.setAuthTag(stored.subarray(stored.length - TAG_BYTES));
  return Buffer.concat([decipher.update(stored.subarray(MARK.length + NONCE_BYTES, stored.length - TAG_BYTES)), decipher.final()]);
}

export class AttachmentStore {
  readonly dir: string;
  /** `key: null` keeps files plain (only the bench's unencrypted baseline). */
  constructor(
    dataDir: string,
    private readonly key: Buffer | null,
  ) {
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

  /** The names of the stored files (their SHA-256), for backups. */
  list(): string[] {
    return fs.readdirSync(this.dir).filter((n) => /^[0-9a-f]{64}$/.test(n)).sort();
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
    const sha256 = sha256Of(bytes);
    this.write(sha256, bytes);
    return { sha256, filename: path.basename(filename).slice(0, 200), contentType: sniffed, size: bytes.length };
  }

  /** Stores plaintext under its hash (encrypted, fsynced) unless it is there already. */
  write(sha256: string, plain: Buffer): void {
    const target = this.pathOf(sha256);
    if (fs.existsSync(target)) return;
    // A failed write (disk full, folder turned read-only) leaves no partial file behind.
    writeFileDurably(target, this.key ? encryptAttachment(this.key, sha256, plain) : plain);
  }

  read(sha256: string): Buffer {
    const p = this.pathOf(sha256);
    if (!fs.existsSync(p)) throw new ApiError({ code: 'NOT_FOUND', message: 'Berkas lampiran tidak ditemukan di folder data.' });
    const stored = fs.readFileSync(p);
    if (!this.key || !isEncryptedAttachment(stored)) return stored;
    return decryptAttachment(this.key, sha256, stored);
  }

  /**
   * Encrypts, in place, the files an earlier version stored in plain. Each encrypted copy is written
   * beside the plain file, fsynced, decrypted again and compared with the plain one, and only then
   * renamed over it: a crash at any point leaves every file whole, plain or encrypted (a plain one
   * is read as before and encrypted at the next start). Returns how many were encrypted; the
   * caller records that the folder is done (db/local-state.ts) so later starts skip the scan.
   */
  encryptPlainFiles(afterEach?: (sha256: string) => void): number {
    if (!this.key) return 0;
    let n = 0;
    for (const sha256 of this.list()) {
      const file = this.pathOf(sha256);
      const stored = fs.readFileSync(file);
      if (isEncryptedAttachment(stored)) continue;
      const sealed = encryptAttachment(this.key, sha256, stored);
      if (!decryptAttachment(this.key, sha256, sealed).equals(stored)) throw new Error(`attachment ${sha256} did not survive its encryption`);
      writeFileDurably(file, sealed);
      n++;
      afterEach?.(sha256);
    }
    return n;
  }
}

/** `<sha256>.<pid>.<random>.tmp`, as `writeFileDurably` names a file while writing it. */
const TEMP_FILE = /^[0-9a-f]{64}\.\d+\.[0-9a-f]{8}\.tmp$/;
const STALE_TEMP_MS = 60 * 60_000;
