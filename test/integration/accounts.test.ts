// Accounts and sessions through the real API: the first account, signing in, wrong passwords and
// the lockout (also across clock changes and a restart), the idle lock, deactivation signing out
// everywhere, two tabs as two people, the last admin, a session that ends mid-save.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/paths';
import { runUsers } from '../../server/users-cli';
import type { Envelope } from '../../forms/api';
import { coresClosedAfterEach, formA, makeBareCore, personOn, TEST_ACCOUNT, TEST_PASSWORD, tempDir } from '../helpers';
import type { Core } from '../../server/core';

const newCore = coresClosedAfterEach();
const MIN = 60_000;

/** A core whose wall clock and monotonic clock the test moves, independently. */
function clocked(dir = tempDir()) {
  const clock = { wall: Date.parse('2026-11-24T03:30:00Z'), mono: 1_000_000 };
  const core = newCore(dir, { now: () => new Date(clock.wall), monotonic: () => clock.mono });
  return { core, clock };
}

const value = <T>(r: Envelope<unknown>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};
const signIn = (c: Core, username: string, password: string) => c.dispatch('auth.signIn', { username, password }, {});
const as = (c: Core, session: string) => (method: string, input: unknown) => c.dispatch(method, input, { session });

describe('the first account', () => {
  it('a new data folder needs one; Buat akun admin makes an admin and signs them in; a second setup is refused', async () => {
    const c = makeBareCore();
    try {
      expect(await c.dispatch('auth.state', {})).toMatchObject({ ok: true, value: { setupNeeded: true, state: 'signedOut', account: null, idleMinutes: 10 } });
      expect(await c.dispatch('complaints.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      const weak = await c.dispatch('auth.setup', { username: 'Admin Kantor', name: '', password: 'pendek' });
      expect(weak).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { username: expect.stringContaining('huruf kecil'), name: 'Nama lengkap wajib diisi.', password: 'Kata sandi paling sedikit 10 karakter.' } } });
      const made = value<{ token: string; account: { roles: string[]; name: string } }>(await c.dispatch('auth.setup', { username: 'admin', name: 'La Ode Admin', password: 'kata-sandi-kantor' }));
      expect(made.account).toMatchObject({ name: 'La Ode Admin', roles: ['admin'] });
      expect(await c.dispatch('auth.state', {}, { session: made.token })).toMatchObject({ ok: true, value: { setupNeeded: false, state: 'active', account: { username: 'admin' } } });
      expect(await c.dispatch('auth.setup', { username: 'lain', name: 'Orang Lain', password: 'kata-sandi-kantor' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('sudah dibuat') } });
      // The password is stored only as its scrypt hash.
      const stored = c.database.sqlite.prepare('SELECT password_hash FROM accounts').pluck().get() as string;
      expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(stored).not.toContain('kata-sandi-kantor');
    } finally {
      await c.close();
    }
  });
});

describe('signing in', () => {
  it('right password: a session; wrong password or unknown name: the same refusal, beside the password', async () => {
    const c = newCore();
    const ok = value<{ token: string; account: { username: string } }>(await signIn(c, 'UJI', TEST_PASSWORD));
    expect(ok.account.username).toBe('uji');
    expect(await c.dispatch('complaints.list', {}, { session: ok.token })).toMatchObject({ ok: true });
    const wrongPassword = await signIn(c, 'uji', 'salah-sekali-ini');
    const unknownName = await signIn(c, 'tidak-ada', 'salah-sekali-ini');
    for (const r of [wrongPassword, unknownName]) expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Nama pengguna atau kata sandi salah.', fields: { password: 'Nama pengguna atau kata sandi salah.' } } });
    // The unknown name typed is not kept (it may be a password typed in the wrong box).
    const failed = c.database.sqlite.prepare("SELECT account_name, detail FROM audit_log WHERE action = 'gagal_masuk'").all();
    expect(JSON.stringify(failed)).not.toContain('tidak-ada');
    expect(failed).toHaveLength(2);
  });

  it('locks after 5 wrong passwords for 15 minutes, saying until when; the right one is refused meanwhile; nothing else changes', async () => {
    const { core: c, clock } = clocked();
    for (let i = 0; i < 4; i++) expect(await signIn(c, 'uji', `salah-${i}-kata-sandi`)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const fifth = await signIn(c, 'uji', 'salah-4-kata-sandi');
    // 10.30 WIB + 15 minutes.
    expect(fifth).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Akun dikunci sementara karena 5 kali salah kata sandi. Coba lagi setelah pukul 10.45 WIB (24/11/2026).' } });
    // The session signed in before the lockout keeps working: the lock is about passwords.
    expect(await c.dispatch('complaints.list', {})).toMatchObject({ ok: true });
    clock.wall += 14 * MIN;
    clock.mono += 14 * MIN;
    expect(await signIn(c, 'uji', TEST_PASSWORD)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('pukul 10.45 WIB') } });
    clock.wall += MIN + 1_000;
    clock.mono += MIN + 1_000;
    expect(await signIn(c, 'uji', TEST_PASSWORD)).toMatchObject({ ok: true });
    // The count starts again after a right password.
    for (let i = 0; i < 4; i++) await signIn(c, 'uji', `salah-${i}-kata-sandi`);
    expect(await signIn(c, 'uji', TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  it('a clock moved during a lockout neither opens it early nor keeps it closed longer; a restart keeps it', async () => {
    const dir = tempDir();
    const { core: c, clock } = clocked(dir);
    for (let i = 0; i < 5; i++) await signIn(c, 'uji', `salah-${i}-kata-sandi`);
    // Someone sets the PC's clock a day ahead: still locked.
    clock.wall += 24 * 60 * MIN;
    clock.mono += MIN;
    expect(await signIn(c, 'uji', TEST_PASSWORD)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // And back a day and more: open after 15 real minutes all the same.
    clock.wall -= 48 * 60 * MIN;
    clock.mono += 14 * MIN + 1_000;
    expect(await signIn(c, 'uji', TEST_PASSWORD)).toMatchObject({ ok: true });

    // Locked again, then the app restarts with the clock set back an hour: at most 15 minutes from now.
    for (let i = 0; i < 5; i++) await signIn(c, 'uji', `salah-${i}-kata-sandi`);
    await c.close();
    const again = { wall: clock.wall - 60 * MIN, mono: 5 };
    const restarted = newCore(dir, { now: () => new Date(again.wall), monotonic: () => again.mono });
    expect(await signIn(restarted, 'uji', TEST_PASSWORD)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    again.mono += 15 * MIN + 1_000;
    again.wall += 15 * MIN + 1_000;
    expect(await signIn(restarted, 'uji', TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  it('a deactivated account is signed out everywhere and cannot sign in; reactivated, it can', async () => {
    const c = newCore();
    const siti = personOn(c, ['petugas'], 'Siti Aminah', 'siti');
    const secondTab = value<{ token: string }>(await signIn(c, 'siti', TEST_PASSWORD)).token;
    expect(await siti.call('complaints.list', {})).toMatchObject({ ok: true });
    expect(await c.dispatch('accounts.setActive', { id: siti.account.id, active: false })).toMatchObject({ ok: true, value: { active: false } });
    for (const session of [siti.session, secondTab]) expect(await c.dispatch('complaints.list', {}, { session })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await signIn(c, 'siti', 'salah-kata-sandinya')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await signIn(c, 'siti', TEST_PASSWORD)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Akun ini dinonaktifkan. Hubungi admin kantor.' } });
    await c.dispatch('accounts.setActive', { id: siti.account.id, active: true });
    expect(await signIn(c, 'siti', TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  it('two tabs signed in as two people: each call is its own person', async () => {
    const c = newCore();
    personOn(c, ['petugas'], 'Siti Aminah', 'siti');
    personOn(c, ['ketua'], 'Hasanuddin', 'hasan');
    const tabA = value<{ token: string }>(await signIn(c, 'siti', TEST_PASSWORD)).token;
    const tabB = value<{ token: string }>(await signIn(c, 'hasan', TEST_PASSWORD)).token;
    expect(await c.dispatch('auth.state', {}, { session: tabA })).toMatchObject({ ok: true, value: { account: { name: 'Siti Aminah' } } });
    expect(await c.dispatch('auth.state', {}, { session: tabB })).toMatchObject({ ok: true, value: { account: { name: 'Hasanuddin' } } });
    const saved = value<{ id: string }>(await as(c, tabA)('complaints.create', formA()));
    expect(await as(c, tabB)('complaints.create', formA())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const step = value<{ events: { actor: string }[] }>(await as(c, tabB)('complaints.transition', { id: saved.id, action: 'minta_kelengkapan', input: { note: 'KTP' } }));
    expect(step.events.map((e) => e.actor)).toEqual(['Siti Aminah', 'Hasanuddin']);
    // Signing out one tab leaves the other signed in.
    expect(await as(c, tabA)('auth.signOut', {})).toEqual({ ok: true, value: { signedOut: true } });
    expect(await as(c, tabA)('complaints.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await as(c, tabB)('complaints.list', {})).toMatchObject({ ok: true });
  });
});

describe('the idle lock and a session that ends mid-save', () => {
  it('locks after the idle minutes from the settings; background reads do not count; the password opens the same session again', async () => {
    const { core: c, clock } = clocked();
    await c.dispatch('settings.save', { ...(await c.dispatch('settings.get', {}).then((r) => value<object>(r))), idleMinutes: 5 });
    clock.mono += 4 * MIN;
    // A status poll is passive: it does not keep the session awake.
    expect(await c.dispatch('sync.status', {}, { session: c.session, passive: true })).toMatchObject({ ok: true });
    clock.mono += 2 * MIN;
    const refused = await c.dispatch('complaints.create', formA({ reporterName: 'Setengah Jadi' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('tidak ada kegiatan selama 5 menit') } });
    // The refused save changed nothing.
    expect(c.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(0);
    expect(await c.dispatch('auth.state', {})).toMatchObject({ ok: true, value: { state: 'locked', account: { username: 'uji' } } });
    expect(await c.dispatch('auth.unlock', { password: 'salah-kata-sandinya' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await c.dispatch('auth.unlock', { password: TEST_PASSWORD })).toMatchObject({ ok: true, value: { token: c.session } });
    // The same session (the tab's token) saves now.
    expect(await c.dispatch('complaints.create', formA({ reporterName: 'Setengah Jadi' }))).toMatchObject({ ok: true });
    const rows = c.database.sqlite.prepare("SELECT action FROM audit_log WHERE action IN ('kunci', 'buka_kunci', 'gagal_masuk') ORDER BY seq").pluck().all();
    expect(rows).toEqual(['kunci', 'gagal_masuk', 'buka_kunci']);
  });

  it('locking by hand: only unlock, the state and signing out answer until the password is given', async () => {
    const c = newCore();
    expect(await c.dispatch('auth.lock', {})).toEqual({ ok: true, value: { locked: true } });
    expect(await c.dispatch('drafts.list', { form: 'A', holder: null })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('Layar terkunci') } });
    expect(await c.dispatch('auth.unlock', { password: TEST_PASSWORD })).toMatchObject({ ok: true });
    expect(await c.dispatch('drafts.list', { form: 'A', holder: null })).toMatchObject({ ok: true });
  });

  it('an unlock for a session the core no longer knows (restarted) asks to sign in again', async () => {
    const c = newCore();
    expect(await c.dispatch('auth.unlock', { password: TEST_PASSWORD }, { session: 'sesi-lama-yang-hilang' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('Masuk lagi') } });
  });
});

describe('managing accounts', () => {
  it('the admin adds, changes and resets accounts; the audit rows hold before and after, never a password', async () => {
    const c = newCore();
    const made = value<{ id: string; roles: string[] }>(await c.dispatch('accounts.create', { username: 'rina', name: 'Rina Marlina', nip: '1985 0101 2010 0120 01', roles: ['petugas'], password: 'kata-sandi-rina-1' }));
    expect(made.roles).toEqual(['petugas']);
    expect(await c.dispatch('accounts.create', { username: 'rina', name: 'Rina Lain', roles: ['petugas'], password: 'kata-sandi-rina-1' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { username: 'Nama pengguna rina sudah dipakai.' } } });
    expect(await c.dispatch('accounts.create', { username: 'x', name: 'X', nip: '123', roles: [], password: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { username: expect.any(String), nip: 'NIP terdiri dari 18 angka.', roles: 'Pilih paling sedikit satu peran.', password: expect.stringContaining('paling sedikit 10') } },
    });
    expect(await c.dispatch('accounts.update', { id: made.id, name: 'Rina Marlina', nip: '198501012010012001', roles: ['petugas', 'penangan'] })).toMatchObject({ ok: true, value: { roles: ['petugas', 'penangan'] } });
    expect(await c.dispatch('accounts.resetPassword', { id: made.id, password: 'kata-sandi-baru-2' })).toMatchObject({ ok: true });
    expect(await signIn(c, 'rina', 'kata-sandi-baru-2')).toMatchObject({ ok: true });
    const rows = c.database.sqlite.prepare("SELECT method, object, detail FROM audit_log WHERE method LIKE 'accounts.%' AND outcome = 'ok' ORDER BY seq").all() as { method: string; object: string; detail: string }[];
    expect(rows.map((r) => r.method)).toEqual(['accounts.create', 'accounts.update', 'accounts.resetPassword']);
    expect(JSON.parse(rows[1]!.detail)).toEqual({ before: { roles: ['petugas'] }, after: { roles: ['petugas', 'penangan'] } });
    expect(JSON.stringify(rows)).not.toMatch(/kata-sandi-(rina|baru)/);
  });

  it('refuses to take away the last active admin, by role change or deactivation, the admin’s own included', async () => {
    const c = newCore();
    const me = c.account;
    const withoutAdmin = TEST_ACCOUNT.roles.filter((r) => r !== 'admin');
    expect(await c.dispatch('accounts.update', { id: me.id, name: me.name, nip: me.nip, roles: withoutAdmin })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('admin aktif terakhir'), fields: { roles: expect.any(String) } } });
    expect(await c.dispatch('accounts.setActive', { id: me.id, active: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // With a second admin it is allowed.
    personOn(c, ['admin'], 'Admin Kedua');
    expect(await c.dispatch('accounts.update', { id: me.id, name: me.name, nip: me.nip, roles: withoutAdmin })).toMatchObject({ ok: true, value: { roles: withoutAdmin } });
    // And counts at once: no more admin methods for this session.
    expect(await c.dispatch('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('everyone changes their own password with the old one; other sessions of the account end', async () => {
    const c = newCore();
    const other = value<{ token: string }>(await signIn(c, 'uji', TEST_PASSWORD)).token;
    expect(await c.dispatch('auth.changePassword', { current: 'bukan-yang-lama', next: 'kata-sandi-baru-9' })).toMatchObject({ ok: false, error: { fields: { current: 'Kata sandi lama salah.' } } });
    expect(await c.dispatch('auth.changePassword', { current: TEST_PASSWORD, next: 'kata-sandi-baru-9' })).toEqual({ ok: true, value: { changed: true } });
    expect(await c.dispatch('complaints.list', {}, { session: other })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await c.dispatch('complaints.list', {})).toMatchObject({ ok: true });
    expect(await signIn(c, 'uji', 'kata-sandi-baru-9')).toMatchObject({ ok: true });
  });

  it('Petugas penerima: defaults to whoever keys; another active petugas may be chosen, nobody else', async () => {
    const c = newCore();
    const rina = personOn(c, ['petugas'], 'Rina Marlina');
    const hasan = personOn(c, ['ketua'], 'Hasanuddin');
    const own = value<{ id: string }>(await rina.call('complaints.create', formA()));
    expect(await c.dispatch('complaints.get', { id: own.id })).toMatchObject({ ok: true, value: { officer: 'Rina Marlina', officerAccountId: rina.account.id, events: [{ actor: 'Rina Marlina', actorId: rina.account.id }] } });
    const forRina = value<{ id: string }>(await c.dispatch('complaints.create', formA({ reporterName: 'Budi', officerAccountId: rina.account.id })));
    expect(await c.dispatch('complaints.get', { id: forRina.id })).toMatchObject({ ok: true, value: { officer: 'Rina Marlina', events: [{ actor: 'Admin Uji' }] } });
    expect(await c.dispatch('complaints.create', formA({ reporterName: 'Citra', officerAccountId: hasan.account.id }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { officerAccountId: 'Petugas penerima harus akun petugas yang aktif.' } } });
    expect(value<{ name: string }[]>(await rina.call('accounts.officers', {})).map((o) => o.name)).toEqual(['Admin Uji', 'Rina Marlina']);
  });
});

describe('`npm run users` (the command line)', () => {
  /** The real command in a child process, the password on standard input. */
  function usersProcess(args: string[], stdin = '') {
    const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/users-cli.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', input: stdin, timeout: 60_000 });
    return { code: res.status, out: `${res.stdout}${res.stderr}`.trim() };
  }
  /** The same command run in this process (what the child runs), to keep the test quick. */
  async function users(args: string[], stdin = '') {
    const lines: string[] = [];
    const code = await runUsers(args, { stdin: async () => stdin, out: (l) => lines.push(l) });
    return { code, out: lines.join('\n') };
  }

  it('adds the first admin with the password from stdin, lists, changes roles, deactivates and resets; each change audited; the app signs them in', async () => {
    const dir = tempDir();
    expect(usersProcess(['add', '--data-dir', dir, '--username', 'admin', '--name', 'La Ode Admin', '--role', 'admin'], 'sandi-admin-kantor\n')).toMatchObject({ code: 0, out: expect.stringContaining('Akun dibuat: admin') });
    expect(await users(['add', '--data-dir', dir, '--username', 'siti', '--name', 'Siti Aminah', '--role', 'petugas'], 'pendek\n')).toMatchObject({ code: 1, out: expect.stringContaining('paling sedikit 10 karakter') });
    expect((await users(['add', '--data-dir', dir, '--username', 'siti', '--name', 'Siti Aminah', '--role', 'petugas'], `${TEST_PASSWORD}\n`)).code).toBe(0);
    expect((await users(['set-role', '--data-dir', dir, '--username', 'siti', '--role', 'petugas,penangan'])).out).toContain('Petugas layanan pengaduan, Tim penanganan');
    // The last admin cannot be taken away here either.
    expect(await users(['deactivate', '--data-dir', dir, '--username', 'admin'])).toMatchObject({ code: 1, out: expect.stringContaining('admin aktif terakhir') });
    expect((await users(['deactivate', '--data-dir', dir, '--username', 'siti'])).code).toBe(0);
    expect((await users(['reset-password', '--data-dir', dir, '--username', 'siti'], 'kata-sandi-baru-siti\n')).code).toBe(0);
    const listed = await users(['list', '--data-dir', dir]);
    expect(listed.out.split('\n')).toEqual([expect.stringMatching(/^admin\tLa Ode Admin\t-\tAdmin\taktif$/), expect.stringMatching(/^siti\tSiti Aminah\t-\t.*\tnonaktif$/)]);

    const c = newCore(dir);
    expect(value(await signIn(c, 'admin', 'sandi-admin-kantor'))).toMatchObject({ account: { name: 'La Ode Admin', roles: ['admin'] } });
    expect(await signIn(c, 'siti', 'kata-sandi-baru-siti')).toMatchObject({ ok: false, error: { message: expect.stringContaining('dinonaktifkan') } });
    const rows = c.database.sqlite.prepare("SELECT account_name, method, detail FROM audit_log WHERE method LIKE 'users.%' ORDER BY seq").all() as { account_name: string; method: string; detail: string | null }[];
    expect(rows.map((r) => r.method)).toEqual(['users.add', 'users.add', 'users.set-role', 'users.deactivate', 'users.reset-password']);
    expect(new Set(rows.map((r) => r.account_name))).toEqual(new Set(['Baris perintah (npm run users)']));
    for (const r of rows) for (const secret of ['sandi-admin-kantor', TEST_PASSWORD, 'kata-sandi-baru-siti', 'scrypt$']) expect(r.detail ?? '').not.toContain(secret);
  }, 120_000);
});
