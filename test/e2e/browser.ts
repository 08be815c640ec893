import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../server/browser-host';
import { ChromiumPrinter } from '../../server/chromium-printer';
import type { Core, CoreOptions } from '../../server/core';
import { RENDERER_DIST, REPO_ROOT } from '../../server/paths';
import { CHROMIUM_ARGS, chromiumPath, makeCore } from '../helpers';

export const chromiumExecutable = chromiumPath();

export interface E2E {
  core: Core;
  host: BrowserHost;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * Headless Chromium has no print dialog (print() on a PDF frame takes the page down), so in every
 * frame print() only records where it was called, in the top window's __printed, for tests to read.
 */
export function recordPrintCalls() {
  window.print = () => {
    const top = window.top as Window & { __printed?: string[] };
    top.__printed = [...(top.__printed ?? []), window.location.href];
  };
}

/** A fresh data folder, the browser host on it, and a Chromium page opened at the token address. */
export async function openApp(opts: { setup?: (core: Core) => Promise<void>; now?: () => Date; core?: Partial<CoreOptions> } = {}): Promise<E2E> {
  const core = makeCore(undefined, { printer: new ChromiumPrinter(), ...(opts.now ? { now: opts.now } : {}), ...opts.core });
  await opts.setup?.(core);
  const host = await startBrowserHost({ core, staticDir: RENDERER_DIST });
  const browser = await chromium.launch({ executablePath: chromiumExecutable!, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  page.setDefaultTimeout(10_000);
  await page.addInitScript(recordPrintCalls);
  await page.goto(host.url);
  return {
    core,
    host,
    browser,
    page,
    async close() {
      await browser.close();
      await host.close();
      await core.close();
    },
  };
}

/** Where end-to-end tests leave screenshots for people to look at (git-ignored, kept by CI runs). */
export const SCREENSHOTS_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
