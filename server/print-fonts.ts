// Fonts for what people type beyond the Latin script: emoji, Arabic and Chinese print with fonts
// that ship with the app (npm @fontsource packages, OFL), so the same printout comes out of
// Electron's printToPDF on an office PC and of headless Chromium, whatever fonts the machine has.
// Times New Roman (Liberation Serif, its metric twin, on Linux) stays the face of the Latin text:
// the bundled faces come first in the font stack, but their unicode-range leaves out what a serif
// text face has (Latin, general punctuation), so Latin text falls through to it. (Placed after a
// system font, Chromium does not reach a web font for Han characters and prints boxes.) Only the
// slices that the page's characters need are inlined, as data URLs, so a Latin-only printout
// carries none, and the PDF embeds only the glyphs it uses.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { log } from './log';
import type { Printer } from './printer';

interface BundledFamily {
  /** npm package under @fontsource. */
  pkg: string;
  family: string;
  /** Keys of the package's unicode.json to offer (not its Latin slices: the text face has those). */
  subsets: (key: string) => boolean;
  /** Bold is synthesized where only 400 ships. */
  weights: number[];
}

/** Order matters: emoji before Han, whose slices also name some emoji code points. */
export const BUNDLED_FAMILIES: BundledFamily[] = [
  { pkg: 'noto-naskh-arabic', family: 'Noto Naskh Arabic', subsets: (k) => k === 'arabic', weights: [400, 700] },
  { pkg: 'noto-emoji', family: 'Noto Emoji', subsets: (k) => /^\[\d+\]$/.test(k), weights: [400] },
  { pkg: 'noto-serif-sc', family: 'Noto Serif SC', subsets: (k) => /^\[\d+\]$/.test(k), weights: [400] },
];

/** The print font stack: the bundled faces (for what lies outside TEXT_FACE_RANGES), then the office's usual serif. */
export const PRINT_FONT_STACK = `${BUNDLED_FAMILIES.map((f) => `'${f.family}'`).join(', ')}, 'Times New Roman', 'Liberation Serif', serif`;

export type Range = [number, number];

/** What every serif text face draws: ASCII, Latin-1, Latin Extended, IPA, spacing modifiers, general punctuation (… – “ ”). */
const TEXT_FACE_RANGES: Range[] = [
  [0, 0x2ff],
  [0x2000, 0x206f],
];
const inTextFace = (cp: number) => TEXT_FACE_RANGES.some(([a, b]) => cp >= a && cp <= b);

/** `ranges` less the text face's ranges. */
export function withoutTextFace(ranges: Range[]): Range[] {
  let out = ranges;
  for (const [a, b] of TEXT_FACE_RANGES) {
    out = out.flatMap(([x, y]): Range[] => (y < a || x > b ? [[x, y]] : ([x < a ? [x, a - 1] : null, y > b ? [b + 1, y] : null].filter(Boolean) as Range[])));
  }
  return out;
}

const cssRange = (ranges: Range[]) => ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',');

/** "U+23,U+30-39,U+1f1e6-1f1ff,U+4??" → [[0x23, 0x23], [0x30, 0x39], …]. */
export function parseUnicodeRange(css: string): Range[] {
  return css
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part): Range => {
      if (part.includes('?')) return [parseInt(part.replace(/\?/g, '0'), 16), parseInt(part.replace(/\?/g, 'f'), 16)];
      const [a, b] = part.split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
    });
}

/** Code points that may need a bundled face: those outside what every serif text face has. */
export function charactersNeedingFonts(html: string): Set<number> {
  const out = new Set<number>();
  for (const ch of html) {
    const cp = ch.codePointAt(0)!;
    if (!inTextFace(cp)) out.add(cp);
  }
  return out;
}

export interface Face {
  family: string;
  weight: number;
  unicodeRange: string;
  ranges: Range[];
  file: string;
}

const covers = (ranges: Range[], cps: Set<number>) => [...cps].some((cp) => ranges.some(([a, b]) => cp >= a && cp <= b));

/** The faces a page needs, in stack order. */
export function facesFor(faces: Face[], html: string): Face[] {
  const cps = charactersNeedingFonts(html);
  return cps.size ? faces.filter((f) => covers(f.ranges, cps)) : [];
}

/** The bundled faces found from `resolveFrom` (Node module resolution, so hoisting works). */
export function loadFaces(resolveFrom: string): Face[] {
  const require = createRequire(path.join(resolveFrom, 'package.json'));
  const faces: Face[] = [];
  for (const f of BUNDLED_FAMILIES) {
    let dir: string;
    try {
      dir = path.dirname(require.resolve(`@fontsource/${f.pkg}/package.json`));
    } catch {
      log.warn(`print font @fontsource/${f.pkg} not found; characters it covers print with system fonts`);
      continue;
    }
    const subsets = JSON.parse(fs.readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    for (const [key, range] of Object.entries(subsets)) {
      if (!f.subsets(key)) continue;
      const ranges = withoutTextFace(parseUnicodeRange(range));
      if (!ranges.length) continue;
      for (const weight of f.weights) {
        faces.push({ family: f.family, weight, unicodeRange: cssRange(ranges), ranges, file: path.join(dir, 'files', `${f.pkg}-${key.replace(/[[\]]/g, '')}-${weight}-normal.woff2`) });
      }
    }
  }
  return faces;
}

/** Adds the @font-face rules a page needs to its <head>. Files are read once and kept. */
export class PrintFonts {
  private faces: Face[] | null = null;
  private readonly data = new Map<string, string>();

  constructor(private readonly resolveFrom: string | null) {}

  private all(): Face[] {
    this.faces ??= this.resolveFrom ? loadFaces(this.resolveFrom) : [];
    return this.faces;
  }

  private dataUrl(file: string): string | null {
    let url = this.data.get(file);
    if (url === undefined) {
      try {
        url = `data:font/woff2;base64,${fs.readFileSync(file).toString('base64')}`;
      } catch {
        log.warn(`print font file missing: ${path.basename(file)}`);
        url = '';
      }
      this.data.set(file, url);
    }
    return url || null;
  }

  /** The page with its fonts. */
  embed(html: string): string {
    const rules = facesFor(this.all(), html)
      .map((f) => {
        const url = this.dataUrl(f.file);
        return url ? `@font-face{font-family:'${f.family}';font-style:normal;font-weight:${f.weight};font-display:block;src:url(${url}) format('woff2');unicode-range:${f.unicodeRange}}` : '';
      })
      .join('\n');
    return rules ? html.replace('</head>', `<style>${rules}</style></head>`) : html;
  }
}

/** A printer whose pages carry the fonts they need. */
export function withPrintFonts(printer: Printer, fonts: PrintFonts): Printer {
  const dialog = printer.dialog?.bind(printer);
  return {
    pdf: (html, paper, landscape) => printer.pdf(fonts.embed(html), paper, landscape),
    ...(dialog ? { dialog: (html: string, paper: Parameters<typeof dialog>[1]) => dialog(fonts.embed(html), paper) } : {}),
    close: async () => printer.close?.(),
  };
}
