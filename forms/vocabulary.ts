// The words of the paper forms and of the regulation (seed 003, Lampiran II), kept in one place so
// the UI, the database and the upstream payloads agree on spelling.

export const FORM_KINDS = ['A', 'B', 'C'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export const FORM_TITLES: Record<FormKind, string> = {
  A: 'Penerimaan pengaduan masyarakat secara langsung',
  B: 'Pengaduan masyarakat melalui kotak pengaduan',
  C: 'Penerimaan pengaduan masyarakat melalui kontak pusat/telepon/surat/faksimile, media elektronik dan media massa',
};

/** Channel codes are the upstream contract's (UPSTREAM.md); labels are the office's words. */
export const CHANNELS = [
  'tatap_muka',
  'kotak_pengaduan',
  'telepon',
  'surat',
  'faksimile',
  'surel',
  'sms',
  'whatsapp',
  'media_sosial',
  'website',
  'media_massa',
  'instansi_lain',
  'lainnya',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  tatap_muka: 'Tatap muka',
  kotak_pengaduan: 'Kotak pengaduan',
  telepon: 'Telepon / kontak pusat',
  surat: 'Surat',
  faksimile: 'Faksimile',
  surel: 'Surel (email)',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  media_sosial: 'Media sosial',
  website: 'Website',
  media_massa: 'Media massa',
  instansi_lain: 'Diterima dari instansi lain',
  lainnya: 'Lainnya',
};

/** Formulir C covers every channel that is neither the counter nor the box. */
export const FORM_C_CHANNELS = CHANNELS.filter(
  (c): c is Exclude<Channel, 'tatap_muka' | 'kotak_pengaduan'> => c !== 'tatap_muka' && c !== 'kotak_pengaduan',
);

export const GENDERS = ['L', 'P'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { L: 'Laki-laki', P: 'Perempuan' };

export const COMPLAINT_STATUSES = ['diterima'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const STATUS_LABELS: Record<ComplaintStatus, string> = { diterima: 'Diterima' };

/** Shown instead of a reporter whose identity must not be disclosed (seed 002, code of ethics). */
export const HIDDEN_REPORTER = 'Dirahasiakan';
