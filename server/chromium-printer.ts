// Browser mode's PDF engine: the Debian Chromium driven by playwright-core, started on first use
// and kept for later prints. The Electron host uses printToPDF instead (electron/printer.ts).
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { ApiError } from '../forms/api';
import { PAPER_MM, type PaperSize } from '../forms/print';
import type { Printer } from './printer';

export function chromiumExecutable(): string | null {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return fs.existsSync(p) ? p : null;
}

export class ChromiumPrinter implements Printer {
  private browser: Promise<Browser> | null = null;

  private launch(): Promise<Browser> {
    const executablePath = chromiumExecutable();
    if (!executablePath) {
      throw new ApiError({ code: 'UNAVAILABLE', message: 'Cetak PDF dalam mode browser memerlukan Chromium (apt-get install chromium atau atur CHROMIUM_PATH).' });
    }
    this.browser ??= import('playwright-core').then(({ chromium }) =>
      chromium.launch({
        executablePath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      }),
    );
    return this.browser;
  }

  async pdf(html: string, paper: PaperSize, landscape = false): Promise<Buffer> {
    const browser = await this.launch();
    // No network, no scripts: the page is our own HTML with inline styles only.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const { width, height } = PAPER_MM[paper];
      const [w, h] = landscape ? [height, width] : [width, height];
      return await page.pdf({ width: `${w}mm`, height: `${h}mm`, printBackground: true, preferCSSPageSize: false });
    } finally {
      await context.close();
    }
  }

  async close() {
    if (this.browser) await (await this.browser).close();
    this.browser = null;
  }
}
