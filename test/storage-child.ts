// Runs a storage-failure scenario inside its own mount namespace (started by test/storage.ts with
// `unshare --user --map-root-user --mount`), where it may mount a tiny or read-only tmpfs over the
// data folder. A real filesystem refuses the writes: no mocks, and root's privileges do not get
// around a read-only mount or a full disk. Prints one JSON object with what each step answered.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../server/core';
import { MIGRATIONS_DIR } from '../server/paths';
import { formA } from './helpers';

const [scenario, dir] = process.argv.slice(2) as [string, string];
const mount = (...args: string[]) => execFileSync('mount', args);
const open = () => createCore({ dataDir: dir, migrationsFolder: MIGRATIONS_DIR, host: 'browser', version: 'test', now: () => new Date('2026-11-20T03:00:00Z') });
/** A "scan" of `size` bytes: a PNG signature, then bytes that do not compress. */
const scan = (size: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(size - 8)]).toString('base64');
const upload = (core: Core, size: number) => core.dispatch('attachments.upload', { filename: 'scan.png', contentType: 'image/png', dataBase64: scan(size) });
const create = (core: Core, i: number) => core.dispatch('complaints.create', formA({ reporterName: `Pelapor ${i}`, problem: `Perkara ${i}` }));
const startUp = () => {
  try {
    open().close();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
};
const out: Record<string, unknown> = {};

if (scenario === 'attachments-full') {
  fs.mkdirSync(path.join(dir, 'attachments'), { recursive: true });
  mount('-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', path.join(dir, 'attachments'));
  const core = open();
  out.big = await upload(core, 200_000);
  out.files = fs.readdirSync(path.join(dir, 'attachments'));
  out.small = await upload(core, 4_000);
  await core.close();
} else if (scenario === 'read-only') {
  // Linux will not turn a filesystem read-only while a file on it is open for writing (the
  // database is), so the folder turns read-only under the attachments mid-session, and under the
  // whole data folder between two starts.
  const attachments = path.join(dir, 'attachments');
  mount('-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', dir);
  fs.mkdirSync(attachments);
  mount('-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', attachments);
  const core = open();
  out.before = await create(core, 1);
  mount('-o', 'remount,ro', attachments);
  out.upload = await upload(core, 4_000);
  out.list = await core.dispatch('complaints.list', {});
  await core.close();
  mount('-o', 'remount,ro', dir);
  out.startUp = startUp();
  mount('-o', 'remount,rw', dir);
  mount('-o', 'remount,rw', attachments);
  const again = open();
  out.after = again.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get();
  out.integrity = again.database.sqlite.pragma('integrity_check', { simple: true });
  await again.close();
} else if (scenario === 'backup-full') {
  // The backup folder is a small USB disk that already holds an older backup.
  const usb = `${dir}-usb`;
  fs.mkdirSync(usb);
  mount('-t', 'tmpfs', '-o', 'size=128k', 'tmpfs', usb);
  const old = path.join(usb, 'loket-aduan-20261120-160000.cadangan');
  fs.writeFileSync(old, crypto.randomBytes(40_000));
  const oldHash = crypto.createHash('sha256').update(fs.readFileSync(old)).digest('hex');
  const core = open();
  for (let i = 0; i < 5; i++) await create(core, i);
  await upload(core, 60_000);
  const password = 'sandi-cadangan-kantor-2026';
  out.settings = await core.dispatch('backup.settings.save', { folder: usb, dailyAt: '16:00', password, passwordConfirm: password });
  out.full = await core.backups.runNow().then(
    () => 'written',
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  out.files = fs.readdirSync(usb);
  out.oldIntact = crypto.createHash('sha256').update(fs.readFileSync(old)).digest('hex') === oldHash;
  out.status = core.backups.status();
  mount('-o', 'remount,size=4m', usb);
  out.after = await core.backups.runNow().then(
    (w) => path.basename(w.file),
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  out.filesAfter = fs.readdirSync(usb).sort();
  await core.close();
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
console.log(JSON.stringify(out));
process.exit(0);
