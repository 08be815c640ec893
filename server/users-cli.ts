// `npm run users -- <command> --data-dir DIR ...`: accounts from the command line, for deployment
// and tests (like ODK Central's `odk-cmd user-create`). The password is read from standard input,
// never from an argument (arguments show in the process list and the shell's history):
//
//   printf '%s\n' "$PASSWORD" | npm run users -- add --data-dir DIR --username siti --name "Siti Aminah" --role petugas
//   npm run users -- list --data-dir DIR
//   npm run users -- set-role --data-dir DIR --username siti --role petugas,penangan
//   npm run users -- deactivate --data-dir DIR --username siti      (activate: the reverse)
//   printf '%s\n' "$PASSWORD" | npm run users -- reset-password --data-dir DIR --username siti
//
// Each change is written with its audit row in one transaction, naming the command line as actor.
// The data folder is opened as the app opens it (its key beside the folder, or `--key-file`, or
// LOKET_DATA_KEY; server/data-folder.ts), so it refuses while the app has the folder open: close
// the app first (for the desktop, whose key the operating system keeps, use the app's own
// Pengaturan → Akun pengguna).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { accountByUsername, listAccounts, type AccountRow } from '../db/accounts';
import { appendAudit } from '../db/audit';
import { Refused } from '../db/errors';
import { inTransaction, type Db } from '../db/open';
import { accountCreate, accountResetPassword, passwordField, rolesField } from '../forms/accounts';
import { AUDIT_SYSTEM } from '../forms/audit';
import { fieldErrorsOf } from '../forms/api';
import { ROLE_LABELS, ROLES } from '../forms/roles';
import { activateAccount, addAccount, changeAccount, resetAccountPassword, type AccountChange } from './accounts';
import { readPassword } from './backup/cli';
import { openDataFolder, type DataFolder } from './data-folder';
import { browserKeyStore } from './keys';
import { DATA_DIR_ENV, defaultDataDir, MIGRATIONS_DIR } from './paths';

export const USERS_USAGE = `Pemakaian: npm run users -- <perintah> --data-dir FOLDER [pilihan]
  (semua perintah: [--key-file BERKAS_KUNCI] bila kunci data tidak di samping folder)
  add             --username U --name "Nama" --role PERAN[,PERAN] [--nip NIP]   (kata sandi dari stdin)
  list
  set-role        --username U --role PERAN[,PERAN]
  deactivate      --username U
  activate        --username U
  reset-password  --username U                                               (kata sandi dari stdin)
Peran: ${ROLES.join(', ')}`;

export interface CliIo {
  /** All of standard input (the password is its first line). */
  stdin(): Promise<string>;
  out(line: string): void;
}

class CliError extends Error {}

const firstLine = (text: string) => text.split(/\r?\n/)[0] ?? '';

function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new CliError(Object.entries(fieldErrorsOf(r.error)).map(([k, m]) => (k === '_' ? m : `${k}: ${m}`)).join('\n'));
}

function describe(a: AccountRow): string {
  return `${a.username}\t${a.name}\t${a.nip ?? '-'}\t${a.roles.map((r) => ROLE_LABELS[r]).join(', ')}\t${a.active ? 'aktif' : 'nonaktif'}`;
}

/** Runs one command; returns the exit code. Exported for tests, which run it in-process. */
export async function runUsers(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  let values: Record<string, string | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { 'data-dir': { type: 'string' }, 'key-file': { type: 'string' }, username: { type: 'string' }, name: { type: 'string' }, nip: { type: 'string' }, role: { type: 'string', multiple: true } },
      strict: true,
    }));
  } catch (e) {
    io.out(`${e instanceof Error ? e.message : String(e)}\n${USERS_USAGE}`);
    return 2;
  }
  if (!command || !['add', 'list', 'set-role', 'deactivate', 'activate', 'reset-password'].includes(command)) {
    io.out(USERS_USAGE);
    return 2;
  }
  const dataDir = path.resolve((values['data-dir'] as string | undefined) ?? env[DATA_DIR_ENV] ?? defaultDataDir());
  let folder: DataFolder;
  try {
    folder = openDataFolder({ dataDir, migrationsFolder: MIGRATIONS_DIR, keyStore: browserKeyStore(dataDir, { keyFile: values['key-file'] as string | undefined, env }) });
  } catch (e) {
    io.out(e instanceof Error ? e.message : String(e));
    return 1;
  }
  const { database } = folder;
  try {
    const { db } = database;
    const now = new Date().toISOString();
    const roles = () => parsed(rolesField, ((values.role as string[] | undefined) ?? []).flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean));
    const named = (): AccountRow => {
      const username = values.username as string | undefined;
      if (!username) throw new CliError('--username wajib diisi.');
      const row = accountByUsername(db, username);
      if (!row) throw new CliError(`Akun ${username} tidak ditemukan.`);
      return row;
    };
    /** One change and its audit row in one transaction. */
    const audited = (method: string, change: (tx: Db) => AccountChange): AccountRow =>
      inTransaction(db, (tx) => {
        const { row, note } = change(tx);
        appendAudit(tx, { at: now, accountId: null, accountName: AUDIT_SYSTEM.cli, action: 'ubah', method: `users.${method}`, object: note.object, outcome: 'ok', detail: note.detail });
        return row;
      });

    switch (command) {
      case 'list': {
        const all = listAccounts(db);
        io.out(all.length ? all.map(describe).join('\n') : 'Belum ada akun. Buat yang pertama: npm run users -- add ... --role admin');
        return 0;
      }
      case 'add': {
        const password = parsed(passwordField(), firstLine(await io.stdin()));
        const input = parsed(accountCreate, { username: values.username, name: values.name, nip: values.nip ?? null, roles: roles(), password });
        const row = audited('add', (tx) => addAccount(tx, input, now));
        io.out(`Akun dibuat: ${describe(row)}`);
        return 0;
      }
      case 'set-role': {
        const row = named();
        const next = audited('set-role', (tx) => changeAccount(tx, { id: row.id, name: row.name, nip: row.nip, roles: roles() }, now));
        io.out(`Peran diubah: ${describe(next)}`);
        return 0;
      }
      case 'deactivate':
      case 'activate': {
        const row = named();
        const next = audited(command, (tx) => activateAccount(tx, row.id, command === 'activate', now));
        io.out(`${command === 'activate' ? 'Diaktifkan' : 'Dinonaktifkan'}: ${describe(next)}`);
        return 0;
      }
      case 'reset-password': {
        const row = named();
        const { password } = parsed(accountResetPassword, { id: row.id, password: firstLine(await io.stdin()) });
        audited('reset-password', (tx) => resetAccountPassword(tx, row.id, password, now));
        io.out(`Kata sandi ${row.username} diatur ulang.`);
        return 0;
      }
    }
    return 2;
  } catch (e) {
    if (e instanceof CliError || e instanceof Refused) {
      io.out(e.message);
      return 1;
    }
    throw e;
  } finally {
    folder.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  runUsers(process.argv.slice(2), { stdin: () => readPassword(), out: (l) => console.log(l) }).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
