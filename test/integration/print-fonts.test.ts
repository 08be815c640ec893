// What people type prints: emoji, Arabic and Chinese in a reporter's name come out as glyphs of
// the bundled fonts, never as .notdef boxes, on a machine with only Latin system fonts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekOf } from '../../forms/periods';
import { DEFAULT_SETTINGS } from '../../forms/settings';
import { ChromiumPrinter } from '../../server/chromium-printer';
import type { Core } from '../../server/core';
import { charactersNeedingFonts, facesFor, loadFaces, parseUnicodeRange, PrintFonts } from '../../server/print-fonts';
import { REPO_ROOT } from '../../server/paths';
import { chromiumPath, formA, makeCore } from '../helpers';
import { readPdf, readPdfGlyphs } from '../pdf-text';

const NAME = 'Budi 😀 Santoso محمد 张伟';
const PROBLEM = 'Antrean 🙏 lama, mohon 👍 dibenahi';

describe('bundled print fonts', () => {
  const faces = loadFaces(REPO_ROOT);
  const families = (html: string) => [...new Set(facesFor(faces, html).map((f) => f.family))];

  it('reads unicode ranges', () => {
    expect(parseUnicodeRange('U+23,U+30-39, U+1f1e6-1f1ff,U+4??')).toEqual([[0x23, 0x23], [0x30, 0x39], [0x1f1e6, 0x1f1ff], [0x400, 0x4ff]]);
    expect([...charactersNeedingFonts('<p>Café – “ok” … 😀</p>')]).toEqual([0x1f600]);
  });

  it('picks only the faces the page needs', () => {
    expect(faces.length).toBeGreaterThan(50);
    expect(families('<p>Siti Rahmawati — café, “Jl. Poros” …</p>')).toEqual([]);
    expect(families('<p>😀</p>')).toEqual(['Noto Emoji']);
    expect(families('<p>محمد</p>')).toEqual(['Noto Naskh Arabic']);
    expect(families('<p>张伟</p>')).toEqual(['Noto Serif SC']);
    expect(facesFor(faces, '<p>محمد</p>').map((f) => f.weight)).toEqual([400, 700]);
  });

  it('leaves a Latin page as it is and adds a few slices for the rest', () => {
    const fonts = new PrintFonts(REPO_ROOT);
    const latin = '<!doctype html><html><head><style></style></head><body>Siti Rahmawati – 25 November 2026</body></html>';
    expect(fonts.embed(latin)).toBe(latin);
    const mixed = fonts.embed(latin.replace('Siti Rahmawati', NAME));
    expect(mixed).toMatch(/@font-face\{font-family:'Noto Emoji'/);
    expect(mixed.length).toBeLessThan(latin.length + 400_000);
  });
});

describe.skipIf(!chromiumPath())('printouts with emoji, Arabic and Chinese', () => {
  let c: Core;
  let id = '';
  beforeAll(async () => {
    c = makeCore(undefined, { printer: new ChromiumPrinter(), now: () => new Date('2026-11-24T03:00:00Z') });
    await c.dispatch('settings.save', { ...DEFAULT_SETTINGS, officeName: 'Kantor 😀 Pelayanan' });
    const r = await c.dispatch('complaints.create', formA({ reporterName: NAME, receivedDate: '2026-11-23', problem: PROBLEM }));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    id = (r.value as { id: string }).id;
  });
  afterAll(async () => c?.close());

  const printed = async (method: string, input: unknown) => {
    const r = await c.dispatch(method, input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return Buffer.from((r.value as { dataBase64: string }).dataBase64, 'base64');
  };

  // The receipt names the reporter; the form and the weekly recap also carry the problem.
  it.each([
    ['the receipt', 'print.pdf', () => ({ kind: 'receipt', id }), ['😀', '张', '伟']],
    ['Formulir A', 'print.pdf', () => ({ kind: 'form', id }), ['😀', '张', '伟', '🙏', '👍']],
    ['the weekly recap', 'recap.pdf', () => ({ kind: 'mingguan', period: weekOf('2026-11-23') }), ['😀', '张', '伟', '🙏', '👍']],
  ] as const)('prints %s without a .notdef box, in a PDF of reasonable size', async (_what, method, input, chars) => {
    const pdf = await printed(method, input());
    const { glyphs, fonts } = await readPdfGlyphs(pdf);
    expect(glyphs.filter((g) => g.code === 0)).toEqual([]);
    const drawn = glyphs.map((g) => g.unicode).join('');
    for (const ch of chars) expect(drawn).toContain(ch);
    // Arabic is drawn in its joined presentation forms: every letter is there, shaped.
    expect(glyphs.filter((g) => /[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]/.test(g.unicode))).toHaveLength(4);
    expect(fonts).toEqual(expect.arrayContaining(['NotoEmoji-Regular', 'NotoNaskhArabic-Regular']));
    expect(fonts.some((f) => f.startsWith('NotoSerifSC'))).toBe(true);
    expect((await readPdf(pdf)).text).toContain('Budi');
    expect(pdf.length).toBeLessThan(300_000);
  });
});
