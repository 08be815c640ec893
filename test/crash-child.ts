// Stops itself dead (SIGKILL: no finally blocks, no flush) right after a given step of encrypting an
// older plain data folder, as a power cut there would. Started by test/integration/encrypt-migration.test.ts:
//   node --import tsx test/crash-child.ts <dataDir> database <step>
//   node --import tsx test/crash-child.ts <dataDir> attachments <files encrypted before the cut>
import path from 'node:path';
import { encryptDatabaseFile, type EncryptionStep } from '../db/encrypt-migration';
import { DB_FILE } from '../db/open';
import { AttachmentStore } from '../server/attachment-store';
import { browserKeyStore, dataKeysFor } from '../server/keys';

const [dataDir, what, at] = process.argv.slice(2) as [string, 'database' | 'attachments', string];
const keys = dataKeysFor(dataDir, browserKeyStore(dataDir));
const cut = () => process.kill(process.pid, 'SIGKILL');
if (what === 'database') {
  encryptDatabaseFile(path.join(dataDir, DB_FILE), keys.database, { after: (step: EncryptionStep) => step === at && cut() });
} else {
  let n = 0;
  new AttachmentStore(dataDir, keys.attachments).encryptPlainFiles(() => ++n === Number(at) && cut());
}
console.log('finished without being cut');
