import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../server/browser-host';
import { ChromiumPrinter } from '../../server/chromium-printer';
import type { Core, CoreOptions } from '../../server/core';
import { RENDERER_DIST, REPO_ROOT } from '../../server/paths';
import { CHROMIUM_ARGS, chromiumPath, makeBareCore, makeCore, TEST_ACCOUNT, TEST_PASSWORD } from '../helpers';

export const chromiumExecutable = chromiumPath();

export interface E2E {
  /** Its `dispatch` calls as TEST_ACCOUNT (makeCore), but with `bare`. */
  core: Core;
  /** TEST_ACCOUNT's session in the core (null with `bare`): `withSession(page, app.session)` signs another page in. */
  session: string | null;
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
  const recorder = (w: Window) => () => {
    const top = window.top as Window & { __printed?: string[] };
    top.__printed = [...(top.__printed ?? []), w.location.href];
  };
  window.print = recorder(window);
  // A PDF frame may load before this script has run in it (a race a loaded machine loses), and
  // its real print() takes the page down: the frame's window is also stubbed as the page reaches it.
  const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    configurable: true,
    get(this: HTMLIFrameElement) {
      const w = contentWindow.get!.call(this) as Window | null;
      try {
        if (w) w.print = recorder(w);
      } catch {
        // another origin: not ours to print
      }
      return w;
    },
  });
}

/** The key the renderer keeps a tab's session under (renderer/src/app/api.ts SESSION_KEY). */
const SESSION_KEY = 'loket-session';

/** Starts every page of a tab (or of every tab of a context) signed in with `session` (a session the core opened), unless the tab has its own. */
export async function withSession(target: Page | BrowserContext, session: string): Promise<void> {
  await target.addInitScript(
    ([key, token]) => {
      if (!sessionStorage.getItem(key!)) sessionStorage.setItem(key!, token!);
    },
    [SESSION_KEY, session],
  );
}

/** Signs in through the *Masuk* screen the page shows (TEST_ACCOUNT unless named). */
export async function signInUi(page: Page, username = TEST_ACCOUNT.username, password = TEST_PASSWORD): Promise<void> {
  await page.getByRole('heading', { name: 'Masuk' }).waitFor();
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Masuk' }).waitFor({ state: 'detached' });
}

/**
 * A fresh data folder, the browser host on it, and a Chromium page opened at the token address,
 * signed in as TEST_ACCOUNT (every role) unless `signedIn: false` (the page then shows the
 * account's *Masuk*, or *Buat akun admin* with `bare`: no account at all).
 */
export async function openApp(opts: { setup?: (core: Core) => Promise<void>; now?: () => Date; core?: Partial<CoreOptions>; signedIn?: boolean; bare?: boolean } = {}): Promise<E2E> {
  const coreOpts = { printer: new ChromiumPrinter(), ...(opts.now ? { now: opts.now } : {}), ...opts.core };
  const core = opts.bare ? makeBareCore(undefined, coreOpts) : makeCore(undefined, coreOpts);
  await opts.setup?.(core);
  const host = await startBrowserHost({ core, staticDir: RENDERER_DIST });
  const browser = await chromium.launch({ executablePath: chromiumExecutable!, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  page.setDefaultTimeout(10_000);
  await page.addInitScript(recordPrintCalls);
  const session = 'session' in core ? (core.session as string) : null;
  if (opts.signedIn !== false && session) await withSession(page, session);
  await page.goto(host.url);
  return {
    core,
    session,
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
