import { z } from 'zod';
import { nipField, optionalText, requiredText } from './fields';
import { parseNumber } from './format';
import { TIME_ZONES } from './time';
import { DEFAULT_CATEGORIES } from './vocabulary';
import type { DeadlineDays } from './deadlines';

/**
 * Working-day counts: presets from the DPMDPPKB notice (docs/handling-and-deadlines.md); an office
 * may change them (Perbup Buton Utara 16/2019 Pasal 6 ayat (3) uses 10 for licensing).
 */
const days = (label: string) =>
  z.coerce
    .number({ error: `${label} harus berupa angka.` })
    .int({ error: `${label} harus bilangan bulat.` })
    .min(1, { error: `${label} paling sedikit 1 hari kerja.` })
    .max(365, { error: `${label} paling banyak 365 hari kerja.` });

/** A non-negative number typed into a field. */
const number = (label: string) => z.coerce.number({ error: `${label} harus berupa angka.` }).min(0, { error: `${label} tidak boleh negatif.` });
/** An empty field is missing, not zero. */
const filled = (message: string, schema: z.ZodCoercedNumber) =>
  z
    .unknown()
    .refine((v) => v !== '' && v !== null && v !== undefined, { error: message, abort: true })
    .transform(parseNumber)
    .pipe(schema);

export const REGISTRATION_FORMAT_DEFAULT = 'ADU/{YYYY}/{NNNNNN}';

export const settingsSchema = z.object({
  officeName: requiredText('Nama kantor', 200),
  kabupatenKota: requiredText('Kabupaten/Kota', 120),
  /** The place written on the place-and-date line of every form and recap. */
  place: requiredText('Tempat penandatanganan', 80),
  officeAddress: optionalText('Alamat kantor', 300),
  officePhone: optionalText('Telepon kantor', 40),
  website: optionalText('Website', 200),
  timeZone: z.enum(TIME_ZONES, { error: 'Zona waktu harus WIB, WITA atau WIT.' }),
  registrationFormat: requiredText('Format nomor registrasi', 60).refine((f) => /\{N+\}/.test(f), {
    error: 'Format nomor registrasi harus memuat {NNNNNN} untuk nomor urut.',
  }),
  teamName: requiredText('Nama tim penanganan pengaduan', 200),
  /**
   * The Ketua who signs the recaps, chosen among the accounts holding the ketua role; none chosen:
   * the ketua printing, or the only ketua account (server/procedures/context.ts `ketua`).
   */
  ketuaAccountId: z.union([z.literal(''), z.uuid({ error: 'Ketua tidak dikenal.' })]).nullish().transform((v) => v || null),
  /** The screen locks after this many minutes without keyboard or mouse (BSSN 4/2021: idle timeout). */
  idleMinutes: z.coerce
    .number({ error: 'Kunci layar otomatis harus berupa angka.' })
    .int({ error: 'Kunci layar otomatis harus bilangan bulat.' })
    .min(1, { error: 'Kunci layar otomatis paling cepat 1 menit.' })
    .max(240, { error: 'Kunci layar otomatis paling lama 240 menit.' }),
  attachmentMaxMb: z.coerce
    .number({ error: 'Batas ukuran lampiran harus berupa angka.' })
    .int({ error: 'Batas ukuran lampiran harus bilangan bulat.' })
    .min(1, { error: 'Batas ukuran lampiran paling kecil 1 MB.' })
    .max(25, { error: 'Batas ukuran lampiran paling besar 25 MB.' }),
  deadlineVerifyDays: days('Batas verifikasi'),
  deadlineCompletenessDays: days('Batas kelengkapan'),
  deadlineInfoDays: days('Batas penyelesaian informasi/normatif'),
  deadlineNonDarwasDays: days('Batas penyelesaian Non-DarWas'),
  deadlineDarwasDays: days('Batas penyelesaian DarWas'),
  categories: z
    .array(requiredText('Kategori', 120))
    .min(1, { error: 'Daftar kategori tidak boleh kosong.' })
    .max(200)
    .refine((xs) => new Set(xs).size === xs.length, { error: 'Ada kategori yang sama lebih dari sekali.' }),
  /** Yearly indicators: complaints received per year (0 = not set) and the share finished. */
  targetReceived: filled('Target pengaduan diterima per tahun wajib diisi (0 bila belum ditetapkan).', number('Target pengaduan diterima per tahun').int({ error: 'Target pengaduan diterima per tahun harus bilangan bulat.' }).max(1_000_000, { error: 'Target pengaduan diterima per tahun paling banyak 1.000.000.' })),
  targetFinishedPercent: filled('Target persentase pengaduan selesai wajib diisi.', number('Target persentase pengaduan selesai').max(100, { error: 'Target persentase pengaduan selesai paling besar 100.' })),
  headName: optionalText('Nama Kepala Kantor', 120),
  headNip: nipField('NIP Kepala Kantor'),
});
export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  officeName: 'Kantor Pelayanan',
  kabupatenKota: 'Kabupaten',
  place: 'Kota',
  officeAddress: null,
  officePhone: null,
  website: null,
  timeZone: 'WIB',
  registrationFormat: REGISTRATION_FORMAT_DEFAULT,
  teamName: 'Tim Penanganan Pengaduan Masyarakat',
  ketuaAccountId: null,
  idleMinutes: 10,
  attachmentMaxMb: 10,
  deadlineVerifyDays: 3,
  deadlineCompletenessDays: 10,
  deadlineInfoDays: 5,
  deadlineNonDarwasDays: 14,
  deadlineDarwasDays: 60,
  categories: DEFAULT_CATEGORIES,
  targetReceived: 0,
  targetFinishedPercent: 100,
  headName: null,
  headNip: null,
};

/** Whether numbers restart at 1 each year: only a format that prints the year can do so. */
export function hasYearToken(format: string): boolean {
  return format.includes('{YYYY}');
}
/** The counter of a format without {YYYY}: one sequence across all years. */
export const NO_YEAR_COUNTER = 0;

/** Shown beside the field in Pengaturan. */
export const REGISTRATION_FORMAT_HINT =
  '{YYYY} = tahun, {NNNNNN} = nomor urut (jumlah N = jumlah digit). Dengan {YYYY}, nomor urut mulai lagi dari 1 setiap tahun; tanpa {YYYY}, nomor urut terus berlanjut melewati pergantian tahun agar tidak ada nomor yang sama.';

/** ADU/{YYYY}/{NNNNNN} with year 2026 and number 123 → ADU/2026/000123. */
export function formatRegistrationNo(format: string, year: number, seq: number): string {
  return format
    .replace(/\{YYYY\}/g, String(year))
    .replace(/\{(N+)\}/g, (_m, n: string) => String(seq).padStart(n.length, '0'));
}

export function deadlineDays(s: Settings): DeadlineDays {
  return {
    verifyDays: s.deadlineVerifyDays,
    completenessDays: s.deadlineCompletenessDays,
    infoDays: s.deadlineInfoDays,
    nonDarwasDays: s.deadlineNonDarwasDays,
    darwasDays: s.deadlineDarwasDays,
  };
}
