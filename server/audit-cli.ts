// `npm run audit -- verify --data-dir DIR`: walks the audit log's hash chain (db/audit.ts) and
// prints the row count and "utuh", or the first row that does not verify (exit code 1).
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { verifyAudit } from '../db/audit';
import { DB_FILE } from '../db/open';
import { verificationText } from '../forms/audit';
import { DATA_DIR_ENV, defaultDataDir } from './paths';

export const AUDIT_USAGE = 'Pemakaian: npm run audit -- verify --data-dir FOLDER';

export function runAudit(argv: string[], out: (line: string) => void, env: NodeJS.ProcessEnv = process.env): number {
  const [command, ...rest] = argv;
  let dataDirArg: string | undefined;
  try {
    dataDirArg = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' } }, strict: true }).values['data-dir'];
  } catch (e) {
    out(`${e instanceof Error ? e.message : String(e)}\n${AUDIT_USAGE}`);
    return 2;
  }
  if (command !== 'verify') {
    out(AUDIT_USAGE);
    return 2;
  }
  const file = path.join(path.resolve(dataDirArg ?? env[DATA_DIR_ENV] ?? defaultDataDir()), DB_FILE);
  // Read-only: verifying must not change the file it judges (no migration, no WAL switch).
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    out(`Basis data tidak ditemukan: ${file}`);
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
