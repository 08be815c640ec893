// Type into a form, kill the host process with SIGKILL half a second after the last keystroke,
// start it again on the same data folder: the form offers the draft back, word for word.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, startHostProcess, tempDir } from '../helpers';
import { chromiumExecutable, signInUi } from './browser';
import { focusedLabel } from './keyboard';

describe.skipIf(!chromiumExecutable)('drafts survive a killed host', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumExecutable!, args: CHROMIUM_ARGS });
  });
  afterAll(async () => browser?.close());

  it('offers the unfinished Formulir C back after SIGKILL and saves it as one complaint', async () => {
    const dataDir = tempDir();
    const first = startHostProcess(dataDir);
    const url1 = await first.url;
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(new URL(`/?token=${url1.searchParams.get('token')}#/formulir/c`, url1).href);
    await signInUi(page);
    await page.waitForFunction(() => document.activeElement?.id === 'f-reporterName');
    const text = {
      name: 'Maria Manurung',
      institution: 'Kelompok Tani Sejahtera',
      content: 'Bantuan bibit untuk kelompok tani belum disalurkan.\nSudah tiga kali kami tanyakan ke kantor desa.',
    };
    await page.keyboard.type(text.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(text.institution);
    await page.getByLabel('Materi pengaduan').focus();
    await page.keyboard.type(text.content);
    await new Promise((r) => setTimeout(r, 500));
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    await page.close();

    const second = startHostProcess(dataDir);
    try {
      const url2 = await second.url;
      const again = await browser.newPage();
      again.setDefaultTimeout(15_000);
      await again.goto(new URL(`/?token=${url2.searchParams.get('token')}#/formulir/c`, url2).href);
      // A restart ends every session: the clerk signs in again.
      await signInUi(again);
      const offer = again.getByRole('region', { name: 'Draf belum selesai' });
      await offer.getByText('Ada 1 draf belum selesai.').waitFor();
      await offer.getByRole('button', { name: 'Lanjutkan draf' }).click();
      // Continuing first takes the draft's hold on the host, then fills the form.
      await offer.waitFor({ state: 'detached' });
      expect(await again.getByLabel('Nama lengkap').inputValue()).toBe(text.name);
      expect(await again.getByLabel('Instansi').inputValue()).toBe(text.institution);
      expect(await again.getByLabel('Materi pengaduan').inputValue()).toBe(text.content);
      expect(await focusedLabel(again)).toBe('Nama lengkap');

      // Finish it: it becomes one complaint and the draft is gone.
      await again.getByLabel('No telepon').fill('0852-1234-5678');
      await again.getByLabel('Sarana pengaduan').selectOption('whatsapp');
      await again.keyboard.press('Control+s');
      await again.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
      await again.goto(new URL(`/#/formulir/c`, url2).href);
      await again.reload();
      await again.waitForFunction(() => document.activeElement?.id === 'f-reporterName');
      expect(await again.getByRole('region', { name: 'Draf belum selesai' }).count()).toBe(0);
      await again.close();
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
  }, 90_000);

  it('lets the officer discard a draft', async () => {
    const dataDir = tempDir();
    const host = startHostProcess(dataDir);
    try {
      const url = await host.url;
      const page = await browser.newPage();
      await page.goto(new URL(`/?token=${url.searchParams.get('token')}#/formulir/b`, url).href);
      await signInUi(page);
      await page.waitForFunction(() => document.activeElement?.id === 'f-content');
      await page.keyboard.type('Slip yang salah tulis');
      await page.getByTestId('draft-saved').waitFor();
      await page.reload();
      const offer = page.getByRole('region', { name: 'Draf belum selesai' });
      await offer.getByRole('button', { name: 'Buang draf' }).click();
      await offer.waitFor({ state: 'detached' });
      await page.reload();
      await page.waitForFunction(() => document.activeElement?.id === 'f-content');
      expect(await page.getByRole('region', { name: 'Draf belum selesai' }).count()).toBe(0);
      await page.close();
    } finally {
      host.child.kill('SIGTERM');
      await new Promise((r) => host.child.once('exit', r));
    }
  }, 60_000);
});
