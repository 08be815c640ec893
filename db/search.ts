// Turns what an officer types into an FTS5 query: every word must appear, as a prefix, so
// "izin usa" finds "izin usaha". Quotes are doubled so no input can break the query syntax.
export function ftsQuery(input: string): string | null {
  const words = input
    .normalize('NFKC')
    // Control characters separate words too: FTS5 reads a NUL as the end of the query.
    .split(/[\s\p{Cc},.;:!?()[\]{}"'`*^+\-/\\]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

/** "ADU/2026/0001" and the like: a registration number (prefix) rather than words. */
export function looksLikeRegistrationNo(input: string): boolean {
  return /\d/.test(input) && /[/-]/.test(input) && !/\s/.test(input.trim());
}
