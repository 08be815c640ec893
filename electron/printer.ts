// The desktop's PDF engine and print dialog: a hidden, sandboxed window with scripts off loads the
// printable HTML; Chromium inside Electron does the rest.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { PAPER_MM, type PaperSize } from '../forms/print';
import type { Printer } from '../server/printer';

// The page goes through a temporary file, not a data: URL: a long recap with its fonts inlined
// passes Chromium's 2 MB limit on URLs.
async function withPage<T>(html: string, fn: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const file = path.join(os.tmpdir(), `loket-aduan-cetak-${crypto.randomUUID()}.html`);
  fs.writeFileSync(file, html, { mode: 0o600 });
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  try {
    await win.loadFile(file);
    return await fn(win);
  } finally {
    win.destroy();
    fs.rmSync(file, { force: true });
  }
}

const inches = (paper: PaperSize) => ({ width: PAPER_MM[paper].width / 25.4, height: PAPER_MM[paper].height / 25.4 });

export const electronPrinter: Printer = {
  pdf: (html, paper, landscape = false) =>
    withPage(html, (win) => win.webContents.printToPDF({ pageSize: inches(paper), landscape, printBackground: true, preferCSSPageSize: false })),
  dialog: (html, paper) =>
    withPage(
      html,
      (win) =>
        new Promise<boolean>((resolve) => {
          const { width, height } = PAPER_MM[paper];
          win.webContents.print({ silent: false, printBackground: true, pageSize: { width: width * 1000, height: height * 1000 } }, (ok) => resolve(ok));
        }),
    ),
};
