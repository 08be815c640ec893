import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemo } from '../../server/demo-data';
import { chromiumExecutable, openApp, type E2E } from './browser';

describe.skipIf(!chromiumExecutable)('app shell in Chromium through the browser host', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp({ setup: async (core) => void (await fillDemo(core, 30)) });
  });
  afterAll(async () => app?.close());

  it('shows the Indonesian navigation and the demo complaints, and hides the token', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    for (const label of ['Formulir A', 'Formulir B', 'Formulir C', 'Daftar Pengaduan', 'Rekap', 'Sinkronisasi', 'Pengaturan']) {
      await expect(nav.getByRole('link', { name: label, exact: true }).isVisible()).resolves.toBe(true);
    }
    await page.getByText('30 pengaduan').waitFor();
    const rows = page.getByRole('rowgroup').getByRole('row');
    await rows.first().getByRole('link', { name: /^ADU\/\d{4}\/\d{6}$/ }).waitFor();
    expect(await rows.count()).toBeGreaterThan(5);
    expect(page.url()).not.toContain('token');
  });

  it('shows Indonesian messages beside the fields and saves nothing while they show', async () => {
    const { page, core } = app;
    await page.getByRole('link', { name: 'Formulir A', exact: true }).click();
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    const name = page.getByLabel('Nama lengkap');
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    const described = await name.getAttribute('aria-describedby');
    expect(await page.locator(`#${described}`).textContent()).toBe('Nama lengkap wajib diisi.');
    await page.getByRole('alert').filter({ hasText: 'Uraian pengaduan wajib diisi.' }).waitFor();
    expect(core.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(30);
  });

  it('saves a Formulir A keyed from the keyboard and lists it with its registration number', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Formulir A', exact: true }).click();
    await page.getByLabel('Nama lengkap').focus();
    await page.keyboard.type('Hasanuddin Latif');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Koperasi Nelayan Lakansai');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Jl. Pelabuhan No. 3, Ereke');
    await page.getByLabel('Masalah pengaduan').focus();
    await page.keyboard.type('Antrean pelayanan terlalu lama');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Menunggu tiga jam karena hanya satu loket buka.');
    await page.getByRole('button', { name: 'Simpan', exact: true }).focus();
    await page.keyboard.press('Enter');
    const status = page.getByRole('status').filter({ hasText: 'Tersimpan' });
    await status.waitFor();
    const regNo = await page.getByTestId('registration-no').textContent();
    expect(regNo).toMatch(/^ADU\/\d{4}\/000031$/);
    expect(await status.textContent()).toContain('Nomor registrasi');

    await page.getByRole('link', { name: 'Daftar Pengaduan' }).click();
    await page.getByText('31 pengaduan').waitFor();
    await page.getByRole('cell', { name: regNo! }).waitFor();
  });

  it('keeps the office identity set in Pengaturan', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Pengaturan' }).click();
    await page.getByLabel('Nama kantor').fill('DPMPTSP Kabupaten Buton Utara');
    await page.getByLabel('NIP Kepala Kantor').fill('123');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('NIP terdiri dari 18 angka.').waitFor();
    await page.getByLabel('NIP Kepala Kantor').fill('198701012010011001');
    await page.getByLabel('Zona waktu').selectOption('WITA');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Pengaturan tersimpan.').waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Pengaturan' }).click();
    await expect(page.getByLabel('Nama kantor').inputValue()).resolves.toBe('DPMPTSP Kabupaten Buton Utara');
    await expect(page.getByLabel('Zona waktu').inputValue()).resolves.toBe('WITA');
  });
});
