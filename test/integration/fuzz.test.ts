// Every method of the API contract, fed random JSON and mutations of a valid input through the real
// browser host (HTTP → dispatch → core → SQLite): every answer is a typed envelope, never INTERNAL,
// the host keeps serving, and the database stays intact.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Envelope, type InputOf, type Method } from '../../forms/api';
import { startBrowserHost, type BrowserHost } from '../../server/browser-host';
import { RENDERER_DIST } from '../../server/paths';
import type { Core } from '../../server/core';
import type { Printer } from '../../server/printer';
import type { TokenStore } from '../../server/upstream-token';
import { pdfBytes, pngBytes } from '../fixtures';
import { formA, makeCore, seedAccount, settingsOf, tempDir, TEST_PASSWORD, type TestCore } from '../helpers';

const SEED = 20_261_125;
const RUNS_PER_METHOD = 40;

// No token can be stored, so no fuzzed upstream address is ever contacted.
const noToken: TokenStore = { read: () => null, write: () => { throw new Error('read-only'); }, source: 'none', editable: false };

// The printable HTML is built for real; only Chromium's rendering of it is left out, for speed.
const paperless: Printer = { pdf: async () => pdfBytes(), dialog: async () => true, close: async () => undefined };

let core: TestCore;
let host: BrowserHost;
let ids: { complaint: string; draft: string; sha256: string; account: string };
/** The session each method is fuzzed with: its own, so fuzzing auth.signOut or auth.lock ends only that one. */
let session = '';
const backupFolder = tempDir('loket-fuzz-backups-');

const post = async (method: string, body: string) => {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}`, 'X-Loket-Session': session, 'Content-Type': 'application/json' }, body });
  return { status: res.status, envelope: (await res.json()) as Envelope<unknown> };
};
const call = async (method: Method, input: unknown) => (await post(method, JSON.stringify(input))).envelope;

beforeAll(async () => {
  core = makeCore(undefined, { now: () => new Date('2026-11-20T03:00:00Z'), tokenStore: noToken, printer: paperless });
  host = await startBrowserHost({ core, staticDir: RENDERER_DIST });
  session = core.session;
  const target = seedAccount(core.database.db, { username: 'sasaran', name: 'Akun Sasaran', roles: ['petugas'] });
  const created = (await call('complaints.create', formA())) as { ok: true; value: { id: string } };
  const upload = (await call('attachments.upload', { filename: 'scan.png', contentType: 'image/png', dataBase64: pngBytes().toString('base64') })) as { ok: true; value: { sha256: string } };
  ids = { complaint: created.value.id, draft: '0190a0e0-0000-7000-8000-00000000d4a7', sha256: upload.value.sha256, account: target.id };
});
afterAll(async () => {
  await host?.close();
  await core?.close();
});

/** A valid input for every method (the type makes a method added to the contract fail to compile here until it has one). */
const examples = (): { [M in Method]: InputOf<M> } => {
  const period = { from: '2026-11-01', to: '2026-11-30' };
  return {
    'app.info': {},
    'app.jobs': {},
    'auth.state': {},
    'auth.setup': { username: 'admin2', name: 'Admin Kedua', password: 'kata-sandi-panjang', roles: ['admin'] },
    'auth.signIn': { username: 'uji', password: 'bukan-kata-sandinya' },
    'auth.unlock': { password: TEST_PASSWORD },
    'auth.lock': {},
    'auth.signOut': {},
    'auth.changePassword': { current: 'bukan-kata-sandinya', next: 'kata-sandi-baru-2026' },
    'accounts.list': {},
    'accounts.officers': {},
    'accounts.create': { username: 'baru', name: 'Pegawai Baru', nip: '198001012006041001', roles: ['petugas', 'penangan'], password: 'kata-sandi-panjang' },
    'accounts.update': { id: ids.account, name: 'Akun Sasaran', nip: null, roles: ['petugas', 'pemeriksa'] },
    'accounts.setActive': { id: ids.account, active: false },
    'accounts.resetPassword': { id: ids.account, password: 'kata-sandi-panjang' },
    'audit.list': { accountId: null, from: '2026-11-01', to: '2026-11-30', action: 'ubah', limit: 50 },
    'audit.export': { from: '2026-11-01', to: '2026-11-30', action: null },
    'audit.verify': {},
    'complaints.create': formA({ reporterName: 'Rina', problem: 'Antrean' }),
    'complaints.list': { q: 'izin', view: 'terlambat', from: '2026-01-01', to: '2026-12-31', limit: 20 },
    'complaints.get': { id: ids.complaint },
    'complaints.transition': { id: ids.complaint, action: 'verifikasi', input: { classification: 'pengaduan', jenis: 'a', darwas: false, category: '02 Pelayanan masyarakat' } },
    'complaints.correct': { id: ids.complaint, version: 1, fields: { problem: 'Izin', content: 'Uraian', reporterName: 'Siti', reporterInstitution: null, reporterAddress: 'Jl. Poros', reporterPhone: null, reporterEmail: null }, reason: 'Salah ketik' },
    'workviews.counts': {},
    'calendar.get': {},
    'calendar.save': { date: '2027-03-08', name: 'Cuti bersama', kind: 'cuti_bersama', status: 'resmi' },
    'calendar.delete': { date: '2027-03-08' },
    'calendar.import': { text: '2027-01-02;Cuti bersama;cuti_bersama' },
    'drafts.save': { id: ids.draft, holder: null, form: 'A', data: { reporterName: 'Siti', anonymous: false }, attachments: [] },
    'drafts.list': { form: 'A', holder: null },
    'drafts.hold': { id: ids.draft, holder: '0190a0e0-0000-7000-8000-0000000000a1' },
    'drafts.discard': { id: ids.draft },
    'attachments.upload': { filename: 'scan.png', contentType: 'image/png', dataBase64: pngBytes(2, 2).toString('base64') },
    'attachments.get': { sha256: ids.sha256 },
    'print.pdf': { kind: 'receipt', id: ids.complaint, paper: 'A4' },
    'print.dialog': { kind: 'form', id: ids.complaint, paper: 'F4' },
    'recap.weekly': { from: '2026-11-16', to: '2026-11-22' },
    'recap.summary': period,
    'recap.period': period,
    'recap.indicators': period,
    'recap.pdf': { kind: 'mingguan', period, paper: 'A4' },
    'recap.export.start': { kind: 'laporan_hasil', period },
    'recap.export.status': { jobId: '0190a0e0-0000-7000-8000-000000000000' },
    'monev.get': { year: 2026, quarter: 4 },
    'monev.save': { year: 2026, quarter: 4, rows: [{ activity: 'Rapat', obstacles: '', plan: '' }] },
    'sync.status': {},
    'sync.overview': {},
    'sync.run': {},
    'sync.requeue': { ids: [ids.complaint] },
    'sync.settings.get': {},
    'sync.settings.save': { url: 'https://hub.example.go.id/pengaduan', officeId: 'K-01', token: null },
    'settings.get': {},
    'settings.save': { ...(settingsOf(core) as object) } as InputOf<'settings.save'>,
    'backup.status': {},
    'backup.settings.get': {},
    'backup.settings.save': { folder: backupFolder, dailyAt: '16:00', password: null, passwordConfirm: null },
    'backup.run': {},
    'backup.list': {},
    'backup.restore': { file: `${backupFolder}/loket-aduan-20261120-160000.cadangan`, password: 'kata sandi cadangan' },
  };
};

/** Values that broke something before: NUL and control characters, % escapes, far dates, huge numbers, odd Unicode. */
const NASTY: unknown[] = ['\u0000', 'izin\u0000usaha', '%zz', '\ud800', '9999-12-31', '1026-01-05', '0000-00-00', '2026-02-30', '', '"*NEAR(', 'ADU/2026/%', 1e308, -1, 0.5, true, null, [], {}];
const nasty = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

/** Each field of a valid input (top level and one below) replaced in turn by each nasty value. */
function* sweep(base: unknown): Generator<unknown> {
  if (!base || typeof base !== 'object' || Array.isArray(base)) return;
  const obj = base as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    for (const value of NASTY) yield { ...obj, [key]: value };
    const inner = obj[key];
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      for (const innerKey of Object.keys(inner)) for (const value of NASTY) yield { ...obj, [key]: { ...inner, [innerKey]: value } };
    }
  }
}
const anyValue = fc.oneof(nasty, fc.jsonValue({ maxDepth: 3 }));

/** A valid input with some of its fields (top level or one below) replaced, removed or added. */
function mutated(base: unknown): fc.Arbitrary<unknown> {
  if (!base || typeof base !== 'object' || Array.isArray(base)) return anyValue;
  const keys = Object.keys(base);
  const edit = fc.record({
    key: keys.length ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 }),
    op: fc.constantFrom('replace', 'remove', 'nested'),
    value: anyValue,
    inner: fc.string({ maxLength: 8 }),
  });
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    const out: Record<string, unknown> = structuredClone(base as Record<string, unknown>);
    for (const e of edits) {
      if (e.op === 'remove') delete out[e.key];
      else if (e.op === 'nested' && out[e.key] && typeof out[e.key] === 'object' && !Array.isArray(out[e.key])) {
        const inner = out[e.key] as Record<string, unknown>;
        const innerKeys = Object.keys(inner);
        inner[innerKeys.length ? innerKeys[e.inner.length % innerKeys.length]! : e.inner] = e.value;
      } else out[e.key] = e.value;
    }
    return out;
  });
}

describe('fuzz: every API method through the browser host', () => {
  const methods = Object.keys(contract) as Method[];

  it.each(methods)('%s answers each nasty field and random input with a typed envelope, never INTERNAL', async (method) => {
    session = core.sessions.open(core.account);
    const base = examples()[method];
    const internal: unknown[] = [];
    for (const input of sweep(base)) {
      const { status, envelope } = await post(method, JSON.stringify(input));
      expect([200, 400]).toContain(status);
      if (!envelope.ok && envelope.error.code === 'INTERNAL') internal.push(input);
    }
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: mutated(base) }, { weight: 1, arbitrary: anyValue }), async (input) => {
        const { status, envelope } = await post(method, JSON.stringify(input) ?? 'null');
        expect([200, 400]).toContain(status);
        if (!envelope.ok && envelope.error.code === 'INTERNAL') internal.push(input);
        expect(envelope.ok || envelope.error.code !== 'INTERNAL', `INTERNAL for ${JSON.stringify(input)}`).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS_PER_METHOD, endOnFailure: true },
    );
    expect(internal).toEqual([]);
  }, 120_000);

  it('leaves the host serving, the database intact and the audit chain whole', async () => {
    session = core.sessions.open(core.account);
    expect(await call('app.info', {})).toMatchObject({ ok: true });
    expect(core.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(core.database.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(await call('audit.verify', {})).toMatchObject({ ok: true, value: { brokenAt: null } });
    // The complaint created first is still there, whatever the fuzzed calls did to it.
    expect(await call('complaints.get', { id: ids.complaint })).toMatchObject({ ok: true, value: { registrationNo: 'ADU/2026/000001' } });
  });
});
