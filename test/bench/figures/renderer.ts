// The renderer in Chromium over the browser host on the seeded data folder: from a click on
// "Formulir A" in the menu (the list of all complaints open) until the form's first field holds a
// typed character; and the same from a fresh page load at #/formulir/a (the bundle parsed again).
import fs from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { startBrowserHost } from '../../../server/browser-host';
import { RENDERER_DIST } from '../../../server/paths';
import { withSession } from '../../e2e/browser';
import { CHROMIUM_ARGS, chromiumPath } from '../../helpers';
import type { BenchContext } from '../context';
import { stats, target, type Figure } from '../harness';

const RUNS = 15;

/** Types into the first field of the form as soon as it exists and checks the character arrived. */
async function typedInFirstField(page: Page): Promise<void> {
  const field = page.locator('#f-reporterName');
  await field.waitFor({ state: 'visible' });
  await field.pressSequentially('x');
  await page.waitForFunction(() => (document.getElementById('f-reporterName') as HTMLInputElement | null)?.value.includes('x'), undefined, { polling: 'raf' });
}

export async function rendererFigures({ core, log }: BenchContext): Promise<Figure[]> {
  const executablePath = chromiumPath();
  if (!executablePath || !fs.existsSync(`${RENDERER_DIST}/index.html`)) {
    log('renderer: no Chromium or no renderer build (npm run build:renderer); skipped');
    return [];
  }
  const host = await startBrowserHost({ core, staticDir: RENDERER_DIST });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const base = host.url.split('?')[0]!;
  const fromMenu: number[] = [];
  const fromLoad: number[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    // Signed in already, as a clerk is when the form is opened.
    await withSession(context, core.session);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(host.url);
    for (let i = 0; i < RUNS + 2; i++) {
      // From the list of all complaints, its first page and the menu's counts loaded.
      await page.goto(`${base}#/daftar`);
      await page.getByTestId('list-total').filter({ hasNotText: 'Memuat' }).waitFor();
      await page.getByTestId('badge-terlambat').waitFor();
      let t = performance.now();
      await page.getByRole('link', { name: 'Formulir A', exact: true }).click();
      await typedInFirstField(page);
      if (i >= 2) fromMenu.push(performance.now() - t);

      await page.goto('about:blank');
      t = performance.now();
      await page.goto(`${base}#/formulir/a`);
      await typedInFirstField(page);
      if (i >= 2) fromLoad.push(performance.now() - t);
      // Leave no draft behind for the next round to offer.
      core.database.sqlite.exec('DELETE FROM drafts');
    }
  } finally {
    await browser.close();
    await host.close();
  }
  return [
    { name: 'renderer ready: menu → Formulir A → first field takes typed input', unit: 'ms', measured: stats(fromMenu), targets: [target.median(1000)] },
    { name: 'renderer ready: page load at Formulir A → first field takes typed input', unit: 'ms', measured: stats(fromLoad), targets: [target.median(1000)] },
  ];
}
