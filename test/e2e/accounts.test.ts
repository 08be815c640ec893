// Accounts in Chromium through the browser host: the first account of a new data folder, signing
// in and out, a petugas who keys a Formulir B but cannot open Pengaturan, a ketua whose name and
// NIP sign the weekly recap, the lockout after 5 wrong passwords, and an idle lock that keeps a
// half-typed form.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockedMessage, lockEnds, LOCKOUT_MS } from '../../forms/lockout';
import { seedAccount, TEST_PASSWORD } from '../helpers';
import { readPdf } from '../pdf-text';
import { chromiumExecutable, openApp, signInUi, type E2E } from './browser';

const ADMIN = { username: 'laode', name: 'La Ode Admin', password: 'sandi-admin-kantor' };

describe.skipIf(!chromiumExecutable)('accounts in Chromium', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp({ bare: true });
  });
  afterAll(async () => app?.close());
  const go = (page: Page, route: string) => page.goto(new URL(`/#${route}`, app.host.url.split('?')[0]).href);
  /** One attempt at Masuk that is expected to be refused. */
  const tryPassword = async (page: Page, username: string, password: string) => {
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
  };
  const sessionOf = (page: Page) => page.evaluate(() => sessionStorage.getItem('loket-session'));
  const signOut = async (page: Page) => {
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
  };

  it('starts a new data folder at Buat akun admin, then signs in at Masuk', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Buat akun admin' }).waitFor();
    await page.getByLabel('Nama pengguna').fill(ADMIN.username);
    await page.getByLabel('Nama lengkap').fill(ADMIN.name);
    await page.getByLabel('Kata sandi', { exact: true }).fill('pendek');
    await page.getByLabel('Ulangi kata sandi').fill('pendek');
    await page.getByRole('button', { name: 'Buat akun admin' }).click();
    await page.getByText('Kata sandi paling sedikit 10 karakter.').waitFor();
    await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Buat akun admin' }).click();
    await page.getByTestId('who').getByText(ADMIN.name).waitFor();
    expect(await page.getByRole('link', { name: 'Pengaturan' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Log audit' }).count()).toBe(1);

    await signOut(page);
    await tryPassword(page, ADMIN.username, 'bukan-kata-sandinya');
    await page.getByText('Nama pengguna atau kata sandi salah.').waitFor();
    await page.getByLabel('Kata sandi').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByTestId('who').getByText(ADMIN.name).waitFor();
  });

  it('a petugas the admin added keys a Formulir B, signed as Petugas penerima, and cannot open Pengaturan', async () => {
    const { page } = app;
    await go(page, '/pengaturan');
    const accounts = page.getByRole('region', { name: 'Akun pengguna' });
    await accounts.getByRole('button', { name: 'Tambah akun' }).click();
    const form = page.getByRole('form', { name: 'Tambah akun' });
    await form.getByLabel('Nama pengguna').fill('rina');
    await form.getByLabel('Nama lengkap').fill('Rina Marlina');
    await form.getByLabel('NIP').fill('199001012015032002');
    await form.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await form.getByRole('button', { name: 'Simpan akun' }).click();
    await page.getByTestId('account-rina').waitFor();
    await signOut(page);

    await signInUi(page, 'rina');
    await page.getByTestId('who').getByText('Rina Marlina').waitFor();
    expect(await page.getByRole('link', { name: 'Pengaturan' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Log audit' }).count()).toBe(0);
    await go(page, '/pengaturan');
    await page.getByText('Anda tidak berhak membuka Pengaturan.').waitFor();
    // The core refuses this session too, whatever the screen shows.
    expect(await app.core.dispatch('settings.save', {}, { session: await sessionOf(page) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('Anda tidak berhak') } });

    await go(page, '/formulir/b');
    await page.getByLabel('Isi pengaduan').fill('Lampu ruang tunggu mati sejak minggu lalu.');
    expect(await page.getByLabel('Petugas penerima').locator('option:checked').textContent()).toBe('Rina Marlina');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
    const row = app.core.database.sqlite.prepare("SELECT officer, officer_account_id FROM complaints WHERE content LIKE 'Lampu ruang tunggu%'").get() as { officer: string; officer_account_id: string };
    expect(row.officer).toBe('Rina Marlina');
    expect(row.officer_account_id).toBe(app.core.database.sqlite.prepare("SELECT id FROM accounts WHERE username = 'rina'").pluck().get());
    await signOut(page);
  });

  it('a ketua prints the weekly recap signed with their name and NIP', async () => {
    const { page } = app;
    seedAccount(app.core.database.db, { username: 'hasan', name: 'Hasanuddin', nip: '197501012000031001', roles: ['ketua'] });
    await signInUi(page, 'hasan');
    await go(page, '/rekap');
    expect(await page.getByRole('link', { name: 'Formulir B' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Cetak PDF' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('recap-file').click()]);
    const pdf = await readPdf(fs.readFileSync((await download.path())!));
    for (const s of ['REKAP MINGGUAN', 'Ketua', 'Hasanuddin', 'NIP 197501012000031001']) expect(pdf.text).toContain(s);
    await signOut(page);
  });

  it('closes an account after 5 wrong passwords, saying until when; the right one is refused meanwhile', async () => {
    const { page } = app;
    for (let i = 1; i <= 4; i++) {
      await tryPassword(page, 'rina', `salah-${i}-kata-sandi`);
      await expect.poll(() => app.core.database.sqlite.prepare("SELECT failed_attempts FROM accounts WHERE username = 'rina'").pluck().get()).toBe(i);
      await page.getByText('Nama pengguna atau kata sandi salah.').first().waitFor();
    }
    await page.getByLabel('Kata sandi').fill('salah-5-kata-sandi');
    await page.getByRole('button', { name: 'Masuk' }).click();
    // Until when, on the office's clock (WIB by default): a quarter of an hour from now.
    const until = lockEnds(Date.now(), LOCKOUT_MS);
    const message = page.getByText(/^Akun dikunci sementara karena 5 kali salah kata sandi\. Coba lagi setelah pukul \d\d\.\d\d WIB \(\d\d\/\d\d\/\d{4}\)\.$/);
    await message.waitFor();
    expect([lockedMessage(until, 'WIB'), lockedMessage(new Date(until.getTime() + 60_000), 'WIB')]).toContain(await message.textContent());
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect.poll(() => app.core.database.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'gagal_masuk' AND account_name = 'Rina Marlina'").pluck().get()).toBe(6);
    expect(await page.getByRole('heading', { name: 'Masuk' }).count()).toBe(1);
  });

  it('locks the screen after the idle minutes and opens it again with the password, the half-typed form intact', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    page.setDefaultTimeout(10_000);
    seedAccount(app.core.database.db, { username: 'jaga', name: 'Petugas Jaga', roles: ['petugas'] });
    try {
      await page.clock.install();
      await page.goto(app.host.url);

      await signInUi(page, 'jaga');
      await go(page, '/formulir/a');
      await page.getByLabel('Nama lengkap').fill('Wa Ode Sitti');
      await page.getByLabel('Alamat lengkap').fill('Jl. Poros Ereke No. 3');
      await page.clock.fastForward('10:30');
      await page.getByRole('heading', { name: 'Layar terkunci' }).waitFor();
      // The core holds the session locked: nothing but the password opens it.
      expect(await app.core.dispatch('auth.state', {}, { session: await sessionOf(page) })).toMatchObject({ ok: true, value: { state: 'locked' } });
      await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Buka kunci' }).click();
      await page.getByRole('heading', { name: 'Layar terkunci' }).waitFor({ state: 'detached' });
      expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('Wa Ode Sitti');
      expect(await page.getByLabel('Alamat lengkap').inputValue()).toBe('Jl. Poros Ereke No. 3');
      const actions = app.core.database.sqlite.prepare("SELECT action FROM audit_log WHERE account_name = ? ORDER BY seq DESC LIMIT 2").pluck().all('Petugas Jaga');
      expect(actions).toEqual(['buka_kunci', 'kunci']);
    } finally {
      await page.close();
    }
  });
});
