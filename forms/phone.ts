// People write Indonesian numbers as 0812-3456-7890, +62 812 3456 7890, 62812..., (021) 555-1234.
// Stored as E.164 (+62...) because the upstream contract asks for it.

export function normalizePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    if (!digits.startsWith('62')) return null; // foreign numbers are out of scope for these offices
  } else if (digits.startsWith('62')) {
    // already national with country code
  } else if (digits.startsWith('0')) {
    digits = '62' + digits.slice(1);
  } else {
    return null;
  }
  const national = digits.slice(2);
  // Mobile numbers are 9-12 digits after the leading 8; landlines 7-10 digits after the area code.
  if (national.length < 8 || national.length > 12 || national.startsWith('0')) return null;
  return '+' + digits;
}

/** +6281234567890 → 0812-3456-7890, the way the office writes it back. */
export function formatPhone(e164: string): string {
  if (!e164.startsWith('+62')) return e164;
  const local = '0' + e164.slice(3);
  if (local.startsWith('08')) return local.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
  return local;
}
