// Opening a data folder: a restore made in the app is switched in first, the folder is taken for
// this process (server/instance-lock.ts), its keys are read or made (server/keys.ts), the database
// is opened (and encrypted first if an earlier version wrote it in plain), and attachment files an
// earlier version stored in plain are encrypted. A lost or wrong key stops here, touching nothing.
import path from 'node:path';
import { WrongKeyError } from '../db/cipher';
import { getLocal, setLocal } from '../db/local-state';
import { openDatabase, type OpenDatabase } from '../db/open';
import { AttachmentStore } from './attachment-store';
import { sweepSnapshots } from './backup/create';
import { finishPendingRestore } from './backup/restore';
import { acquireDataLock } from './instance-lock';
import { browserKeyStore, dataKeysFor, DataKeyError, SAFE_STORAGE_KEY_FILE, wrongKeyMessage, type DataKeys, type KeyStore } from './keys';
import { log } from './log';
import { TOKEN_FILE } from './upstream-token';

export interface DataFolder {
  database: OpenDatabase;
  attachments: AttachmentStore;
  /** Null for the bench's unencrypted baseline. */
  keys: DataKeys | null;
  /** Where the key lives, in words. */
  keyWhere: string;
  /** Files a restored folder keeps from this one (the desktop's wrapped key, the upstream token). */
  carry: string[];
  close(): void;
}

export function openDataFolder(opts: { dataDir: string; migrationsFolder: string; keyStore?: KeyStore | 'plaintext' | undefined }): DataFolder {
  const { dataDir } = opts;
  finishPendingRestore(dataDir);
  const lock = acquireDataLock(dataDir);
  const store = opts.keyStore ?? browserKeyStore(dataDir);
  try {
    const keys = store === 'plaintext' ? null : dataKeysFor(dataDir, store);
    const database = openDatabase({ dataDir, migrationsFolder: opts.migrationsFolder, key: keys?.database ?? null });
    const attachments = new AttachmentStore(dataDir, keys?.attachments ?? null);
    if (keys && !getLocal(database.db, 'attachmentsEncrypted')) {
      const encrypted = attachments.encryptPlainFiles();
      if (encrypted) log.info(`encrypted ${encrypted} attachment files an earlier version stored in plain`);
      setLocal(database.db, 'attachmentsEncrypted', true);
    }
    sweepSnapshots(dataDir);
    return {
      database,
      attachments,
      keys,
      keyWhere: store === 'plaintext' ? 'tanpa enkripsi' : store.where,
      carry: [SAFE_STORAGE_KEY_FILE, TOKEN_FILE, `${TOKEN_FILE}.enc`].map((f) => path.join(dataDir, f)),
      close() {
        database.close();
        lock.release();
      },
    };
  } catch (e) {
    lock.release();
    if (e instanceof WrongKeyError && store !== 'plaintext') throw new DataKeyError(wrongKeyMessage(dataDir, store));
    throw e;
  }
}
