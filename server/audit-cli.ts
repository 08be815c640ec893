// `npm run audit -- verify --data-dir DIR`: walks the audit log's hash chain (db/audit.ts) and
// prints the row count and "utuh", or the first row that does not verify (exit code 1).
import path from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { verifyAudit } from '../db/audit';
import { fileState, openKeyed } from '../db/cipher';
import { DB_FILE } from '../db/open';
import { verificationText } from '../forms/audit';
import { browserKeyStore, deriveKeys, keyMissingMessage } from './keys';
import { DATA_DIR_ENV, defaultDataDir } from './paths';

export const AUDIT_USAGE = 'Pemakaian: npm run audit -- verify --data-dir FOLDER [--key-file BERKAS_KUNCI]';

export function runAudit(argv: string[], out: (line: string) => void, env: NodeJS.ProcessEnv = process.env): number {
  const [command, ...rest] = argv;
  let dataDirArg: string | undefined;
  let keyFile: string | undefined;
  try {
    ({ 'data-dir': dataDirArg, 'key-file': keyFile } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' }, 'key-file': { type: 'string' } }, strict: true }).values);
  } catch (e) {
    out(`${e instanceof Error ? e.message : String(e)}\n${AUDIT_USAGE}`);
    return 2;
  }
  if (command !== 'verify') {
    out(AUDIT_USAGE);
    return 2;
  }
  const dataDir = path.resolve(dataDirArg ?? env[DATA_DIR_ENV] ?? defaultDataDir());
  const file = path.join(dataDir, DB_FILE);
  const state = fileState(file);
  if (state === 'missing' || state === 'empty') {
    out(`Basis data tidak ditemukan: ${file}`);
    return 2;
  }
  // The folder's key, as the app finds it in browser mode (beside the folder, --key-file, LOKET_DATA_KEY).
  const store = browserKeyStore(dataDir, { keyFile, env });
  const secret = state === 'encrypted' ? store.read() : null;
  if (state === 'encrypted' && !secret) {
    out(keyMissingMessage(dataDir, store));
    return 2;
  }
  // Read-only: verifying must not change the file it judges (no migration, no WAL switch).
  let sqlite: Database.Database;
  try {
    sqlite = openKeyed(file, secret ? deriveKeys(secret).database : null, { readonly: true, fileMustExist: true });
  } catch (e) {
    out(e instanceof Error ? e.message : `Basis data tidak dapat dibuka: ${file}`);
    return 2;
  }
  try {
    const result = verifyAudit(sqlite);
    out(verificationText(result));
    return result.brokenAt === null ? 0 : 1;
  } finally {
    sqlite.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exit(runAudit(process.argv.slice(2), (l) => console.log(l)));
}
