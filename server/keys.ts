// The data folder's secret: 32 random bytes, made once when the folder is new (or its plain
// database is first encrypted) and stored before anything is encrypted with it. Two keys are
// derived from it with HKDF-SHA256, one for the database (db/cipher.ts) and one for the attachment
// files (server/attachment-store.ts), so neither key is ever the stored secret itself.
//
// Where the secret lives (README "Where the key lives"):
//   - desktop: encrypted with Electron safeStorage (the OS keychain) in `data-key.enc` inside the
//     data folder (electron/key-store.ts); the app refuses to start without a keychain;
//   - browser mode: `LOKET_DATA_KEY` (64 hex digits) when set, else a key file readable by this user
//     only (0600), outside the data folder: `--key-file`, `LOKET_KEY_FILE`, or by default the
//     data folder's own path with `.key` added (`~/.config/Loket Aduan.key` beside
//     `~/.config/Loket Aduan/`), so copying the data folder never copies its key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileState } from '../db/cipher';
import { writeFileDurably } from '../db/durable';
import { DB_FILE } from '../db/open';

export const DATA_KEY_ENV = 'LOKET_DATA_KEY';
export const KEY_FILE_ENV = 'LOKET_KEY_FILE';
/** The desktop's safeStorage-encrypted secret, inside the data folder (useless without the OS account). */
export const SAFE_STORAGE_KEY_FILE = 'data-key.enc';

export interface KeyStore {
  /** The secret, or null when none was made for this data folder. */
  read(): Buffer | null;
  /** Keeps a new secret durably; throws when it cannot be kept safely (no keychain). */
  write(secret: Buffer): void;
  /** Where it lives, in words for messages and Pengaturan. */
  readonly where: string;
  /** The file holding it, when there is one (an in-app restore carries it to the restored folder). */
  readonly file: string | null;
}

export interface DataKeys {
  secret: Buffer;
  database: Buffer;
  attachments: Buffer;
}

const derive = (secret: Buffer, purpose: string) => Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), `loket-aduan ${purpose} v1`, 32));

export function deriveKeys(secret: Buffer): DataKeys {
  if (secret.length !== 32) throw new Error('the data secret is 32 bytes');
  return { secret, database: derive(secret, 'database'), attachments: derive(secret, 'attachments') };
}

const parseHex = (text: string, from: string): Buffer => {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new DataKeyError(`Kunci enkripsi di ${from} tidak sah: harus 64 digit heksadesimal.`);
  return Buffer.from(hex, 'hex');
};

/** The default key file of a data folder: its own path with `.key`, beside it, never inside it. */
export function defaultKeyFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.key`;
}

/** A secret in a file; `codec` lets the desktop wrap it with safeStorage. Written 0600, durably. */
export function fileKeyStore(file: string, codec: { encode(secret: Buffer): Buffer; decode(stored: Buffer): Buffer; where: string } | null = null): KeyStore {
  return {
    where: codec?.where ?? `berkas kunci ${file}`,
    file,
    read() {
      let stored: Buffer;
      try {
        stored = fs.readFileSync(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
      return codec ? codec.decode(stored) : parseHex(stored.toString('utf8'), file);
    },
    write(secret) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeFileDurably(file, codec ? codec.encode(secret) : `${secret.toString('hex')}\n`, 0o600);
    },
  };
}

/**
 * A store that takes over a secret kept elsewhere: the desktop adopts the key file of a folder that
 * browser mode made (the secret moves into the keychain and the plain key file is removed).
 */
export function adoptingKeyStore(store: KeyStore, from: KeyStore): KeyStore {
  return {
    where: store.where,
    file: store.file,
    write: (secret) => store.write(secret),
    read() {
      const own = store.read();
      if (own) return own;
      const other = from.read();
      if (!other) return null;
      store.write(other);
      if (from.file) fs.rmSync(from.file, { force: true });
      return other;
    },
  };
}

/** `LOKET_DATA_KEY`: set by a deployment, read-only from the app. */
export function envKeyStore(hex: string): KeyStore {
  return {
    where: `variabel lingkungan ${DATA_KEY_ENV}`,
    file: null,
    read: () => parseHex(hex, DATA_KEY_ENV),
    write: () => {
      throw new Error(`${DATA_KEY_ENV} is read-only`);
    },
  };
}

/** Browser mode and the command line: the environment variable, else the key file. */
export function browserKeyStore(dataDir: string, opts: { keyFile?: string | undefined; env?: NodeJS.ProcessEnv } = {}): KeyStore {
  const env = opts.env ?? process.env;
  const fromEnv = env[DATA_KEY_ENV]?.trim();
  if (fromEnv) return envKeyStore(fromEnv);
  const file = path.resolve(opts.keyFile ?? env[KEY_FILE_ENV] ?? defaultKeyFile(dataDir));
  const inside = path.relative(path.resolve(dataDir), file);
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
    throw new DataKeyError(`Berkas kunci ${file} berada di dalam folder data; simpan di luar folder data (--key-file atau ${KEY_FILE_ENV}).`);
  }
  return fileKeyStore(file);
}

/** The desktop without a keychain to keep the key in (a bare Linux session): it refuses to start. */
export const KEYCHAIN_MISSING =
  'Loket Aduan tidak dapat berjalan: komputer ini tidak menyediakan penyimpanan kunci yang aman (keychain) untuk kunci enkripsi data. ' +
  'Masuk ke sesi desktop dengan keyring aktif (Windows: akun pengguna biasa; Linux: GNOME Keyring atau KWallet), atau minta petugas TI mengatur LOKET_DATA_KEY.';

/** The key is missing or does not open the database: the app cannot start on this folder. */
export class DataKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataKeyError';
  }
}

const RESTORE_HINT =
  'Pindahkan folder data ini ke tempat lain (jangan dihapus), jalankan Loket Aduan lagi, lalu pulihkan dari cadangan terakhir: Pengaturan → Pulihkan dari cadangan, ' +
  'atau npm run restore -- --from BERKAS_CADANGAN --data-dir FOLDER_BARU.';

export function keyMissingMessage(dataDir: string, store: KeyStore): string {
  const desktopKey = store.file !== path.join(dataDir, SAFE_STORAGE_KEY_FILE) && fs.existsSync(path.join(dataDir, SAFE_STORAGE_KEY_FILE));
  return (
    `Kunci enkripsi basis data tidak ditemukan (${store.where}). Tanpa kunci itu data di folder ini tidak dapat dibaca; tidak ada yang diubah. ` +
    (desktopKey ? 'Folder ini dikunci oleh aplikasi desktop Loket Aduan: bukalah dengan aplikasi desktop di akun Windows/Linux yang sama. Bila tidak bisa: ' : 'Bila berkas kunci itu hilang: ') +
    `${RESTORE_HINT} Folder data: ${dataDir}`
  );
}

export function wrongKeyMessage(dataDir: string, store: KeyStore): string {
  return (
    `Kunci enkripsi (${store.where}) tidak cocok dengan basis data di folder ini; tidak ada yang diubah. ` +
    `Pasang kembali kunci yang benar untuk folder ini, atau: ${RESTORE_HINT} Folder data: ${dataDir}`
  );
}

/**
 * The folder's keys. A missing secret is made and stored first, unless the folder already holds an
 * encrypted database: then the key is lost and the app must not make a new one.
 */
export function dataKeysFor(dataDir: string, store: KeyStore): DataKeys {
  const existing = store.read();
  if (existing) return deriveKeys(existing);
  if (fileState(path.join(dataDir, DB_FILE)) === 'encrypted') throw new DataKeyError(keyMissingMessage(dataDir, store));
  const secret = crypto.randomBytes(32);
  store.write(secret);
  return deriveKeys(secret);
}
