// Backups and restores, their bad inputs and edge cases: settings, Cadangkan sekarang, the schedule,
// rotation, the badge, a wrong password, a truncated, altered or foreign file, a backup from a newer
// app, a folder that disappears mid-write, a restore into a folder another app uses, the command
// line with the password on standard input, and the restore made in the app.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE } from '../../db/open';
import { derivePasswordKey, BackupWriter } from '../../server/backup/container';
import { BackupError } from '../../server/backup/create';
import { restoreBackup } from '../../server/backup/restore';
import { browserKeyStore, dataKeysFor, defaultKeyFile } from '../../server/keys';
import { MIGRATIONS_DIR, REPO_ROOT } from '../../server/paths';
import { reopenableCore } from '../../server/reopenable-core';
import { configureBackups, filesUnder, PASSWORD, populate, tableRows } from '../backup-helpers';
import { coresClosedAfterEach, formA, makeCore, startHostProcess, tempDir } from '../helpers';
import { canMountPrivately, runStorageScenario } from '../storage';

const newCore = coresClosedAfterEach();
const clock = () => new Date('2026-11-24T09:30:00Z'); // Tuesday 16.30 WIB

/** A populated data folder with one backup in its backup folder. */
async function backedUp(n = 6) {
  const dataDir = tempDir('loket-bk-');
  const folder = tempDir('loket-bk-usb-');
  const core = newCore(dataDir, { now: clock });
  await populate(core, n);
  await configureBackups(core, folder);
  const written = await core.backups.runNow();
  return { core, dataDir, folder, written };
}

/** Restores into a new folder with fresh keys, as the command line does; returns the promise. */
function restoreTo(file: string, password = PASSWORD, target = path.join(tempDir('loket-target-'), 'data')) {
  return { target, done: restoreBackup({ from: file, password, target, mode: 'new-folder', keys: dataKeysFor(target, browserKeyStore(target)), migrationsFolder: MIGRATIONS_DIR, now: clock() }) };
}

/** The parent folder of a restore target holds nothing but what was there before (no staging folder). */
const siblings = (target: string) => fs.readdirSync(path.dirname(target)).filter((n) => !n.endsWith('.key'));

describe('backup settings', () => {
  it('need an existing folder outside the data folder and a password of 10 characters, asked twice; the password never comes back', async () => {
    const dataDir = tempDir();
    const c = newCore(dataDir, { now: clock });
    const usb = tempDir('loket-usb-');
    const save = (input: Record<string, unknown>) => c.dispatch('backup.settings.save', { folder: usb, dailyAt: '16:00', password: PASSWORD, passwordConfirm: PASSWORD, ...input });
    expect(await save({ folder: path.join(usb, 'tidak-ada') })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { folder: expect.stringMatching(/tidak ditemukan/) } } });
    expect(await save({ folder: path.join(dataDir, 'attachments') })).toMatchObject({ ok: false, error: { fields: { folder: expect.stringMatching(/tidak boleh berada di dalam folder data/) } } });
    expect(await save({ password: 'pendek', passwordConfirm: 'pendek' })).toMatchObject({ ok: false, error: { fields: { password: 'Kata sandi cadangan minimal 10 karakter.' } } });
    expect(await save({ passwordConfirm: 'lain-lain-lain' })).toMatchObject({ ok: false, error: { fields: { passwordConfirm: 'Ulangan kata sandi tidak sama.' } } });
    expect(await save({ password: null, passwordConfirm: null })).toMatchObject({ ok: false, error: { fields: { password: expect.stringMatching(/wajib diisi/) } } });
    expect(await save({ dailyAt: '25:00' })).toMatchObject({ ok: false, error: { fields: { dailyAt: expect.stringMatching(/tidak valid/) } } });
    expect(await c.dispatch('backup.status', {})).toMatchObject({ ok: true, value: { configured: false, problem: 'unconfigured' } });

    const saved = await save({});
    expect(saved).toEqual({ ok: true, value: { folder: usb, dailyAt: '16:00', passwordSet: true, keyWhere: `berkas kunci ${defaultKeyFile(dataDir)}` } });
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
    // Kept: the folder and time change, the password stays without being typed again.
    expect(await save({ dailyAt: '15:30', password: null, passwordConfirm: null })).toMatchObject({ ok: true, value: { dailyAt: '15:30', passwordSet: true } });
    expect(c.database.sqlite.serialize().includes(Buffer.from(PASSWORD))).toBe(false);
  });
});

describe('Cadangkan sekarang', () => {
  it('writes one encrypted file named by the office time, lists it, and says when', async () => {
    const { core, folder, written } = await backedUp();
    expect(fs.readdirSync(folder)).toEqual(['loket-aduan-20261124-163000.cadangan']);
    expect(written.manifest).toMatchObject({ app: 'loket-aduan', appVersion: 'test', complaints: 6, attachments: expect.any(Array), schemaVersion: core.database.schemaVersion });
    expect(Object.keys(written.manifest.fingerprint.tables)).toEqual(expect.arrayContaining(['complaints', 'complaint_events', 'outbox', 'complaints_fts_data']));
    const status = (await core.dispatch('backup.status', {})) as { ok: true; value: Record<string, unknown> };
    expect(status.value).toMatchObject({ configured: true, folderAvailable: true, running: false, problem: null, lastGood: { at: clock().toISOString(), file: 'loket-aduan-20261124-163000.cadangan', bytes: written.bytes } });
    expect(await core.dispatch('backup.list', {})).toMatchObject({ ok: true, value: [{ name: 'loket-aduan-20261124-163000.cadangan', path: written.file, bytes: written.bytes, date: '2026-11-24', time: '16:30:00' }] });
    // The data folder keeps no snapshot behind.
    expect(fs.readdirSync(core.database.file.replace(DB_FILE, '')).filter((n) => n.startsWith('backup-snapshot-'))).toEqual([]);
    // Through the API it starts and answers at once; the outcome is in the status.
    expect(await core.dispatch('backup.run', {})).toMatchObject({ ok: true, value: { running: true } });
    await core.backups.runNow().catch(() => undefined);
  });

  it('says what is missing when nothing is set or the folder is gone', async () => {
    const c = newCore(undefined, { now: clock });
    expect(await c.dispatch('backup.run', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/belum diatur/) } });
    const usb = tempDir('loket-usb-');
    await configureBackups(c, usb);
    fs.rmSync(usb, { recursive: true });
    expect(await c.dispatch('backup.run', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/Folder cadangan .* tidak ditemukan. Pasang flashdisk/) } });
    expect(await c.dispatch('backup.status', {})).toMatchObject({ ok: true, value: { folderAvailable: false, problem: 'folder-missing' } });
    expect(await c.dispatch('backup.list', {})).toEqual({ ok: true, value: [] });
  });

  it('keeps 7 daily and 12 monthly backups in the folder, and never touches other files', async () => {
    const dataDir = tempDir();
    const folder = tempDir('loket-usb-');
    const olds: string[] = [];
    for (let i = 1; i <= 40; i++) {
      const d = new Date(Date.UTC(2026, 10, 24 - i * 3));
      const name = `loket-aduan-${d.toISOString().slice(0, 10).replaceAll('-', '')}-160000.cadangan`;
      fs.writeFileSync(path.join(folder, name), 'cadangan lama');
      olds.push(name);
    }
    fs.writeFileSync(path.join(folder, 'catatan.txt'), 'punya admin');
    const c = newCore(dataDir, { now: clock });
    await configureBackups(c, folder);
    const written = await c.backups.runNow();
    const left = fs.readdirSync(folder).sort();
    expect(left).toContain('catatan.txt');
    expect(left).toContain(path.basename(written.file));
    const backups = left.filter((n) => n.endsWith('.cadangan'));
    // Today's, the 6 newest older days, and the newest of each earlier month back to December 2025.
    expect(backups).toHaveLength(7 + 4);
    expect(written.removed.sort()).toEqual(olds.filter((n) => !left.includes(n)).sort());
  });
});

describe('the schedule', () => {
  it('backs up at the close of the working day, and on exit when the last one is older than a day', async () => {
    let now = new Date('2026-11-24T08:00:00Z'); // Tuesday 15.00 WIB
    const dataDir = tempDir();
    const folder = tempDir('loket-usb-');
    const c = makeCore(dataDir, { now: () => now, backup: { checkEveryMs: 20 } });
    const backups = async (n: number) => {
      const deadline = Date.now() + 10_000;
      while ((fs.readdirSync(folder).filter((f) => f.endsWith('.cadangan')).length < n || c.backups.status().running) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 200)); // and no more than that
      return fs.readdirSync(folder).sort();
    };
    try {
      await configureBackups(c, folder);
      // Set up on Tuesday afternoon: Monday's close has no backup yet, so the first one is made now.
      expect(await backups(1)).toEqual(['loket-aduan-20261124-150000.cadangan']);
      now = new Date('2026-11-24T08:59:00Z'); // 15.59: not yet
      expect(await backups(1)).toHaveLength(1);
      now = new Date('2026-11-24T09:01:00Z'); // 16.01: Tuesday's close (a day keeps its newest backup)
      const wait = Date.now() + 10_000;
      while (!fs.existsSync(path.join(folder, 'loket-aduan-20261124-160100.cadangan')) && Date.now() < wait) await new Promise((r) => setTimeout(r, 20));
      expect(await backups(1)).toEqual(['loket-aduan-20261124-160100.cadangan']);
      // Closed the same evening: the last backup is fresh, none on exit.
      now = new Date('2026-11-24T11:00:00Z');
    } finally {
      await c.close();
    }
    expect(fs.readdirSync(folder)).toHaveLength(1);
    // Opened on Saturday and closed at once: the last backup is older than a day, so one is made on exit.
    now = new Date('2026-11-28T02:00:00Z');
    const again = makeCore(dataDir, { now: () => now, backup: { checkEveryMs: 60_000 } });
    await again.close();
    expect(fs.readdirSync(folder).sort()).toEqual(['loket-aduan-20261124-160100.cadangan', 'loket-aduan-20261128-090000.cadangan']);
  });

  it('the badge warns when the last good backup is older than 2 days', async () => {
    let now = clock();
    const dataDir = tempDir();
    const c = newCore(dataDir, { now: () => now });
    await configureBackups(c, tempDir('loket-usb-'));
    await c.backups.runNow();
    now = new Date(clock().getTime() + 47 * 3_600_000);
    expect(c.backups.status().problem).toBeNull();
    now = new Date(clock().getTime() + 49 * 3_600_000);
    expect(c.backups.status().problem).toBe('stale');
  });
});

describe('a backup folder that disappears mid-write (the USB disk pulled out)', () => {
  it('fails with the reason, leaves no half backup under a backup name, keeps the old backups, and the next backup sweeps the half file', async () => {
    const dataDir = tempDir();
    const folder = tempDir('loket-usb-');
    const c = newCore(dataDir, { now: clock });
    await populate(c, 9);
    await configureBackups(c, folder);
    fs.writeFileSync(path.join(folder, 'loket-aduan-20261120-160000.cadangan'), 'cadangan lama');
    const pulled = `${folder}-dicabut`;
    const { writeBackup } = await import('../../server/backup/create');
    const { getLocal } = await import('../../db/local-state');
    const source = { databaseFile: c.database.file, databaseKey: dataKeysFor(dataDir, browserKeyStore(dataDir)).database, attachments: c.attachments, dataDir, appVersion: 'test' };
    let moved = false;
    const failed = await writeBackup(source, {
      folder,
      password: getLocal(c.database.db, 'password')!,
      now: clock(),
      timeZone: 'WIB',
      onProgress: (done, total) => {
        if (!moved && done > total / 3) {
          fs.renameSync(folder, pulled);
          moved = true;
        }
      },
    }).catch((e: unknown) => e);
    expect(moved).toBe(true);
    expect(failed).toBeInstanceOf(BackupError);
    expect((failed as BackupError).message).toMatch(/hilang saat menulis \(flashdisk dicabut\?\).*cadangan lama tetap ada/);
    // Plugged in again: the old backup is there, the half one only under its temporary name.
    fs.renameSync(pulled, folder);
    const names = fs.readdirSync(folder).sort();
    expect(names.filter((n) => n.endsWith('.cadangan'))).toEqual(['loket-aduan-20261120-160000.cadangan']);
    const half = names.filter((n) => n.endsWith('.tmp'));
    expect(half).toHaveLength(1);
    const old = new Date(Date.now() - 3_600_000);
    fs.utimesSync(path.join(folder, half[0]!), old, old);
    await c.backups.runNow();
    expect(fs.readdirSync(folder).sort()).toEqual(['loket-aduan-20261120-160000.cadangan', 'loket-aduan-20261124-163000.cadangan']);
  });
});

describe('restoring a bad file: refused with the reason, nothing touched', () => {
  it('a wrong password', async () => {
    const { written } = await backedUp(3);
    const { target, done } = restoreTo(written.file, 'kata-sandi-yang-salah');
    await expect(done).rejects.toThrow(/^Kata sandi cadangan salah\.$/);
    expect(fs.existsSync(target)).toBe(false);
    expect(siblings(target)).toEqual([]);
  });

  it('a truncated file, wherever it was cut', async () => {
    const { written } = await backedUp(6);
    const bytes = fs.readFileSync(written.file);
    // In the header, in the middle of a chunk, and exactly at a chunk boundary (1 MiB + 4 + 16 in).
    for (const cut of [20, Math.floor(bytes.length / 2), 8 + 4 + bytes.readUInt32BE(8) + 32 + 4 + (1 << 20) + 16, bytes.length - 1]) {
      if (cut >= bytes.length) continue;
      const file = path.join(tempDir('loket-cut-'), 'terpotong.cadangan');
      fs.writeFileSync(file, bytes.subarray(0, cut));
      const { target, done } = restoreTo(file);
      await expect(done, `cut at ${cut}`).rejects.toThrow(/terpotong \(tidak lengkap\)/);
      expect(fs.existsSync(target)).toBe(false);
      expect(siblings(target)).toEqual([]);
    }
  });

  it('an altered file: a changed byte, a changed header, bytes appended', async () => {
    const { written } = await backedUp(6);
    const bytes = fs.readFileSync(written.file);
    const variants: [string, Buffer][] = [];
    for (const at of [bytes.length - 10, Math.floor(bytes.length / 2), 200]) {
      const b = Buffer.from(bytes);
      b[at] = b[at]! ^ 0x01;
      variants.push([`byte ${at}`, b]);
    }
    const header = Buffer.from(bytes);
    header[20] = header[20]! ^ 0x01;
    variants.push(['header', header], ['appended', Buffer.concat([bytes, Buffer.from('tambahan')])]);
    for (const [what, b] of variants) {
      const file = path.join(tempDir('loket-altered-'), 'diubah.cadangan');
      fs.writeFileSync(file, b);
      const { target, done } = restoreTo(file);
      await expect(done, what).rejects.toThrow(/rusak atau telah diubah/);
      expect(fs.existsSync(target)).toBe(false);
      expect(siblings(target)).toEqual([]);
    }
  });

  it('a file that is not a backup, and a backup from a newer version of the app', async () => {
    const notBackup = path.join(tempDir(), 'foto.cadangan');
    fs.writeFileSync(notBackup, 'bukan cadangan');
    await expect(restoreTo(notBackup).done).rejects.toThrow(/^Berkas ini bukan berkas cadangan Loket Aduan\.$/);

    // A backup written by a later app: a schema this one does not know.
    const newer = path.join(tempDir(), 'baru.cadangan');
    const fh = await fsp.open(newer, 'wx');
    const w = await BackupWriter.start(fh, await derivePasswordKey(PASSWORD));
    const manifest = Buffer.from(JSON.stringify({ app: 'loket-aduan', format: 1, appVersion: '9.0.0', schemaVersion: 999, takenAt: clock().toISOString() }));
    await w.entry({ kind: 'manifest', bytes: manifest.length }, manifest);
    await w.finish();
    await fh.close();
    const before = fs.readFileSync(newer);
    const { target, done } = restoreTo(newer);
    await expect(done).rejects.toThrow(/versi Loket Aduan yang lebih baru\. \(Loket Aduan 9\.0\.0, skema 999; aplikasi ini mengenal sampai skema \d+\.\) Perbarui aplikasi dulu/);
    expect(fs.readFileSync(newer).equals(before)).toBe(true);
    expect(fs.existsSync(target)).toBe(false);
    expect(siblings(target)).toEqual([]);
  });

  it('through the API: the reason beside the field, the data in use untouched', async () => {
    const { core, written } = await backedUp(3);
    const rows = tableRows(core.database.sqlite);
    expect(await core.dispatch('backup.restore', { file: written.file, password: 'salah-salah-salah' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Kata sandi cadangan salah. Tidak ada data yang diubah.', fields: { password: 'Kata sandi cadangan salah.' } },
    });
    expect(await core.dispatch('backup.restore', { file: path.join(tempDir(), 'tidak-ada.cadangan'), password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { file: expect.stringMatching(/tidak ditemukan/) } },
    });
    expect(tableRows(core.database.sqlite)).toEqual(rows);
  });
});

describe('restoring into a folder that is in use or not empty', () => {
  it('refuses while another app runs on the folder, and refuses a folder with data', async () => {
    const { written } = await backedUp(2);
    const busy = tempDir('loket-busy-');
    const host = startHostProcess(busy);
    try {
      await host.url;
      const before = filesUnder(busy).map((f) => [f, fs.statSync(f).size]);
      const { done } = restoreTo(written.file, PASSWORD, busy);
      await expect(done).rejects.toThrow(/sedang dipakai Loket Aduan lain yang berjalan \(proses \d+/);
      expect(filesUnder(busy).map((f) => [f, fs.statSync(f).size])).toEqual(before);
      // Nor does a second app open it.
      expect(() => makeCore(busy)).toThrow(/sedang dipakai Loket Aduan lain yang berjalan/);
    } finally {
      host.child.kill('SIGTERM');
      await new Promise((r) => host.child.once('exit', r));
    }
    // Closed now, but the folder holds its data: a restore never writes over it.
    await expect(restoreTo(written.file, PASSWORD, busy).done).rejects.toThrow(/tidak kosong\. Pemulihan selalu ke folder baru/);
  }, 60_000);
});

/** Runs `npm run backup|restore` (server/backup/cli.ts) with the password on standard input. */
function cli(args: string[], password: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/backup/cli.ts'), ...args], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
    child.stdin.end(`${password}\n`);
  });
}

describe('the command line', () => {
  it('npm run backup and npm run restore, the password on standard input', async () => {
    const dataDir = tempDir('loket-cli-');
    const c = makeCore(dataDir, { now: clock });
    await populate(c, 4, 'Baris Perintah');
    await c.close();
    const usb = tempDir('loket-cli-usb-');
    expect(await cli(['backup', '--data-dir', dataDir, '--to', usb], 'pendek')).toMatchObject({ code: 1, err: expect.stringMatching(/minimal 10 karakter/) });
    const made = await cli(['backup', '--data-dir', dataDir, '--to', usb], PASSWORD);
    expect(made).toMatchObject({ code: 0, out: expect.stringMatching(/^Cadangan tersimpan: .*loket-aduan-\d{8}-\d{6}\.cadangan \(.*4 pengaduan, 2 lampiran\)/) });
    const [file] = fs.readdirSync(usb);
    const target = path.join(tempDir('loket-cli-new-'), 'pulih');
    expect(await cli(['restore', '--from', path.join(usb, file!), '--data-dir', target], 'salah-salah-salah')).toMatchObject({ code: 1, err: 'Kata sandi cadangan salah.\n' });
    expect(fs.existsSync(target) || fs.existsSync(defaultKeyFile(target))).toBe(false);
    const restored = await cli(['restore', '--from', path.join(usb, file!), '--data-dir', target], PASSWORD);
    expect(restored).toMatchObject({ code: 0, out: expect.stringMatching(/^Dipulihkan ke .*pulih: 4 pengaduan, 2 lampiran.*Nomor registrasi dilanjutkan \(2026: 4 → 2000\)/) });
    const again = newCore(target, { now: clock });
    expect(((await again.dispatch('complaints.list', {})) as { value: { total: number } }).value.total).toBe(4);
  }, 90_000);
});

describe('Pulihkan dari cadangan in the app', () => {
  it('restores beside the data folder and switches at the next start, keeping the replaced folder', async () => {
    const { core, dataDir, written } = await backedUp(5);
    await core.dispatch('complaints.create', formA({ reporterName: 'Sesudah Cadangan', problem: 'Sesudah cadangan' }));
    const answer = await core.dispatch('backup.restore', { file: written.file, password: PASSWORD });
    expect(answer).toMatchObject({ ok: true, value: { complaints: 5, switching: false, counters: [{ year: 2026, before: 5, after: 2000 }] } });
    // Still the data in use until the switch.
    expect(core.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(6);
    await core.close();
    const after = newCore(dataDir, { now: clock });
    expect(after.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(5);
    const kept = fs.readdirSync(path.dirname(dataDir)).filter((n) => n.startsWith(`${path.basename(dataDir)}.sebelum-pulih-`));
    expect(kept).toHaveLength(1);
    expect(fs.existsSync(path.join(path.dirname(dataDir), kept[0]!, DB_FILE))).toBe(true);
    expect(await after.dispatch('complaints.create', formA({ reporterName: 'Sesudah Pulih', problem: 'Sesudah pulih' }))).toMatchObject({ ok: true, value: { registrationNo: 'ADU/2026/002001' } });
  });

  it('with a host that reopens the core, the restored data is in use as soon as it is ready', async () => {
    const dataDir = tempDir('loket-reopen-');
    const folder = tempDir('loket-reopen-usb-');
    const core = reopenableCore((onRestoreReady) => makeCore(dataDir, { now: clock, onRestoreReady }), dataDir);
    try {
      await populate(core, 3);
      await configureBackups(core, folder);
      const written = await core.backups.runNow();
      await core.dispatch('complaints.create', formA({ reporterName: 'Hilang', problem: 'Sesudah cadangan' }));
      expect(await core.dispatch('backup.restore', { file: written.file, password: PASSWORD })).toMatchObject({ ok: true, value: { switching: true } });
      await new Promise((r) => setTimeout(r, 50));
      expect(await core.dispatch('complaints.list', {})).toMatchObject({ ok: true, value: { total: 3 } });
    } finally {
      await core.close();
    }
  });
});

describe.skipIf(!canMountPrivately)('a full USB disk (own mount namespace, a real tmpfs)', () => {
  it('fails with the reason, removes the half file, keeps the old backup, and works once there is room', () => {
    const out = runStorageScenario('backup-full', tempDir());
    expect(out.settings).toMatchObject({ ok: true });
    expect(out.full).toMatch(/^Disk cadangan penuh \(.*\)\. Berkas yang belum selesai dihapus; cadangan lama tetap ada\. Kosongkan ruang/);
    expect(out.files).toEqual(['loket-aduan-20261120-160000.cadangan']);
    expect(out.oldIntact).toBe(true);
    expect(out.status).toMatchObject({ lastGood: null, lastFailure: { message: out.full }, problem: 'stale' });
    expect(out.after).toBe('loket-aduan-20261120-100000.cadangan');
    expect(out.filesAfter).toEqual(['loket-aduan-20261120-100000.cadangan', 'loket-aduan-20261120-160000.cadangan']);
  }, 60_000);
});
