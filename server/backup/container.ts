// The backup file format: one file holding a manifest, the database and the attachments, sealed
// under a key derived from the admin's backup password, so it can be restored on another PC with
// nothing but the file and the password.
//
//   "LKBACKUP" | u32 header length | header JSON | SHA-256 of the header JSON | chunks…
//   header:  {format, kdf: {name: 'scrypt', N, r, p, salt}, fileSalt, check}
//   chunk:   u32 length | AES-256-GCM(ciphertext ‖ tag), at most 1 MiB of plaintext each
//
// The password key is scrypt(password, salt) (N=2^17, r=8, p=1); from it and the file's own random
// salt, HKDF-SHA256 derives the content key and a 16-byte check value, so a wrong password is told
// apart from a damaged file before anything is decrypted. Chunk i is sealed with nonce
// (last ? 1 : 0) ‖ u64 i and the header's digest as additional data (the STREAM construction):
// chunks cannot be reordered, dropped, or moved between files, and a file cut after any chunk
// lacks the one marked last, so truncation is always found.
//
// Inside, the plaintext is a sequence of entries, `u32 length | entry JSON | body`: the manifest
// first (so a backup from a newer version is refused after one chunk), then the database, the
// attachments, and an `end` entry.
import crypto from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { PasswordKey } from '../../db/local-state';

const MAGIC = Buffer.from('LKBACKUP', 'latin1');
export const CONTAINER_FORMAT = 1;
const CHUNK = 1 << 20;
const TAG = 16;
const SCRYPT = { N: 2 ** 17, r: 8, p: 1 };
/** A header asking for more than this is not one this app wrote (and would stall the PC). */
const SCRYPT_LIMIT = { N: 2 ** 20, r: 16, p: 4 };

export type BackupFileProblem = 'not-backup' | 'damaged' | 'truncated' | 'wrong-password' | 'newer';

const MESSAGES: Record<BackupFileProblem, string> = {
  'not-backup': 'Berkas ini bukan berkas cadangan Loket Aduan.',
  damaged: 'Berkas cadangan rusak atau telah diubah: isinya tidak lolos pemeriksaan keaslian.',
  truncated: 'Berkas cadangan terpotong (tidak lengkap), misalnya karena penyalinannya terputus.',
  'wrong-password': 'Kata sandi cadangan salah.',
  newer: 'Cadangan ini dibuat oleh versi Loket Aduan yang lebih baru.',
};

/** A backup file refused, and why; nothing has been changed when this is thrown. */
export class BackupFileError extends Error {
  constructor(
    readonly problem: BackupFileProblem,
    detail = '',
  ) {
    super(`${MESSAGES[problem]}${detail ? ` ${detail}` : ''}`);
    this.name = 'BackupFileError';
  }
}

function scrypt(password: string, salt: Buffer, p: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(password.normalize('NFC'), salt, 32, { ...p, maxmem: 256 * p.N * p.r + (1 << 20) }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

/** The key kept for scheduled backups: derived once when the admin sets the password. */
export async function derivePasswordKey(password: string): Promise<PasswordKey> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT);
  return { salt: salt.toString('base64'), ...SCRYPT, key: key.toString('base64') };
}

const hkdf = (key: Buffer, salt: Buffer, purpose: string, length: number) => Buffer.from(crypto.hkdfSync('sha256', key, salt, `loket-aduan backup ${purpose} v1`, length));

interface Header {
  format: number;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  fileSalt: string;
  check: string;
}

function nonce(index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUInt32BE(last ? 1 : 0, 0);
  n.writeBigUInt64BE(BigInt(index), 4);
  return n;
}

export interface EntryMeta {
  kind: 'manifest' | 'database' | 'attachment' | 'end';
  name?: string;
  bytes: number;
}

export async function writeAll(fh: FileHandle, bytes: Buffer): Promise<void> {
  for (let at = 0; at < bytes.length; ) {
    const { bytesWritten } = await fh.write(bytes, at, bytes.length - at);
    at += bytesWritten;
  }
}

/** Writes a backup file into an open handle; the caller fsyncs, closes and renames it. */
export class BackupWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  /** Bytes written to the file so far. */
  written = 0;
  /** Plaintext bytes taken in so far (progress: the file lags by up to one chunk). */
  taken = 0;

  private constructor(
    private readonly fh: FileHandle,
    private readonly key: Buffer,
    private readonly aad: Buffer,
  ) {}

  static async start(fh: FileHandle, password: PasswordKey): Promise<BackupWriter> {
    const fileSalt = crypto.randomBytes(16);
    const pwKey = Buffer.from(password.key, 'base64');
    const header: Header = {
      format: CONTAINER_FORMAT,
      kdf: { name: 'scrypt', N: password.N, r: password.r, p: password.p, salt: password.salt },
      fileSalt: fileSalt.toString('base64'),
      check: hkdf(pwKey, fileSalt, 'check', 16).toString('base64'),
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const digest = crypto.createHash('sha256').update(json).digest();
    const len = Buffer.alloc(4);
    len.writeUInt32BE(json.length);
    const w = new BackupWriter(fh, hkdf(pwKey, fileSalt, 'content', 32), digest);
    await w.raw(Buffer.concat([MAGIC, len, json, digest]));
    return w;
  }

  private async raw(bytes: Buffer) {
    await writeAll(this.fh, bytes);
    this.written += bytes.length;
  }

  private async seal(plain: Buffer, last: boolean) {
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, nonce(this.index++, last));
    cipher.setAAD(this.aad);
    const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    await this.raw(Buffer.concat([len, body]));
  }

  private async push(bytes: Buffer) {
    this.taken += bytes.length;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    while (this.pendingBytes >= CHUNK) {
      const all = Buffer.concat(this.pending);
      await this.seal(all.subarray(0, CHUNK), false);
      this.pending = [all.subarray(CHUNK)];
      this.pendingBytes = all.length - CHUNK;
    }
  }

  /** One entry; `body` yields exactly `meta.bytes` bytes. */
  async entry(meta: EntryMeta, body: Buffer | AsyncIterable<Buffer>): Promise<void> {
    const json = Buffer.from(JSON.stringify(meta), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(json.length);
    await this.push(Buffer.concat([len, json]));
    let n = 0;
    for await (const piece of Buffer.isBuffer(body) ? [body] : body) {
      n += piece.length;
      await this.push(piece);
    }
    if (n !== meta.bytes) throw new Error(`entry ${meta.kind} ${meta.name ?? ''}: ${n} bytes, expected ${meta.bytes}`);
  }

  async finish(): Promise<void> {
    await this.entry({ kind: 'end', bytes: 0 }, Buffer.alloc(0));
    await this.seal(Buffer.concat(this.pending), true);
    this.pending = [];
  }
}

/** Reads a backup file, every chunk checked before a byte of it is handed out. */
export class BackupReader {
  private buffered = Buffer.alloc(0);
  private index = 0;
  private ended = false;

  private constructor(
    private readonly fh: FileHandle,
    private readonly key: Buffer,
    private readonly aad: Buffer,
    private offset: number,
    private readonly size: number,
  ) {}

  /** Checks the header and the password; throws BackupFileError (not-backup, damaged, truncated, wrong-password, newer). */
  static async open(fh: FileHandle, password: string): Promise<BackupReader> {
    const size = (await fh.stat()).size;
    const read = async (at: number, n: number) => {
      const b = Buffer.alloc(n);
      const { bytesRead } = await fh.read(b, 0, n, at);
      return b.subarray(0, bytesRead);
    };
    const head = await read(0, MAGIC.length + 4);
    if (head.length < MAGIC.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) throw new BackupFileError('not-backup');
    if (head.length < MAGIC.length + 4) throw new BackupFileError('truncated');
    const jsonLength = head.readUInt32BE(MAGIC.length);
    if (jsonLength > 64 * 1024) throw new BackupFileError('damaged');
    const rest = await read(MAGIC.length + 4, jsonLength + 32);
    if (rest.length < jsonLength + 32) throw new BackupFileError('truncated');
    const json = rest.subarray(0, jsonLength);
    const digest = rest.subarray(jsonLength);
    if (!crypto.createHash('sha256').update(json).digest().equals(digest)) throw new BackupFileError('damaged');
    let header: Header;
    try {
      header = JSON.parse(json.toString('utf8')) as Header;
    } catch {
      throw new BackupFileError('damaged');
    }
    if (typeof header.format !== 'number') throw new BackupFileError('damaged');
    if (header.format > CONTAINER_FORMAT) throw new BackupFileError('newer', 'Perbarui aplikasi dulu; tidak ada yang diubah.');
    const k = header.kdf;
    if (k?.name !== 'scrypt' || !(k.N <= SCRYPT_LIMIT.N && k.r <= SCRYPT_LIMIT.r && k.p <= SCRYPT_LIMIT.p) || !header.fileSalt || !header.check) {
      throw new BackupFileError('damaged');
    }
    const check = Buffer.from(header.check, 'base64');
    if (check.length !== 16) throw new BackupFileError('damaged');
    const pwKey = await scrypt(password, Buffer.from(k.salt, 'base64'), k);
    const fileSalt = Buffer.from(header.fileSalt, 'base64');
    if (!crypto.timingSafeEqual(hkdf(pwKey, fileSalt, 'check', 16), check)) throw new BackupFileError('wrong-password');
    return new BackupReader(fh, hkdf(pwKey, fileSalt, 'content', 32), digest, MAGIC.length + 4 + jsonLength + 32, size);
  }

  private async nextChunk(): Promise<boolean> {
    if (this.ended) return false;
    const lenBuf = Buffer.alloc(4);
    const { bytesRead } = await this.fh.read(lenBuf, 0, 4, this.offset);
    if (bytesRead < 4) throw new BackupFileError('truncated');
    const len = lenBuf.readUInt32BE(0);
    if (len < TAG || len > CHUNK + TAG) throw new BackupFileError('damaged');
    const body = Buffer.alloc(len);
    const got = (await this.fh.read(body, 0, len, this.offset + 4)).bytesRead;
    if (got < len) throw new BackupFileError('truncated');
    this.offset += 4 + len;
    const last = this.offset === this.size;
    // The final chunk is sealed as last; a file cut after any other chunk fails here.
    const open = (asLast: boolean) => {
      const d = crypto.createDecipheriv('aes-256-gcm', this.key, nonce(this.index, asLast));
      d.setAAD(this.aad);
      d.setAuthTag(body.subarray(len - TAG));
      return Buffer.concat([d.update(body.subarray(0, len - TAG)), d.final()]);
    };
    let plain: Buffer;
    try {
      plain = open(last);
    } catch {
      // Sealed as last while more follows, or not last while the file ends: cut or spliced.
      try {
        open(!last);
      } catch {
        throw new BackupFileError('damaged');
      }
      throw new BackupFileError(last ? 'truncated' : 'damaged');
    }
    this.index++;
    this.ended = last;
    this.buffered = Buffer.concat([this.buffered, plain]);
    return true;
  }

  private async take(n: number): Promise<Buffer> {
    while (this.buffered.length < n) {
      if (!(await this.nextChunk())) throw new BackupFileError('truncated');
    }
    const out = this.buffered.subarray(0, n);
    this.buffered = this.buffered.subarray(n);
    return out;
  }

  /** The next entry's description; its body must be read (or skipped) with `body` before the next. */
  async next(): Promise<EntryMeta> {
    const len = (await this.take(4)).readUInt32BE(0);
    if (len > 64 * 1024) throw new BackupFileError('damaged');
    try {
      return JSON.parse((await this.take(len)).toString('utf8')) as EntryMeta;
    } catch (e) {
      if (e instanceof BackupFileError) throw e;
      throw new BackupFileError('damaged');
    }
  }

  async *body(bytes: number): AsyncGenerator<Buffer> {
    let left = bytes;
    while (left > 0) {
      if (this.buffered.length === 0 && !(await this.nextChunk())) throw new BackupFileError('truncated');
      const piece = await this.take(Math.min(left, this.buffered.length));
      left -= piece.length;
      yield Buffer.from(piece);
    }
  }

  async whole(bytes: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const p of this.body(bytes)) parts.push(p);
    return Buffer.concat(parts);
  }

  /** After the `end` entry: the file must end there, with the chunk sealed as last. */
  async finish(): Promise<void> {
    if (this.buffered.length > 0 || !this.ended || this.offset !== this.size) throw new BackupFileError('damaged');
  }
}
