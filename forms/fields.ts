// Small zod building blocks with Indonesian messages. Every message names the field with the
// label printed on the paper form, so the same text works beside the field and in an API error.
import { z } from 'zod';
import { normalizePhone } from './phone';
import { EARLIEST_DATE, isDateInRange, isValidDate, isValidTime, LATEST_DATE } from './time';

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(1, { error: `${label} wajib diisi.` })
    .max(max, { error: `${label} paling banyak ${max} karakter.` });

/** Empty strings and missing values both become null, so the database never holds ''. */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} paling banyak ${max} karakter.` })
    .nullish()
    .transform((v) => (v ? v : null));

export const phoneField = (label: string) =>
  z
    .string()
    .nullish()
    .transform((v, ctx) => {
      if (!v || !v.trim()) return null;
      const e164 = normalizePhone(v);
      if (!e164) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} tidak dikenali. Tulis seperti 0812-3456-7890 atau +62 812-3456-7890.`,
        });
        return z.NEVER;
      }
      return e164;
    });

const emailShape = z.email();
export const emailField = (label: string) =>
  z
    .string()
    .nullish()
    .transform((v, ctx) => {
      const t = v?.trim();
      if (!t) return null;
      if (!emailShape.safeParse(t).success) {
        ctx.addIssue({ code: 'custom', message: `${label} tidak valid. Contoh: nama@contoh.go.id` });
        return z.NEVER;
      }
      return t.toLowerCase();
    });

/** A civil servant's NIP: 18 digits (spaces allowed while typing, removed on save); empty is null. */
export const nipField = (label: string) =>
  optionalText(label, 30)
    .transform((v) => (v === null ? null : v.replace(/\s/g, '')))
    .refine((v) => v === null || /^\d{18}$/.test(v), { error: 'NIP terdiri dari 18 angka.' });

export const dateField = (label: string) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .min(1, { error: `${label} wajib diisi.` })
    .refine(isValidDate, { error: `${label} tidak valid (format TTTT-BB-HH).` })
    .refine((d) => !isValidDate(d) || isDateInRange(d), { error: `${label} harus antara tahun ${EARLIEST_DATE.slice(0, 4)} dan ${LATEST_DATE.slice(0, 4)}.` });

export const timeField = (label: string) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .min(1, { error: `${label} wajib diisi.` })
    .refine(isValidTime, { error: `${label} tidak valid (format JJ:MM).` });
