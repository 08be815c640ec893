// What a new clerk meets at the counter on a 1366×768 screen: where the confirmation of a save
// shows, printing from the browser, typing before the form has finished loading, the language of
// the browser's own widgets, and names that match what is shown.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../forms/settings';
import { toLocal } from '../../forms/time';
import { formA } from '../helpers';
import { labelContentMismatches, openScreen, screens } from './a11y';
import { chromiumExecutable, openApp, recordPrintCalls, SCREENSHOTS_DIR, withSession, type E2E } from './browser';
import { focusedLabel } from './keyboard';


describe.skipIf(!chromiumExecutable)('the clerk at the counter, in Chromium at 1366×768', () => {
  let app: E2E;
  let detailId = '';
  const base = () => app.host.url.split('?')[0]!;
  beforeAll(async () => {
    app = await openApp({
      setup: async (core) => {
        await core.dispatch('settings.save', { ...DEFAULT_SETTINGS, officeName: 'DPMPTSP Kabupaten Buton Utara', place: 'Buranga', timeZone: 'WIT', attachmentMaxMb: 7 });
        const r = await core.dispatch('complaints.create', formA());
        if (!r.ok) throw new Error(r.error.message);
        detailId = (r.value as { id: string }).id;
      },
    });
  });
  afterAll(async () => app?.close());

  const openForm = async (page: Page, form: 'a' | 'b' | 'c') => {
    await page.goto(`${base()}#/formulir/${form}`);
    await page.reload();
    await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT' || document.activeElement?.tagName === 'TEXTAREA');
  };
  /** Fills Formulir A and leaves the cursor in its last field, at the bottom of the page. */
  const fillA = async (page: Page, name: string) => {
    await page.getByLabel('Nama lengkap').fill(name);
    await page.getByLabel('Alamat lengkap').fill('Jl. Pelabuhan No. 3, Ereke');
    await page.getByLabel('Masalah pengaduan').fill(`Antrean pelayanan terlalu lama bagi ${name}`);
    await page.getByLabel('Uraian pengaduan').fill(`${name} menunggu tiga jam karena hanya satu loket buka.`);
    await page.getByLabel('Penyelesaian').focus();
  };
  const inViewport = async (page: Page, testId: string) => {
    const box = (await page.getByTestId(testId).boundingBox())!;
    return box.y >= 0 && box.y + box.height <= 768;
  };

  it('shows the saved number and the print buttons at the top, announced, with the cursor on the first print button', async () => {
    const { page } = app;
    await openForm(page, 'a');
    await fillA(page, 'Hasanuddin Latif');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: 'Tersimpan' });
    await status.waitFor();
    const reg = (await page.getByTestId('registration-no').textContent())!;
    expect(reg).toMatch(/^ADU\/2026\/\d{6}$/);
    // Announced: the number is inside a polite live region that was there before the save.
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toContain(`Nomor registrasi: ${reg}`);
    // Where the eye is: the number and the print buttons are on screen without scrolling.
    expect(await inViewport(page, 'registration-no')).toBe(true);
    const receipt = page.getByRole('button', { name: 'Cetak tanda terima' });
    const box = (await receipt.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cetak tanda terima');
    fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'save-confirmation-1366x768.png') });

    // Ctrl+Enter: the next number shows at the top too, and the cursor is back in the first field.
    await page.getByRole('button', { name: 'Formulir baru' }).click();
    expect(await focusedLabel(page)).toBe('Nama lengkap');
    await fillA(page, 'Wa Ode Sitti');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('registration-no').filter({ hasNotText: reg }).waitFor();
    expect(await inViewport(page, 'registration-no')).toBe(true);
    await page.waitForFunction(() => document.activeElement?.id === 'f-reporterName');
    expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('');
  });

  it('sends the PDF straight to the print dialog in browser mode, keeping the file link', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Cetak tanda terima' }).click();
    const printed = await page.waitForFunction(() => (window as Window & { __printed?: string[] }).__printed?.at(-1));
    const url = (await printed.jsonValue()) as string;
    expect(url).toMatch(/^blob:/);
    // The frame that printed holds the PDF just made, and the link still offers the same file.
    const link = page.getByTestId('pdf-link');
    expect(await link.getAttribute('href')).toBe(url);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^tanda-terima-ADU-2026-\d{6}-A4\.pdf$/);
    expect(fs.readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');

    // The recaps print the same way.
    await page.goto(`${base()}#/rekap`);
    const printedSoFar = await page.evaluate(() => (window as Window & { __printed?: string[] }).__printed?.length ?? 0);
    await page.getByRole('button', { name: 'Cetak PDF' }).click();
    await page.waitForFunction((n) => ((window as Window & { __printed?: string[] }).__printed ?? []).length > n, printedSoFar);
    const recap = await page.evaluate(() => (window as Window & { __printed?: string[] }).__printed!.at(-1));
    expect(await page.getByTestId('recap-file').getAttribute('href')).toBe(recap);
  });

  it('keeps what the clerk typed before the settings arrived, and the prefilled time follows the office zone', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    await page.addInitScript(recordPrintCalls);
    await withSession(page, app.session!);
    let release = () => {};
    const answered = new Promise<void>((r) => (release = r));
    for (const method of ['settings.get', 'drafts.list']) {
      await page.route(`**/api/${method}`, async (route) => {
        await answered;
        await route.continue();
      });
    }
    await page.goto(`${app.host.url}#/formulir/a`);
    await page.waitForFunction(() => document.activeElement?.id === 'f-reporterName');
    await page.keyboard.type('Hasanuddin Latif');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Koperasi Nelayan');
    release();
    // The settings are in once the hint shows this office's attachment limit.
    await page.getByText('paling besar 7 MB per berkas').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByLabel('Nama lengkap').inputValue()).toBe('Hasanuddin Latif');
    expect(await page.getByLabel('Institusi').inputValue()).toBe('Koperasi Nelayan');
    expect(await focusedLabel(page)).toBe('Institusi');
    // Untouched, the prefilled time is the office's (WIT), not the browser's zone.
    const wit = [toLocal(new Date(Date.now() - 60_000), 'WIT').time, toLocal(new Date(), 'WIT').time].map((t) => t.replace(':', '.'));
    expect(wit).toContain(await page.getByLabel('Pukul/Jam').inputValue());
    await page.close();
  });

  it('shows no browser widget in English: the attachment picker is in Indonesian and no form uses the browser bubbles', async () => {
    const { page } = app;
    await openForm(page, 'a');
    const input = page.getByLabel('Lampiran', { exact: true });
    // The native input ("Choose Files", "No file chosen") is kept for the keyboard but not drawn.
    const box = (await input.boundingBox())!;
    expect(box.width * box.height).toBeLessThanOrEqual(1);
    expect(await input.evaluate((el: HTMLInputElement) => [...el.labels!].map((l) => l.textContent))).toEqual(['Lampiran', 'Pilih berkas…']);
    expect(await page.getByText('Pilih berkas…').isVisible()).toBe(true);
    expect(await page.getByText('Belum ada berkas dipilih').isVisible()).toBe(true);
    await input.focus();
    expect(await page.getByText('Pilih berkas…').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');

    for (const route of screens(detailId)) {
      await openScreen(page, base(), route);
      expect(await page.locator('form:not([novalidate])').evaluateAll((forms) => forms.map((f) => f.getAttribute('aria-label') ?? f.className)), route).toEqual([]);
      const nativeFile = await page.locator('input[type=file]').evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().width > 1).length);
      expect(nativeFile, route).toBe(0);
    }
  });

  it('asks in the page, not in the browser’s own (English) dialog, before moving to another upstream address', async () => {
    const { page, core } = app;
    const first = 'https://hub.contoh.go.id/pengaduan';
    await core.dispatch('sync.settings.save', { url: first, officeId: '', token: null });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await openScreen(page, base(), '/pengaturan');
    await page.getByLabel('Alamat upstream').fill('https://lapor.contoh.go.id/pengaduan');
    await page.getByRole('button', { name: 'Simpan sinkronisasi' }).click();
    const ask = page.getByRole('alert').filter({ hasText: 'semua pengaduan akan dikirim ulang ke alamat baru' });
    await ask.waitFor();
    expect(await core.dispatch('sync.settings.get', {})).toMatchObject({ value: { url: first } });
    await ask.getByRole('button', { name: 'Ya, pakai alamat baru' }).click();
    await page.getByRole('status').filter({ hasText: 'Pengaturan sinkronisasi tersimpan.' }).waitFor();
    expect(await core.dispatch('sync.settings.get', {})).toMatchObject({ value: { url: 'https://lapor.contoh.go.id/pengaduan' } });
    expect(dialogs).toEqual([]);
  });

  it('names every labelled widget with the text it shows (axe label-content-name-mismatch), the sync badge included', async () => {
    const { page } = app;
    for (const route of screens(detailId)) {
      await openScreen(page, base(), route);
      expect(await labelContentMismatches(page), route).toEqual([]);
    }
    // The badge says what it is to a screen reader, then exactly what it shows.
    const shown = await page.getByTestId('sync-badge').evaluate((el) =>
      [...el.children].filter((c) => !c.classList.contains('visually-hidden')).map((c) => (c as HTMLElement).innerText).join(' ').replace(/\s+/g, ' ').trim(),
    );
    expect(shown).toMatch(/^(Sinkronisasi belum diatur|Daring|Luring|Token ditolak|Menghubungkan…) /);
    expect(await page.getByRole('link', { name: `Status sinkronisasi: ${shown}`, exact: true }).count()).toBe(1);
  });
});
