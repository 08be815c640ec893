import { z } from 'zod';

export const ATTACHMENT_TYPES = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_ACCEPT = Object.keys(ATTACHMENT_TYPES).join(',');

export const attachmentRef = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Lampiran tidak dikenal.' }),
  filename: z.string().trim().min(1).max(200),
  contentType: z.enum(Object.keys(ATTACHMENT_TYPES) as [AttachmentType, ...AttachmentType[]], { error: 'Lampiran harus PDF, JPG atau PNG.' }),
  size: z.number().int().min(1),
});
export type AttachmentRef = z.infer<typeof attachmentRef>;

export const attachmentUpload = z.object({
  filename: z.string().trim().min(1, { error: 'Nama berkas kosong.' }).max(200, { error: 'Nama berkas terlalu panjang.' }),
  contentType: z.string(),
  dataBase64: z.string().min(1, { error: 'Berkas kosong.' }),
});

/** Checks the first bytes, so a renamed .exe is not stored as a "scan". */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
