// Pengaturan → Cadangan data in Chromium: the admin sets the folder and the backup password, backs
// up now, the badge says when; a wrong password at Pulihkan dari cadangan is told beside the field;
// the right one restores and the app carries on with the restored data; a missing folder is on
// the badge.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../server/browser-host';
import type { Core } from '../../server/core';
import { RENDERER_DIST } from '../../server/paths';
import { reopenableCore } from '../../server/reopenable-core';
import { PASSWORD } from '../backup-helpers';
import { CHROMIUM_ARGS, formA, makeCore, tempDir } from '../helpers';
import { chromiumExecutable, recordPrintCalls, SCREENSHOTS_DIR } from './browser';

describe.skipIf(!chromiumExecutable)('backups in Chromium', () => {
  const dataDir = tempDir('loket-e2e-backup-');
  const usb = tempDir('loket-e2e-usb-');
  let core: Core;
  let host: BrowserHost;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    // As the hosts run it: a restore made in the app reopens the core on the restored data.
    core = reopenableCore((onRestoreReady) => makeCore(dataDir, { onRestoreReady }), dataDir);
    await core.dispatch('complaints.create', formA({ reporterName: 'Sebelum Cadangan', problem: 'Sebelum cadangan' }));
    host = await startBrowserHost({ core, staticDir: RENDERER_DIST });
    browser = await chromium.launch({ executablePath: chromiumExecutable!, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    page.setDefaultTimeout(10_000);
    await page.addInitScript(recordPrintCalls);
    await page.goto(host.url);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await core?.close();
  });
  const go = async (route: string) => {
    await page.goto(new URL(`/#${route}`, host.url.split('?')[0]).href);
    await page.reload();
  };
  const badge = () => page.getByTestId('backup-badge');

  it('sets the folder and password, backs up now, and the badge says when', async () => {
    await go('/pengaturan');
    await expect.poll(() => badge().textContent()).toBe('Status cadangan: Cadangan belum diatur');
    const form = page.locator('form[aria-labelledby="backup-title"]');
    await form.getByLabel('Folder cadangan').fill(usb);
    await form.getByLabel('Kata sandi cadangan', { exact: true }).fill('pendek');
    await form.getByLabel('Ulangi kata sandi cadangan').fill('pendek');
    await form.getByRole('button', { name: 'Simpan pengaturan cadangan' }).click();
    await form.getByText('Kata sandi cadangan minimal 10 karakter.').waitFor();
    await form.getByLabel('Kata sandi cadangan', { exact: true }).fill(PASSWORD);
    await form.getByLabel('Ulangi kata sandi cadangan').fill(PASSWORD);
    await form.getByRole('button', { name: 'Simpan pengaturan cadangan' }).click();
    await form.getByText('Pengaturan cadangan tersimpan.').waitFor();
    await expect(form.getByLabel('Kata sandi cadangan', { exact: true }).inputValue()).resolves.toBe('');
    await form.getByRole('button', { name: 'Cadangkan sekarang' }).click();
    await expect.poll(() => badge().getAttribute('data-problem'), { timeout: 15_000 }).toBe('none');
    await expect(badge().textContent()).resolves.toMatch(/^Status cadangan: Cadangan: \d{2}\/\d{2}\/\d{4}, \d{2}\.\d{2}$/);
    await page.getByTestId('backup-state').getByText(/loket-aduan-\d{8}-\d{6}\.cadangan/).waitFor();
    expect(fs.readdirSync(usb).filter((f) => f.endsWith('.cadangan'))).toHaveLength(1);
    fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.locator('#cadangan').screenshot({ path: path.join(SCREENSHOTS_DIR, 'pengaturan-cadangan.png') });
  }, 60_000);

  it('restores from the backup: a wrong password beside its field, then the restored data in use', async () => {
    await core.dispatch('complaints.create', formA({ reporterName: 'Sesudah Cadangan', problem: 'Sesudah cadangan' }));
    await go('/pengaturan');
    const form = page.locator('form[aria-labelledby="restore-title"]');
    await form.getByLabel('Cadangan di folder cadangan').selectOption({ index: 1 });
    await expect(form.getByLabel('Berkas cadangan').inputValue()).resolves.toMatch(/\.cadangan$/);
    await form.getByLabel('Kata sandi cadangan').fill('kata-sandi-salah');
    await form.getByRole('button', { name: 'Pulihkan dari cadangan' }).click();
    await form.getByRole('button', { name: 'Ya, pulihkan' }).click();
    await form.locator('#restore-password-error').getByText('Kata sandi cadangan salah.').waitFor();
    await form.getByLabel('Kata sandi cadangan').fill(PASSWORD);
    await form.getByRole('button', { name: 'Pulihkan dari cadangan' }).click();
    await form.getByRole('button', { name: 'Ya, pulihkan' }).click();
    await page.getByTestId('restore-result').getByText(/Pemulihan selesai: 1 pengaduan dan 0 lampiran.*Nomor registrasi berikutnya: 2026 mulai 2001/).waitFor({ timeout: 30_000 });
    // The page reloads on the restored data: the complaint saved after the backup is not in it.
    await page.waitForEvent('load', { timeout: 15_000 });
    await go('/daftar');
    await page.getByText('Sebelum Cadangan', { exact: true }).waitFor();
    await expect(page.getByText('Sesudah Cadangan', { exact: true }).count()).resolves.toBe(0);
    const kept = fs.readdirSync(path.dirname(dataDir)).filter((n) => n.startsWith(`${path.basename(dataDir)}.sebelum-pulih-`));
    expect(kept).toHaveLength(1);
  }, 60_000);

  it('says on the badge when the backup folder is missing', async () => {
    fs.renameSync(usb, `${usb}-dicabut`);
    try {
      await go('/daftar');
      await expect.poll(() => badge().textContent()).toBe('Status cadangan: Folder cadangan tidak ditemukan');
      await expect(badge().getAttribute('class')).resolves.toContain('backup-warn');
    } finally {
      fs.renameSync(`${usb}-dicabut`, usb);
    }
  });
});
