import { extractText, getDocumentProxy } from 'unpdf';

/** The text of a PDF (whitespace collapsed) and its first page's size in millimetres. */
export async function readPdf(bytes: Buffer): Promise<{ text: string; pages: number; widthMm: number; heightMm: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  const [x0, y0, x1, y1] = (await pdf.getPage(1)).view as [number, number, number, number];
  const mm = (pt: number) => Math.round((pt / 72) * 25.4);
  return { text: text.replace(/\s+/g, ' '), pages: totalPages, widthMm: mm(x1 - x0), heightMm: mm(y1 - y0) };
}

/** Each page's text (whitespace collapsed), to see what lands on which sheet. */
export async function readPdfPages(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((t) => t.replace(/\s+/g, ' ').trim());
}
