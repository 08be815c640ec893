// Every method of the contract × every role, over the real API (HTTP → browser host → dispatch →
// core), generated from the declarations in forms/api.ts: without a session UNAUTHENTICATED, with
// a role the declaration does not allow FORBIDDEN, otherwise never an auth error. Both are typed
// errors with an Indonesian message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, mayCall, type Envelope, type Method } from '../../forms/api';
import { ROLES, type Role } from '../../forms/roles';
import { startBrowserHost, type BrowserHost } from '../../server/browser-host';
import { RENDERER_DIST } from '../../server/paths';
import type { TokenStore } from '../../server/upstream-token';
import { makeCore, seedAccount, type TestCore } from '../helpers';

const noToken: TokenStore = { read: () => null, write: () => { throw new Error('read-only'); }, source: 'none', editable: false };
const METHODS = Object.keys(contract) as Method[];
const AUTH_ERRORS = ['UNAUTHENTICATED', 'FORBIDDEN'];

let core: TestCore;
let host: BrowserHost;
const accounts = {} as Record<Role, ReturnType<typeof seedAccount>>;

async function call(method: Method, session: string | null): Promise<Envelope<unknown>> {
  const headers: Record<string, string> = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
  if (session) headers['X-Loket-Session'] = session;
  const res = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, { method: 'POST', headers, body: '{}' });
  expect(res.status).toBe(200);
  return (await res.json()) as Envelope<unknown>;
}

beforeAll(async () => {
  core = makeCore(undefined, { tokenStore: noToken });
  for (const role of ROLES) accounts[role] = seedAccount(core.database.db, { username: `hanya-${role}`, name: `Hanya ${role}`, roles: [role] });
  host = await startBrowserHost({ core, staticDir: RENDERER_DIST });
});
afterAll(async () => {
  await host?.close();
  await core?.close();
});

describe('method × role, as declared', () => {
  it.each(METHODS)('%s without a session', async (method) => {
    const res = await call(method, null);
    if (contract[method].access === 'public') expect(res.ok || !AUTH_ERRORS.includes(res.error.code), JSON.stringify(res)).toBe(true);
    else expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/belum masuk.*Masuk lagi/) } });
  });

  it.each(METHODS.flatMap((m) => ROLES.map((r) => [m, r] as const)))('%s as %s', async (method, role) => {
    // A fresh session for each call: auth.signOut and auth.lock end or lock only theirs.
    const res = await call(method, core.sessions.open(accounts[role]));
    if (mayCall(method, [role])) {
      expect(res.ok || !AUTH_ERRORS.includes(res.error.code), JSON.stringify(res)).toBe(true);
    } else {
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/^Anda tidak berhak .*Yang berhak: /) } });
    }
  });

  it('writes a "ditolak" audit row for each refused role, naming the account and the method', () => {
    const refused = METHODS.flatMap((m) => ROLES.filter((r) => !mayCall(m, [r])).map((r) => `${accounts[r].name} ${m}`)).sort();
    const rows = core.database.sqlite.prepare("SELECT account_name || ' ' || method AS x FROM audit_log WHERE action = 'ditolak' AND outcome = 'FORBIDDEN'").pluck().all() as string[];
    expect(rows.sort()).toEqual(refused);
  });
});

describe('handling steps and printouts, by role', () => {
  it('a petugas may answer at the counter, but not verify nor print a letter; the step names the petugas', async () => {
    const petugas = core.sessions.open(accounts.petugas);
    const created = await core.dispatch('complaints.create', { form: 'A', reporterName: 'Siti', reporterAddress: 'Jl. Poros', receivedDate: '2026-01-05', receivedTime: '09:00', problem: 'Izin', content: 'Izin belum terbit.' }, { session: petugas });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: string }).id;
    const verify = await core.dispatch('complaints.transition', { id, action: 'verifikasi', input: { classification: 'pengaduan', jenis: 'a', darwas: false, category: '02 Pelayanan masyarakat' } }, { session: petugas });
    expect(verify).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Anda tidak berhak melakukan “Verifikasi (lengkap)”. Yang berhak: Tim penanganan.' } });
    const letter = await core.dispatch('print.pdf', { kind: 'surat_jawaban', id }, { session: petugas });
    expect(letter).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('mencetak surat jawaban') } });
    const answered = await core.dispatch('complaints.transition', { id, action: 'jawab_langsung', input: { answer: 'Dijelaskan di loket.' } }, { session: petugas });
    expect(answered).toMatchObject({ ok: true, value: { status: 'dijawab_langsung', events: [{}, { actor: 'Hanya petugas', actorId: accounts.petugas.id }] } });
  });
});
