// The desktop keeps the data folder's secret encrypted with the OS keychain (Electron safeStorage:
// DPAPI on Windows, libsecret/kwallet on Linux) in data-key.enc inside the data folder; a folder
// browser mode made has its key file taken into the keychain. Without a keychain the app refuses
// to start rather than keep the key readable (server/keys.ts says so in Indonesian).
import path from 'node:path';
import { safeStorage } from 'electron';
import { adoptingKeyStore, DATA_KEY_ENV, defaultKeyFile, envKeyStore, fileKeyStore, KEYCHAIN_MISSING, SAFE_STORAGE_KEY_FILE, type KeyStore } from '../server/keys';

/** The refusal to show, or null when the keychain can keep the key. */
export function keychainProblem(): string | null {
  if (process.env[DATA_KEY_ENV]) return null;
  const basic = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  return safeStorage.isEncryptionAvailable() && !basic ? null : KEYCHAIN_MISSING;
}

export function safeStorageKeyStore(dataDir: string): KeyStore {
  const fromEnv = process.env[DATA_KEY_ENV];
  if (fromEnv) return envKeyStore(fromEnv);
  const keychain = fileKeyStore(path.join(dataDir, SAFE_STORAGE_KEY_FILE), {
    where: 'keychain sistem operasi (data-key.enc di folder data)',
    encode: (secret) => safeStorage.encryptString(secret.toString('hex')),
    decode: (stored) => Buffer.from(safeStorage.decryptString(stored), 'hex'),
  });
  return adoptingKeyStore(keychain, fileKeyStore(defaultKeyFile(dataDir)));
}
