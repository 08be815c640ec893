// Encryption at rest: a new database is encrypted from its first page, the key lives outside the
// data folder (0600 file, or LOKET_DATA_KEY), a lost or wrong key stops the app with a clear
// Indonesian message and touches nothing, and a reporter's name is in no file under the data folder
// (database, WAL, attachments, logs) nor in a backup.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileState } from '../../db/cipher';
import { DB_FILE } from '../../db/open';
import { adoptingKeyStore, browserKeyStore, DATA_KEY_ENV, defaultKeyFile, fileKeyStore, KEY_FILE_ENV, SAFE_STORAGE_KEY_FILE } from '../../server/keys';
import { REPO_ROOT } from '../../server/paths';
import { filesUnder, holding, PASSWORD } from '../backup-helpers';
import { pdfBytes } from '../fixtures';
import { coresClosedAfterEach, formA, httpCaller, makeCore, startHostProcess, tempDir } from '../helpers';

const newCore = coresClosedAfterEach();
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('a new data folder', () => {
  it('is encrypted from its first page, with temporary tables kept in memory, and its key in a 0600 file beside the folder', () => {
    const dir = tempDir();
    const c = newCore(dir);
    // Before anything is saved: the file already has pages, none of them plain.
    expect(fs.statSync(c.database.file).size).toBeGreaterThan(0);
    expect(fileState(c.database.file)).toBe('encrypted');
    expect(fs.readFileSync(c.database.file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(c.database.sqlite.pragma('temp_store', { simple: true })).toBe(2);
    const keyFile = defaultKeyFile(dir);
    expect(keyFile).toBe(`${dir}.key`);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(filesUnder(dir).some((f) => f.endsWith('.key'))).toBe(false);
  });

  it('takes its key from LOKET_DATA_KEY or from --key-file / LOKET_KEY_FILE, but never inside the data folder', () => {
    const dir = tempDir();
    const hex = crypto.randomBytes(32).toString('hex');
    expect(browserKeyStore(dir, { env: { [DATA_KEY_ENV]: hex } }).read()!.toString('hex')).toBe(hex);
    expect(() => browserKeyStore(dir, { env: { [DATA_KEY_ENV]: 'pendek' } }).read()).toThrow(/LOKET_DATA_KEY tidak sah: harus 64 digit heksadesimal/);
    const elsewhere = path.join(tempDir('loket-keys-'), 'kantor.key');
    expect(browserKeyStore(dir, { env: { [KEY_FILE_ENV]: elsewhere } }).file).toBe(elsewhere);
    expect(browserKeyStore(dir, { keyFile: elsewhere, env: {} }).where).toBe(`berkas kunci ${elsewhere}`);
    expect(() => browserKeyStore(dir, { keyFile: path.join(dir, 'kunci.key'), env: {} })).toThrow(/berada di dalam folder data; simpan di luar folder data/);

    const c = newCore(dir, { keyStore: browserKeyStore(dir, { env: { [DATA_KEY_ENV]: hex } }) });
    expect(fs.existsSync(defaultKeyFile(dir))).toBe(false);
    expect(fileState(c.database.file)).toBe('encrypted');
  });

  it('the desktop takes over the key file of a folder browser mode made (the keychain keeps it from then on)', () => {
    const dir = tempDir();
    const browser = browserKeyStore(dir, { env: {} });
    const secret = crypto.randomBytes(32);
    browser.write(secret);
    const keychain = fileKeyStore(path.join(dir, SAFE_STORAGE_KEY_FILE), { where: 'keychain', encode: (s) => Buffer.from(s.toString('base64')), decode: (b) => Buffer.from(b.toString(), 'base64') });
    const desktop = adoptingKeyStore(keychain, browser);
    expect(desktop.read()!.equals(secret)).toBe(true);
    expect(fs.existsSync(defaultKeyFile(dir))).toBe(false);
    expect(keychain.read()!.equals(secret)).toBe(true);
  });
});

describe('a lost or wrong key', () => {
  it('stops start-up with what to do (restore from a backup) and leaves the database as it was', async () => {
    const dir = tempDir();
    const c = makeCore(dir);
    await c.dispatch('complaints.create', formA());
    await c.close();
    const before = sha(path.join(dir, DB_FILE));
    const key = fs.readFileSync(defaultKeyFile(dir));

    fs.rmSync(defaultKeyFile(dir));
    expect(() => makeCore(dir)).toThrow(
      new RegExp(`^Kunci enkripsi basis data tidak ditemukan \\(berkas kunci ${defaultKeyFile(dir)}\\)\\. Tanpa kunci itu data di folder ini tidak dapat dibaca; tidak ada yang diubah\\. .*Pulihkan dari cadangan.*npm run restore`),
    );
    expect(fs.existsSync(defaultKeyFile(dir))).toBe(false); // no new key made over the lost one
    expect(sha(path.join(dir, DB_FILE))).toBe(before);

    fs.writeFileSync(defaultKeyFile(dir), `${crypto.randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    expect(() => makeCore(dir)).toThrow(/^Kunci enkripsi \(berkas kunci .*\) tidak cocok dengan basis data di folder ini; tidak ada yang diubah\..*pulihkan dari cadangan/);
    expect(sha(path.join(dir, DB_FILE))).toBe(before);

    // A folder the desktop app locked with the keychain says so.
    fs.rmSync(defaultKeyFile(dir));
    fs.writeFileSync(path.join(dir, SAFE_STORAGE_KEY_FILE), 'terenkripsi oleh keychain');
    expect(() => makeCore(dir)).toThrow(/dikunci oleh aplikasi desktop Loket Aduan/);

    fs.rmSync(path.join(dir, SAFE_STORAGE_KEY_FILE));
    fs.writeFileSync(defaultKeyFile(dir), key);
    expect(((await newCore(dir).dispatch('complaints.list', {})) as { value: { total: number } }).value.total).toBe(1);
  });

  it('is told from the command line too, and the process exits', async () => {
    const dir = tempDir();
    await makeCore(dir).close();
    fs.rmSync(defaultKeyFile(dir));
    const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/cli.ts'), '--browser', '--data-dir', dir], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/Kunci enkripsi basis data tidak ditemukan.*Pulihkan dari cadangan/);
  }, 40_000);
});

describe('no plaintext on disk', () => {
  it('a reporter name is in no file under the data folder (database, WAL, attachments, logs) nor in a backup file', async () => {
    const NAME = 'Zulaikha Qomariyah Tjokrodiningrat';
    const dataDir = tempDir('loket-scan-');
    const usb = tempDir('loket-scan-usb-');
    const host = startHostProcess(dataDir);
    let logs = '';
    host.child.stdout.on('data', (c: Buffer) => (logs += c.toString()));
    host.child.stderr.on('data', (c: Buffer) => (logs += c.toString()));
    try {
      const call = httpCaller(await host.url);
      const scan = (await call('attachments.upload', { filename: 'surat.pdf', contentType: 'application/pdf', dataBase64: pdfBytes(`Surat dari ${NAME}`).toString('base64') })) as { ok: true; value: unknown };
      expect(scan.ok).toBe(true);
      const saved = await call('complaints.create', formA({ reporterName: NAME, content: `Uraian oleh ${NAME}.`, attachments: [scan.value] }));
      expect(saved.ok).toBe(true);
      await call('drafts.save', { id: '0190a0e0-0000-7000-8000-00000000d4a8', form: 'A', data: { reporterName: NAME }, attachments: [] });
      expect(((await call('complaints.list', { q: NAME })) as { ok: true; value: { total: number } }).value.total).toBe(1);

      // While the app runs (the WAL holds the saves).
      expect(fs.statSync(path.join(dataDir, `${DB_FILE}-wal`)).size).toBeGreaterThan(0);
      expect(holding(filesUnder(dataDir), NAME)).toEqual([]);

      expect((await call('backup.settings.save', { folder: usb, dailyAt: '16:00', password: PASSWORD, passwordConfirm: PASSWORD })).ok).toBe(true);
      expect((await call('backup.run', {})).ok).toBe(true);
      for (let i = 0; i < 200 && !fs.readdirSync(usb).some((f) => f.endsWith('.cadangan')); i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      host.child.kill('SIGTERM');
      await new Promise((r) => host.child.once('exit', r));
    }
    const files = [...filesUnder(dataDir), ...filesUnder(usb)];
    expect(files.some((f) => f.endsWith('.cadangan'))).toBe(true);
    expect(files.some((f) => f.includes(`${path.sep}attachments${path.sep}`))).toBe(true);
    expect(holding(files, NAME)).toEqual([]);
    expect(holding(files, 'Qomariyah')).toEqual([]);
    expect(logs).not.toContain('Qomariyah');
    // And the scan test can fail: the name is really in what was saved.
    const c = newCore(dataDir);
    const list = (await c.dispatch('complaints.list', { q: 'Qomariyah' })) as { ok: true; value: { items: { reporter: string }[] } };
    expect(list.value.items[0]?.reporter).toContain(NAME);
    expect(holding([c.database.file], NAME)).toEqual([]);
    expect(c.database.sqlite.serialize().includes(Buffer.from(NAME))).toBe(true);
  }, 60_000);
});
