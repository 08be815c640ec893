// Turns what an officer types into an FTS5 query over complaints_fts (db/migrations 0003, 0011).
// Quotes are doubled so no input can break the query syntax.

const TEXT_COLUMNS = '{problem content reporter}';

function wordsOf(input: string): string[] {
  return input
    .normalize('NFKC')
    // Control characters separate words too: FTS5 reads a NUL as the end of the query.
    .split(/[\s\p{Cc},.;:!?()[\]{}"'`*^+\-/\\]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}
const quoted = (w: string) => `"${w.replace(/"/g, '""')}"`;

/**
 * Words in the problem, description and reporter: every word must appear, as a prefix, so
 * "izin usa" finds "izin usaha".
 */
export function ftsQuery(input: string): string | null {
  const words = wordsOf(input);
  if (words.length === 0) return null;
  return `${TEXT_COLUMNS} : (${words.map((w) => `${quoted(w)}*`).join(' ')})`;
}

/**
 * A registration number, its beginning or its tail: the typed parts in a row, the last as a
 * prefix, anywhere in the indexed number. "ADU/2026/0005", "2026/000501", "000501" and "501" (the
 * counter without its leading zeros, also indexed) all find ADU/2026/000501.
 */
export function registrationQuery(input: string): string | null {
  const words = wordsOf(input);
  if (words.length === 0) return null;
  return `registration : ${quoted(words.join(' '))}*`;
}

/** Something with a digit and no spaces may be a registration number (or its tail) rather than words. */
export function looksLikeRegistrationNo(input: string): boolean {
  return /\d/.test(input) && !/\s/.test(input.trim());
}

/** The MATCH for the list's search box: words, or a registration number, or words that look like one. */
export function searchQuery(input: string): string | null {
  const text = ftsQuery(input);
  const number = looksLikeRegistrationNo(input) ? registrationQuery(input) : null;
  return text && number ? `(${text}) OR (${number})` : text;
}
