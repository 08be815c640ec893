// The command line for backups, with the backup password on standard input (never an argument:
// arguments are visible to every user of the PC):
//
//   npm run backup -- --data-dir DIR --to FOLDER [--key-file FILE]
//   npm run restore -- --from FILE --data-dir NEW_DIR [--key-file FILE]
//
// A backup may run while the app works on the same folder (the snapshot is one read transaction).
// A restore writes only into a new (or empty) folder that no running app uses, and makes that
// folder's key (`NEW_DIR.key`, `--key-file`, or LOKET_DATA_KEY) before it writes anything.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { fileState, openKeyed } from '../../db/cipher';
import { setLocal } from '../../db/local-state';
import { DB_FILE } from '../../db/open';
import * as schema from '../../db/schema';
import { getSettings } from '../../db/settings';
import { PASSWORD_MIN } from '../../forms/backup';
import { formatNumber } from '../../forms/format';
import { AttachmentStore } from '../attachment-store';
import { inUseMessage, lockHolder } from '../instance-lock';
import { browserKeyStore, dataKeysFor, deriveKeys } from '../keys';
import { MIGRATIONS_DIR, REPO_ROOT } from '../paths';
import { derivePasswordKey } from './container';
import { writeBackup } from './create';
import { restoreBackup } from './restore';

/** Thrown for what the person typed; printed as is, exit code 1. */
class CliError extends Error {}

/** The password: all of standard input without its final line break (or the first line from a terminal). */
export async function readPassword(stdin: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin): Promise<string> {
  if (stdin.isTTY) process.stderr.write('Kata sandi cadangan (lalu Enter): ');
  const chunks: Buffer[] = [];
  for await (const c of stdin) {
    chunks.push(Buffer.from(c as Buffer));
    if (stdin.isTTY && Buffer.concat(chunks).includes(10)) break;
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return (stdin.isTTY ? text.split(/\r?\n/)[0]! : text.replace(/\r?\n$/, '')) ?? '';
}

const version = () => (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const mb = (bytes: number) => `${formatNumber(bytes / 1024 / 1024, 1)} MB`;

async function backup(argv: string[]): Promise<string> {
  const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, to: { type: 'string' }, 'key-file': { type: 'string' } }, strict: true });
  if (!values['data-dir'] || !values.to) throw new CliError('Pemakaian: npm run backup -- --data-dir FOLDER_DATA --to FOLDER_CADANGAN (kata sandi cadangan lewat standard input)');
  const dataDir = path.resolve(values['data-dir']);
  const file = path.join(dataDir, DB_FILE);
  const state = fileState(file);
  if (state === 'missing' || state === 'empty') throw new CliError(`Folder ${dataDir} tidak berisi basis data Loket Aduan.`);
  // Encrypting an older plain database is the app's job, done while it holds the folder.
  if (state === 'plain') throw new CliError('Basis data ini belum dienkripsi (dibuat versi lama). Jalankan Loket Aduan versi ini sekali, lalu cadangkan.');
  const password = await readPassword();
  if (password.length < PASSWORD_MIN) throw new CliError(`Kata sandi cadangan minimal ${PASSWORD_MIN} karakter.`);
  const keys = dataKeysFor(dataDir, browserKeyStore(dataDir, { keyFile: values['key-file'] }));
  const sqlite = openKeyed(file, keys.database);
  try {
    sqlite.pragma('busy_timeout = 5000');
    const db = drizzle(sqlite, { schema });
    const now = new Date();
    const written = await writeBackup(
      { databaseFile: file, databaseKey: keys.database, attachments: new AttachmentStore(dataDir, keys.attachments), dataDir, appVersion: version() },
      { folder: path.resolve(values.to), password: await derivePasswordKey(password), now, timeZone: getSettings(db).timeZone },
    );
    setLocal(db, 'lastGood', { at: now.toISOString(), file: path.basename(written.file), bytes: written.bytes });
    return (
      `Cadangan tersimpan: ${written.file} (${mb(written.bytes)}; ${formatNumber(written.manifest.complaints, 0)} pengaduan, ${formatNumber(written.manifest.attachments.length, 0)} lampiran).` +
      (written.removed.length ? ` ${written.removed.length} cadangan lama dihapus (disimpan 7 harian dan 12 bulanan).` : '')
    );
  } finally {
    sqlite.close();
  }
}

async function restore(argv: string[]): Promise<string> {
  const { values } = parseArgs({ args: argv, options: { from: { type: 'string' }, 'data-dir': { type: 'string' }, 'key-file': { type: 'string' } }, strict: true });
  if (!values.from || !values['data-dir']) throw new CliError('Pemakaian: npm run restore -- --from BERKAS_CADANGAN --data-dir FOLDER_BARU (kata sandi cadangan lewat standard input)');
  const target = path.resolve(values['data-dir']);
  const holder = lockHolder(target);
  if (holder) throw new CliError(inUseMessage(target, holder));
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    throw new CliError(`Folder ${target} tidak kosong. Pemulihan selalu ke folder baru (atau kosong), agar tidak ada data yang tertimpa; pilih folder lain.`);
  }
  const password = await readPassword();
  if (!password) throw new CliError('Kata sandi cadangan wajib diisi (lewat standard input).');
  const store = browserKeyStore(target, { keyFile: values['key-file'] });
  const made = !store.read();
  const keys = made ? dataKeysFor(target, store) : deriveKeys(store.read()!);
  try {
    const r = await restoreBackup({ from: path.resolve(values.from), password, target, mode: 'new-folder', keys, migrationsFolder: MIGRATIONS_DIR, now: new Date() });
    const jumps = r.counters.map((c) => `${c.year || 'berjalan'}: ${c.before} → ${c.after}`).join(', ');
    return (
      `Dipulihkan ke ${target}: ${formatNumber(r.complaints, 0)} pengaduan, ${formatNumber(r.attachments, 0)} lampiran, dari cadangan ${r.backupTakenAt} (Loket Aduan ${r.backupAppVersion}). ` +
      `${r.requeued} laporan diantrekan ulang untuk dikirim. Nomor registrasi dilanjutkan (${jumps}). Kunci: ${store.where}. ` +
      `Jalankan aplikasi dengan --data-dir ${target}.`
    );
  } catch (e) {
    if (made && store.file) fs.rmSync(store.file, { force: true });
    throw e;
  }
}

export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === 'backup') console.log(await backup(rest));
    else if (command === 'restore') console.log(await restore(rest));
    else throw new CliError('Perintah: backup atau restore.');
    return 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
