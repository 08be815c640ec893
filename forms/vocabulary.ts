// The words of the paper forms and of the regulation (Perbup Buton Utara 16/2019, Lampiran II;
// docs/forms.md, "Vocabulary"), kept in one place so the UI, the database and the upstream payloads
// agree on spelling.

export const FORM_KINDS = ['A', 'B', 'C'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export const FORM_TITLES: Record<FormKind, string> = {
  A: 'Penerimaan pengaduan masyarakat secara langsung',
  B: 'Pengaduan masyarakat melalui kotak pengaduan',
  C: 'Penerimaan pengaduan masyarakat melalui kontak pusat/telepon/surat/faksimile, media elektronik dan media massa',
};

/** Channel codes are the upstream contract's (docs/upstream-v1.md); labels are the office's words. */
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

/** Case states of the handling flow (docs/handling-and-deadlines.md); transitions in forms/workflow.ts. */
export const COMPLAINT_STATUSES = [
  'diterima',
  'menunggu_kelengkapan',
  'terverifikasi',
  'diteruskan',
  'ditindaklanjuti',
  'selesai',
  'dijawab_langsung',
  'diarsipkan',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  diterima: 'Diterima',
  menunggu_kelengkapan: 'Menunggu kelengkapan',
  terverifikasi: 'Terverifikasi',
  diteruskan: 'Diteruskan',
  ditindaklanjuti: 'Dalam tindak lanjut',
  selesai: 'Selesai',
  dijawab_langsung: 'Dijawab langsung',
  diarsipkan: 'Diarsipkan',
};
/** States in which nothing is pending for the team. */
export const CLOSED_STATUSES: readonly ComplaintStatus[] = ['selesai', 'dijawab_langsung', 'diarsipkan'];
/** The others: something is pending (an IN list of these uses the status indexes, a NOT IN cannot). */
export const OPEN_STATUSES: readonly ComplaintStatus[] = COMPLAINT_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

export const CLASSIFICATIONS = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  pengaduan: 'Pengaduan',
  aspirasi: 'Aspirasi',
  permintaan_informasi: 'Permintaan informasi',
};

/** Jenis pengaduan, Perbup Buton Utara 16/2019 Pasal 3 huruf a–f. */
export const JENIS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type Jenis = (typeof JENIS)[number];
export const JENIS_LABELS: Record<Jenis, string> = {
  a: 'a. Waktu penyelesaian tidak sesuai SOP',
  b: 'b. Dugaan kesalahan prosedur atau tindakan/kebijakan',
  c: 'c. Dugaan informasi atau penjelasan yang salah',
  d: 'd. Petugas tidak melayani dengan baik',
  e: 'e. Masalah teknis pengajuan daring',
  f: 'f. Hal lain dalam tugas kantor',
};

/** The older national register's problem codes: the default category list (editable in settings). */
export const DEFAULT_CATEGORIES = [
  '01 Penyalahgunaan wewenang',
  '02 Pelayanan masyarakat',
  '03 Korupsi/pungli',
  '04 Kepegawaian',
  '05 Pertanahan/perumahan',
  '06 Hukum/HAM',
  '07 Kewaspadaan nasional',
  '08 Tatalaksana/regulasi',
  '09 Lingkungan hidup',
  '10 Umum',
];

export const FORWARD_KINDS = ['unit', 'instansi_lain', 'admin_nasional', 'apip'] as const;
export type ForwardKind = (typeof FORWARD_KINDS)[number];
export const FORWARD_KIND_LABELS: Record<ForwardKind, string> = {
  unit: 'Unit kerja / pejabat penghubung',
  instansi_lain: 'Instansi lain yang berwenang',
  admin_nasional: 'Admin nasional SP4N-LAPOR!',
  apip: 'APIP (penyalahgunaan wewenang)',
};

export const SANCTIONS = ['pp53', 'tp_tgr', 'pidana', 'lain_lain'] as const;
export type Sanction = (typeof SANCTIONS)[number];
export const SANCTION_LABELS: Record<Sanction, string> = {
  pp53: 'Hukuman disiplin PP 53/2010',
  tp_tgr: 'TP/TGR',
  pidana: 'Pidana',
  lain_lain: 'Lain-lain',
};

/** The reporter's statement once answered (SOP Dharmasraya 2017, steps 7–8); not satisfied goes back to the team. */
export const SATISFACTIONS = ['puas', 'tidak_puas'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { puas: 'Puas', tidak_puas: 'Tidak puas' };

export const OUTCOMES = ['benar', 'tidak_benar'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = { benar: 'Selesai — terbukti (benar)', tidak_benar: 'Selesai — tidak terbukti (tidak benar)' };

/** Shown instead of a reporter whose identity must not be disclosed (docs/confidentiality.md: the code of ethics in Perbup Bintan 53/2021, Lampiran Bab II). */
export const HIDDEN_REPORTER = 'Dirahasiakan';
