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

// pdf.js reads operator lists with ArrayBuffer.prototype.transferToFixedLength, which Node 20 lacks.
const arrayBufferProto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (n?: number) => ArrayBuffer };
arrayBufferProto.transferToFixedLength ??= function (this: ArrayBuffer, n?: number) {
  return this.slice(0, n ?? this.byteLength);
};

export interface PdfGlyph {
  /** The character the glyph stands for (from the font's ToUnicode map). */
  unicode: string;
  /** The glyph's code in its font: 0 is .notdef, the empty box a missing character prints as. */
  code: number;
}

/** Every glyph drawn on every page, and the names of the fonts embedded. */
export async function readPdfGlyphs(bytes: Buffer): Promise<{ glyphs: PdfGlyph[]; fonts: string[] }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const glyphs: PdfGlyph[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const ops = await (await pdf.getPage(p)).getOperatorList();
    for (const args of ops.argsArray as unknown[][]) {
      const first = args?.[0];
      if (!Array.isArray(first)) continue;
      for (const g of first as unknown[]) {
        if (g && typeof g === 'object' && 'fontChar' in g) {
          const glyph = g as unknown as { unicode: string; originalCharCode: number };
          glyphs.push({ unicode: glyph.unicode, code: glyph.originalCharCode });
        }
      }
    }
  }
  const fonts = [...new Set([...bytes.toString('latin1').matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]]+)/g)].map((m) => m[1]!))];
  return { glyphs, fonts };
}
