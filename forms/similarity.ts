// Text likeness for the duplicate hint: Jaccard similarity of character trigrams over normalised
// text. Cheap, language-agnostic, and robust to the small edits of a slip keyed twice.

export function normalizeText(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function trigrams(s: string): Set<string> {
  const t = ` ${normalizeText(s)} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

export function similarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / (x.size + y.size - common);
}

/** At or above this, two texts are "closely matching" for the hint. */
export const DUPLICATE_THRESHOLD = 0.6;
export const DUPLICATE_WINDOW_DAYS = 30;
