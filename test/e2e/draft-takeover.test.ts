// A draft left behind by a tab that was closed or a browser that crashed is offered to continue at once (not only
// as "Buang draf" until its 30-second hold lapses), while a draft another live window is editing
// still cannot be continued or thrown away from a second window, a duplicated tab included.
import { execFileSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, tempDir } from '../helpers';
import { chromiumExecutable, openApp, withSession, type E2E } from './browser';
import { focusedLabel } from './keyboard';

describe.skipIf(!chromiumExecutable)('continuing the draft of a window that is gone', () => {
  let app: E2E;
  /** One browser profile: its tabs share localStorage and Web Locks, each has its own sessionStorage. */
  let context: BrowserContext;
  const sql = (q: string, ...args: unknown[]) => app.core.database.sqlite.prepare(q).pluck().get(...args);
  beforeAll(async () => {
    app = await openApp();
    context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  });
  afterAll(async () => app?.close());

  /** Opens Formulir C in a new tab of `context` (its own sessionStorage, so its own window id). */
  const newTab = async (context: BrowserContext) => {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await withSession(page, app.session!);
    await page.goto(`${app.host.url}#/formulir/c`);
    await page.waitForFunction(() => document.activeElement?.id === 'f-reporterName');
    return page;
  };
  /** Types a draft and waits until it is saved, held by this tab. */
  const typeDraft = async (page: Page, name: string) => {
    await page.keyboard.type(name);
    await page.getByLabel('Materi pengaduan').fill(`Bantuan bibit untuk kelompok tani ${name} belum disalurkan.`);
    await page.getByTestId('draft-saved').waitFor();
    await expect.poll(() => sql('SELECT holder FROM drafts WHERE data LIKE ?', `%${name}%`)).toBeTruthy();
  };
  const offer = (page: Page) => page.getByRole('region', { name: 'Draf belum selesai' });
  /** The offer of the one draft typed for `name` (earlier tests leave drafts of their own). */
  const offered = (page: Page, name: string) => offer(page).getByRole('listitem').filter({ hasText: name });
  const leaseLeft = (name: string) => Date.parse(String(sql('SELECT held_until FROM drafts WHERE data LIKE ?', `%${name}%`))) - Date.now();

  it('keeps a live tab’s draft from a second tab, then offers it to continue as soon as that tab is closed', async () => {
    const first = await newTab(context);
    await typeDraft(first, 'Maria Manurung');
    const second = await newTab(context);
    await offered(second, 'Maria Manurung').getByText('sedang dibuka di jendela lain').waitFor();
    expect(await offered(second, 'Maria Manurung').getByRole('button').count()).toBe(0);

    // A reload of the same tab keeps its window id, so its own draft is simply offered back.
    await first.reload();
    await offered(first, 'Maria Manurung').getByRole('button', { name: 'Lanjutkan draf' }).click();
    expect(await offer(first).getByText('jendela sebelumnya sudah tertutup').count()).toBe(0);
    await offered(first, 'Maria Manurung').waitFor({ state: 'detached' });

    // Closed by mistake (a crash of the whole browser is the next test): its hold stays on the host.
    await first.close();
    await second.reload();
    const next = second;
    const resume = offered(next, 'Maria Manurung').getByRole('button', { name: 'Lanjutkan draf' });
    await resume.waitFor();
    await offered(next, 'Maria Manurung').getByText('jendela sebelumnya sudah tertutup').waitFor();
    // Not because the hold lapsed: the closed tab's hold still had time to run.
    expect(leaseLeft('Maria Manurung')).toBeGreaterThan(5_000);
    await resume.click();
    await offered(next, 'Maria Manurung').waitFor({ state: 'detached' });
    expect(await next.getByLabel('Nama lengkap').inputValue()).toBe('Maria Manurung');
    expect(await focusedLabel(next)).toBe('Nama lengkap');
    await next.getByLabel('No telepon').fill('0852-1234-5678');
    await next.getByLabel('Sarana pengaduan').selectOption('whatsapp');
    await next.keyboard.press('Control+s');
    await next.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
    expect(sql("SELECT count(*) FROM complaints WHERE reporter_name = 'Maria Manurung'")).toBe(1);
    expect(sql("SELECT count(*) FROM drafts WHERE data LIKE '%Maria Manurung%'")).toBe(0);
    await next.close();
  });

  it('gives a duplicated tab (same sessionStorage) a window id of its own, so it cannot continue the original’s draft', async () => {
    const original = await newTab(context);
    await typeDraft(original, 'Rudi Hartono');
    const id = await original.evaluate(() => sessionStorage.getItem('loket-window-id'));
    const copy = await context.newPage();
    await copy.addInitScript((windowId) => sessionStorage.setItem('loket-window-id', windowId!), id);
    await withSession(copy, app.session!);
    await copy.goto(`${app.host.url}#/formulir/c`);
    await offered(copy, 'Rudi Hartono').getByText('sedang dibuka di jendela lain').waitFor();
    expect(await offered(copy, 'Rudi Hartono').getByRole('button', { name: 'Lanjutkan draf' }).count()).toBe(0);
    expect(await copy.evaluate(() => sessionStorage.getItem('loket-window-id'))).not.toBe(id);
    await Promise.all([original.close(), copy.close()]);
  });

  it('offers the draft of a browser that was killed to a new tab of the restarted browser, within the hold', async () => {
    const profile = tempDir('loket-profile-');
    const launch = () => chromium.launchPersistentContext(profile, { executablePath: chromiumExecutable!, args: CHROMIUM_ARGS, viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
    const before = await launch();
    const tab = await newTab(before);
    await typeDraft(tab, 'Yohana Tandi');
    // Chromium writes localStorage to disk a few seconds after a change; an office PC has been
    // open far longer than that when it crashes.
    await new Promise((r) => setTimeout(r, 6_000));
    const browserPid = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes(`--user-data-dir=${profile}`) && !l.includes('--type='))
      .map((l) => Number(l.trim().split(/\s+/)[0]))[0]!;
    process.kill(browserPid, 'SIGKILL');
    await before.close().catch(() => undefined);

    const after = await launch();
    try {
      const again = await newTab(after);
      await offered(again, 'Yohana Tandi').getByText('jendela sebelumnya sudah tertutup').waitFor();
      expect(leaseLeft('Yohana Tandi')).toBeGreaterThan(0);
      await offered(again, 'Yohana Tandi').getByRole('button', { name: 'Lanjutkan draf' }).click();
      await offered(again, 'Yohana Tandi').waitFor({ state: 'detached' });
      expect(await again.getByLabel('Nama lengkap').inputValue()).toBe('Yohana Tandi');
      expect(await again.getByLabel('Materi pengaduan').inputValue()).toContain('Yohana Tandi');
    } finally {
      await after.close();
    }
  }, 60_000);
});
