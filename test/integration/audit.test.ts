// The audit log: append-only in the database, a hash chain `npm run audit -- verify` checks (and
// that names the row someone edited in the file), one row per view, print or export that shows a
// protected reporter, and the *Log audit* screen's filters and XLSX export.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../forms/api';
import { DEFAULT_SETTINGS } from '../../forms/settings';
import type { Core } from '../../server/core';
import { REPO_ROOT } from '../../server/paths';
import type { Printer } from '../../server/printer';
import { pdfBytes } from '../fixtures';
import { coresClosedAfterEach, formA, makeBareCore, openDataDb, tempDir, TEST_PASSWORD } from '../helpers';

const newCore = coresClosedAfterEach();
/** The printable HTML is built for real; the PDF engine is left out, for speed. */
const paperless: Printer = { pdf: async () => pdfBytes(), dialog: async () => true, close: async () => undefined };
const NOW = () => new Date('2026-11-24T03:00:00Z');

const value = <T>(r: Envelope<unknown>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};

/** `npm run audit -- verify --data-dir DIR`, as a person runs it. */
function auditVerify(dataDir: string) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/audit-cli.ts'), 'verify', '--data-dir', dataDir], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: res.status, out: res.stdout.trim() };
}

/** A working morning: the first admin, staff added, sign-ins (one failed), intake, handling, a protected case opened, printed and exported, settings changed, a lock, a sign-out. */
async function realisticSession(c: Core) {
  const admin = value<{ token: string }>(await c.dispatch('auth.setup', { username: 'admin', name: 'La Ode Admin', password: 'kata-sandi-admin' })).token;
  const asAdmin = (m: string, i: unknown) => c.dispatch(m, i, { session: admin });
  for (const [username, name, roles] of [['rina', 'Rina Marlina', ['petugas']], ['hasan', 'Hasanuddin', ['ketua']], ['inspektur', 'Inspektur Daerah', ['pemeriksa']]] as const) {
    value(await asAdmin('accounts.create', { username, name, roles, password: TEST_PASSWORD }));
  }
  await asAdmin('settings.save', { ...DEFAULT_SETTINGS, officeName: 'Kantor Baru Buranga', idleMinutes: 15 });
  const signIn = async (username: string) => value<{ token: string }>(await c.dispatch('auth.signIn', { username, password: TEST_PASSWORD }, {})).token;
  expect(await c.dispatch('auth.signIn', { username: 'rina', password: 'salah-kata-sandi' }, {})).toMatchObject({ ok: false });
  const rina = await signIn('rina');
  const hasan = await signIn('hasan');
  const asRina = (m: string, i: unknown) => c.dispatch(m, i, { session: rina });
  const asHasan = (m: string, i: unknown) => c.dispatch(m, i, { session: hasan });
  const open = value<{ id: string; registrationNo: string }>(await asRina('complaints.create', formA({ receivedDate: '2026-11-23', reporterName: 'Andi Terbuka' })));
  const secret = value<{ id: string; registrationNo: string }>(
    await asRina('complaints.create', formA({ receivedDate: '2026-11-24', receivedTime: '08:00', reporterName: 'Budi Rahasia', reporterAddress: 'Jl. Tersembunyi No. 7', confidential: true, problem: 'Pungli' })),
  );
  await asRina('complaints.get', { id: open.id });
  await asHasan('complaints.transition', { id: open.id, action: 'minta_kelengkapan', input: { note: 'Fotokopi KTP' } });
  await asRina('auth.lock', {});
  await c.dispatch('auth.unlock', { password: TEST_PASSWORD }, { session: rina });
  await asRina('auth.signOut', {});
  return { admin, rina, hasan, asHasan, open, secret };
}

describe('the audit chain', () => {
  it('verifies after a realistic session, in the app and with `npm run audit -- verify`', async () => {
    const dir = tempDir();
    const c = makeBareCore(dir, { now: NOW, printer: paperless });
    const s = await realisticSession(c);
    const rows = c.database.sqlite.prepare('SELECT action, account_name AS who, method, outcome FROM audit_log ORDER BY seq').all();
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'ubah', who: 'La Ode Admin', method: 'auth.setup', outcome: 'ok' },
        { action: 'masuk', who: 'La Ode Admin', method: null, outcome: 'ok' },
        { action: 'ubah', who: 'La Ode Admin', method: 'accounts.create', outcome: 'ok' },
        { action: 'ubah', who: 'La Ode Admin', method: 'settings.save', outcome: 'ok' },
        { action: 'gagal_masuk', who: 'Rina Marlina', method: null, outcome: 'ditolak' },
        { action: 'masuk', who: 'Rina Marlina', method: null, outcome: 'ok' },
        { action: 'ubah', who: 'Rina Marlina', method: 'complaints.create', outcome: 'ok' },
        { action: 'ubah', who: 'Hasanuddin', method: 'complaints.transition', outcome: 'ok' },
        { action: 'kunci', who: 'Rina Marlina', method: null, outcome: 'ok' },
        { action: 'buka_kunci', who: 'Rina Marlina', method: null, outcome: 'ok' },
        { action: 'keluar', who: 'Rina Marlina', method: null, outcome: 'ok' },
      ]),
    );
    // Viewing a complaint that is not protected leaves no row.
    expect(rows.filter((r) => (r as { action: string }).action === 'lihat')).toEqual([]);
    const n = rows.length;
    expect(value(await c.dispatch('audit.verify', {}, { session: s.admin }))).toEqual({ rows: n, brokenAt: null });
    await c.close();
    expect(auditVerify(dir)).toEqual({ code: 0, out: `Log audit: ${n} baris, utuh.` });
  }, 60_000);

  it('names the row that was edited in the database file behind the app’s back', async () => {
    const dir = tempDir();
    const c = makeBareCore(dir, { now: NOW, printer: paperless });
    await realisticSession(c);
    const row = c.database.sqlite.prepare("SELECT seq FROM audit_log WHERE method = 'settings.save'").get() as { seq: number };
    const total = c.database.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    await c.close();
    // Someone with the folder's key and SQLite tools: the append-only trigger dropped, one letter
    // of the office's new name changed in that row only, the trigger put back.
    const db = openDataDb(dir);
    const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'").pluck().get() as string;
    db.exec('DROP TRIGGER audit_log_no_update');
    const changed = db.prepare("UPDATE audit_log SET detail = replace(detail, 'Kantor Baru Buranga', 'Kantor Baru Burangx') WHERE seq = ?").run(row.seq);
    expect(changed.changes).toBe(1);
    db.exec(trigger);
    db.close();
    expect(auditVerify(dir)).toEqual({ code: 1, out: `Log audit: ${total} baris; baris ${row.seq} tidak cocok (isi atau urutannya diubah di luar aplikasi).` });
  }, 60_000);

  it('is append-only in the database itself', async () => {
    const c = newCore();
    await c.dispatch('auth.lock', {});
    const sqlite = c.database.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBeGreaterThan(0);
    expect(() => sqlite.prepare("UPDATE audit_log SET account_name = 'Orang Lain'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM accounts').run()).toThrow(/never deleted/);
  });
});

describe('views, prints and exports of a protected reporter', () => {
  it('opening a rahasia complaint, printing its form and exporting a recap each leave one row naming the account and the complaint, never the reporter', async () => {
    const c = makeBareCore(undefined, { now: NOW, printer: paperless });
    try {
      const s = await realisticSession(c);
      const audited = (action: string) => c.database.sqlite.prepare('SELECT account_name, method, object, detail FROM audit_log WHERE action = ?').all(action) as { account_name: string; method: string; object: string; detail: string }[];

      value(await s.asHasan('complaints.get', { id: s.secret.id }));
      expect(audited('lihat')).toEqual([{ account_name: 'Hasanuddin', method: 'complaints.get', object: s.secret.registrationNo, detail: JSON.stringify({ complaintId: s.secret.id }) }]);

      value(await s.asHasan('print.pdf', { kind: 'form', id: s.secret.id }));
      expect(audited('cetak')).toEqual([{ account_name: 'Hasanuddin', method: 'print.pdf', object: s.secret.registrationNo, detail: expect.stringContaining(s.secret.id) }]);
      // The letter forwarding the case says Dirahasiakan: printing it is not a row.
      await s.asHasan('complaints.transition', { id: s.secret.id, action: 'verifikasi', input: { classification: 'pengaduan', jenis: 'a', darwas: false, category: '02 Pelayanan masyarakat' } });
      await s.asHasan('complaints.transition', { id: s.secret.id, action: 'teruskan', input: { targets: [{ kind: 'unit', name: 'Bidang Perizinan' }] } });
      value(await s.asHasan('print.pdf', { kind: 'surat_penerusan', id: s.secret.id }));
      expect(audited('cetak')).toHaveLength(1);

      const period = { from: '2026-11-23', to: '2026-11-29' };
      const { jobId } = value<{ jobId: string }>(await s.asHasan('recap.export.start', { kind: 'mingguan', period }));
      let state = 'running';
      // The workbook is written off the call (timers, streams): poll as the screen does, not in a microtask loop.
      while (state === 'running') {
        await new Promise((r) => setTimeout(r, 20));
        state = value<{ state: string }>(await s.asHasan('recap.export.status', { jobId })).state;
      }
      expect(state).toBe('done');
      const exported = audited('ekspor');
      expect(exported).toEqual([{ account_name: 'Hasanuddin', method: 'recap.export.start', object: expect.stringContaining('2026-11-23'), detail: JSON.stringify({ complaints: [s.secret.registrationNo] }) }]);
      // Another account cannot fetch that export.
      expect(await c.dispatch('recap.export.status', { jobId }, { session: s.admin })).toMatchObject({ ok: false });

      // Nowhere in the log: the reporter's name or address.
      const everything = JSON.stringify(c.database.sqlite.prepare('SELECT * FROM audit_log').all());
      for (const identity of ['Budi Rahasia', 'Jl. Tersembunyi', 'Andi Terbuka']) expect(everything).not.toContain(identity);
    } finally {
      await c.close();
    }
  }, 60_000);
});

describe('the Log audit screen', () => {
  it('filters by person, date and action, and exports the same rows to XLSX', async () => {
    const c = makeBareCore(undefined, { now: NOW, printer: paperless });
    try {
      const s = await realisticSession(c);
      const list = async (q: object) => value<{ items: { action: string; accountName: string; hash: string }[]; total: number; people: { name: string }[] }>(await c.dispatch('audit.list', q, { session: s.admin }));
      const all = await list({});
      expect(all.people.map((p) => p.name)).toEqual(['Hasanuddin', 'Inspektur Daerah', 'La Ode Admin', 'Rina Marlina']);
      const rinaId = c.database.sqlite.prepare("SELECT id FROM accounts WHERE username = 'rina'").pluck().get();
      const rina = await list({ accountId: rinaId });
      expect(new Set(rina.items.map((i) => i.accountName))).toEqual(new Set(['Rina Marlina']));
      const signIns = await list({ action: 'masuk' });
      expect(signIns.items.map((i) => i.accountName).sort()).toEqual(['Hasanuddin', 'La Ode Admin', 'Rina Marlina']);
      expect((await list({ from: '2026-11-25' })).total).toBe(0);
      expect((await list({ from: '2026-11-24', to: '2026-11-24' })).total).toBe(all.total);
      expect(await c.dispatch('audit.list', { from: '2026-13-01' }, { session: s.admin })).toMatchObject({ ok: false, error: { fields: { from: expect.stringContaining('Dari tanggal') } } });

      const file = value<{ filename: string; dataBase64: string; rows: number }>(await c.dispatch('audit.export', { action: 'masuk' }, { session: s.admin }));
      expect(file).toMatchObject({ filename: 'log-audit-2026-11-24.xlsx', rows: 3 });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as never);
      const cells: unknown[] = [];
      wb.worksheets[0]!.eachRow((r) => cells.push(...(r.values as unknown[])));
      for (const t of ['Masuk', 'Rina Marlina', 'Hasanuddin', signIns.items[0]!.hash]) expect(cells).toContain(t);
    } finally {
      await c.close();
    }
  }, 60_000);
});
