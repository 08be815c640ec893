// The desktop keeps the upstream token encrypted with the OS keychain (Electron safeStorage: DPAPI
// on Windows, libsecret/kwallet on Linux), in a file beside the database, never inside it.
import path from 'node:path';
import { safeStorage } from 'electron';
import { fileTokenStore, withEnvToken, type TokenStore } from '../server/upstream-token';

export function safeStorageTokenStore(dataDir: string): TokenStore {
  const file = fileTokenStore(path.join(dataDir, 'upstream-token.enc'), {
    source: 'safeStorage',
    encode: (t) => {
      // Without a keychain (a bare Linux session) safeStorage would store it readable; refuse.
      if (!safeStorage.isEncryptionAvailable()) throw new Error('safeStorage is not available on this desktop; set LOKET_UPSTREAM_TOKEN instead');
      return safeStorage.encryptString(t);
    },
    decode: (b) => safeStorage.decryptString(b),
  });
  return withEnvToken(file);
}
