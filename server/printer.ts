import type { PaperSize } from '../forms/print';

/**
 * Turns a self-contained HTML page into PDF bytes. Each host brings its own: Electron's
 * webContents.printToPDF on the desktop, headless Chromium in browser mode.
 */
export interface Printer {
  pdf(html: string, paper: PaperSize, landscape?: boolean): Promise<Buffer>;
  /** The operating system's print dialog (desktop only). */
  dialog?(html: string, paper: PaperSize): Promise<boolean>;
  close?(): Promise<void>;
}

/** Counts page objects; good enough to tell the officer how many sheets will come out. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
