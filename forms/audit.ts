// The audit log (UU 27/2022 Pasal 31: the controller records its processing of personal data):
// what kinds of rows it holds, what the *Log audit* screen filters by and shows, and the canonical
// JSON each row's hash is taken over (db/audit.ts). A row never holds a password or a reporter's
// identity: it names the account, the method, the object (a registration number, an account's
// username, "pengaturan") and the outcome, and for account and settings changes the values before
// and after.
import { z } from 'zod';
import { dateField } from './fields';

export const AUDIT_ACTIONS = ['masuk', 'gagal_masuk', 'keluar', 'kunci', 'buka_kunci', 'ubah', 'lihat', 'cetak', 'ekspor', 'ditolak'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  masuk: 'Masuk',
  gagal_masuk: 'Gagal masuk',
  keluar: 'Keluar',
  kunci: 'Layar dikunci',
  buka_kunci: 'Kunci dibuka',
  ubah: 'Perubahan data',
  lihat: 'Melihat identitas pelapor terlindungi',
  cetak: 'Mencetak identitas pelapor terlindungi',
  ekspor: 'Ekspor/cetak rekap berisi pengaduan terlindungi',
  ditolak: 'Ditolak (tidak berhak)',
};

/** The outcome of a row: done, or the API's error code for a refused or failed attempt. */
export const AUDIT_OK = 'ok';

/** Who a row names when no account did it: the command line (`npm run users`), the app itself. */
export const AUDIT_SYSTEM = { cli: 'Baris perintah (npm run users)', app: 'Aplikasi' } as const;

export const auditQuery = z.object({
  accountId: z.uuid({ error: 'Akun tidak dikenal.' }).nullish(),
  from: z.union([z.literal(''), dateField('Dari tanggal')]).nullish().transform((v) => v || null),
  to: z.union([z.literal(''), dateField('Sampai tanggal')]).nullish().transform((v) => v || null),
  action: z.union([z.literal(''), z.enum(AUDIT_ACTIONS, { error: 'Jenis kegiatan tidak dikenal.' })]).nullish().transform((v) => v || null),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).max(10_000_000).default(0),
});
export type AuditQuery = z.output<typeof auditQuery>;

export const auditRow = z.object({
  seq: z.number().int(),
  at: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  method: z.string().nullable(),
  object: z.string().nullable(),
  outcome: z.string(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string(),
});
export type AuditRow = z.infer<typeof auditRow>;

export const auditList = z.object({
  items: z.array(auditRow),
  total: z.number().int(),
  /** Everyone who appears in the log, for the person filter. */
  people: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const auditVerification = z.object({
  rows: z.number().int(),
  /** The first row whose hash does not verify (its content or its place in the chain changed), or null: *utuh*. */
  brokenAt: z.number().int().nullable(),
});
export type AuditVerification = z.infer<typeof auditVerification>;

/** The CLI's and the screen's one sentence about the chain. */
export function verificationText(v: AuditVerification): string {
  return v.brokenAt === null ? `Log audit: ${v.rows} baris, utuh.` : `Log audit: ${v.rows} baris; baris ${v.brokenAt} tidak cocok (isi atau urutannya diubah di luar aplikasi).`;
}

/**
 * JSON with object keys in sorted order at every level and no undefined values, so the same
 * content always gives the same text (and hash), whatever order it was built in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The values that changed between two records, as {before, after} holding only those keys. */
export function changedValues<T extends Record<string, unknown>>(before: T | null, after: T | null): { before: Partial<T> | null; after: Partial<T> | null } {
  if (!before || !after) return { before, after };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => canonicalJson(before[k]) !== canonicalJson(after[k]));
  const pick = (o: T) => Object.fromEntries(keys.map((k) => [k, o[k]])) as Partial<T>;
  return { before: pick(before), after: pick(after) };
}

const valueText = (v: unknown): string => (v === null || v === undefined ? '—' : Array.isArray(v) ? v.map(valueText).join(', ') || '—' : typeof v === 'object' ? canonicalJson(v) : String(v));

/** A row's detail in one line for the screen and the export: "name: A → B; roles: petugas → petugas, ketua". */
export function detailText(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  const { before, after, ...rest } = detail as { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };
  const parts: string[] = [];
  if (before !== undefined || after !== undefined) {
    const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
    for (const k of keys) parts.push(before ? `${k}: ${valueText(before[k])} → ${valueText(after?.[k])}` : `${k}: ${valueText(after?.[k])}`);
  }
  for (const [k, v] of Object.entries(rest)) parts.push(`${k}: ${valueText(v)}`);
  return parts.join('; ');
}
