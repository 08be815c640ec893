// The paper forms' sections, in their printed order (Perbup Buton Utara 16/2019, Lampiran II.A–C;
// docs/forms.md). The screen builds each form from this, so Tab follows the paper, and the printout
// (server/print-html.ts) lays the filled form out from it. Field names are the form schema's keys
// and labels come from its FIELD_LABELS: a name that is not a field of that form fails the type
// check. Whether a field is required is read from the schema itself.
import { FIELD_LABELS, FORM_SCHEMAS } from './complaint';
import type { FormKind } from './vocabulary';

export type FieldKind = 'text' | 'textarea' | 'date' | 'time' | 'tel' | 'email' | 'gender' | 'channel';

/** The fields of form F that its paper shows (those with a printed label). */
export type PaperField<F extends FormKind> = keyof (typeof FIELD_LABELS)[F] & keyof (typeof FORM_SCHEMAS)[F]['shape'] & string;

export interface FieldSpec<F extends FormKind> {
  name: PaperField<F>;
  label: string;
  kind: FieldKind;
  required: boolean;
  hint?: string;
  /** The paper's own spelling where it capitalises differently from the screen. */
  printed?: string;
}

/** A field of whichever form. */
export type AnyFieldSpec = { [F in FormKind]: FieldSpec<F> }[FormKind];

export interface SectionSpec<F extends FormKind> {
  /** The legend on screen; null when the section's only field names it. */
  title: string | null;
  /** The heading on the printout when it differs from `title`; null for a section the paper lacks. */
  printed?: string | null;
  fields: FieldSpec<F>[];
}

/** A field of form F: its label from the form's words, required when the schema refuses it empty. */
const fieldOf =
  <F extends FormKind>(form: F) =>
  (name: PaperField<F>, kind: FieldKind, extra: Pick<FieldSpec<F>, 'hint' | 'printed'> = {}): FieldSpec<F> => {
    const schema = (FORM_SCHEMAS[form].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)[name]!;
    return { name, label: (FIELD_LABELS[form] as Record<string, string>)[name]!, kind, required: !schema.safeParse('').success, ...extra };
  };

const a = fieldOf('A');
const b = fieldOf('B');
const c = fieldOf('C');
const PHONE_HINT = 'Contoh: 0812-3456-7890';

export const FORM_LAYOUTS: { [F in FormKind]: SectionSpec<F>[] } = {
  A: [
    { title: 'A. Identitas pelapor', fields: [a('reporterName', 'text'), a('reporterInstitution', 'text'), a('reporterAddress', 'text')] },
    { title: 'B. Waktu pengaduan', fields: [a('receivedTime', 'time'), a('receivedDate', 'date')] },
    { title: 'C. Masalah pengaduan', fields: [a('problem', 'text')] },
    { title: 'D. Uraian pengaduan', fields: [a('content', 'textarea')] },
    {
      title: 'E. Penyelesaian',
      fields: [a('resolution', 'textarea', { hint: 'Jawaban yang diberikan langsung di loket. Bila diisi, pengaduan tercatat Dijawab langsung; kosongkan bila pengaduan diteruskan ke tim.' })],
    },
  ],
  B: [
    { title: null, printed: 'Isi Pengaduan', fields: [b('content', 'textarea')] },
    {
      title: 'Data pelapor',
      printed: 'Data Pelapor',
      fields: [
        b('reporterName', 'text', { printed: 'Nama Pelapor' }),
        b('reporterAddress', 'text'),
        b('reporterGender', 'gender', { printed: 'Jenis Kelamin' }),
        b('reporterPhone', 'tel', { hint: PHONE_HINT }),
        b('reporterEmail', 'email'),
      ],
    },
    {
      // The times of keying a slip (docs/forms.md, Formulir B keying); the paper has none of them.
      title: 'Waktu',
      printed: null,
      fields: [
        b('slipDate', 'date', { hint: 'Tanggal yang ditulis pelapor pada slip, bila ada' }),
        b('receivedDate', 'date'),
        b('receivedTime', 'time'),
      ],
    },
  ],
  C: [
    {
      title: 'A. Identitas pelapor',
      printed: 'A. Identitas Pelapor',
      fields: [
        c('reporterName', 'text', { printed: 'Nama Lengkap' }),
        c('reporterInstitution', 'text'),
        c('reporterAddress', 'text', { printed: 'Alamat Lengkap' }),
        c('reporterPhone', 'tel', { hint: PHONE_HINT }),
      ],
    },
    {
      title: 'B. Waktu pengaduan',
      printed: 'B. Waktu Pengaduan',
      fields: [c('receivedTime', 'time'), c('receivedDate', 'date'), c('channel', 'channel', { printed: 'Sarana Pengaduan' })],
    },
    { title: 'C. Materi pengaduan', printed: 'C. Materi Pengaduan', fields: [c('content', 'textarea')] },
  ],
};

/** The sections of whichever form, for code that handles every form alike. */
export const sectionsOf = (form: FormKind): (Omit<SectionSpec<FormKind>, 'fields'> & { fields: AnyFieldSpec[] })[] => FORM_LAYOUTS[form];

/** Words the paper prints below its fields (Formulir B's promise to the sender: docs/confidentiality.md). */
export const PAPER_NOTES: Partial<Record<FormKind, string>> = {
  B: 'Harap diisi dengan lengkap dan benar, pengaduan anda akan ditangani semestinya dan kerahasiaan pengirim dijamin.',
};

/** Where the paper breaks its title (FORM_TITLES, in capitals) into lines: after this many words. */
export const TITLE_LINE_BREAKS: Record<FormKind, number[]> = { A: [3], B: [], C: [3, 7] };
