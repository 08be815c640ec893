// What the office prints for one complaint (the receipt, the filled form, the letters of the
// handling flow), on which paper, when a letter may be printed, and the files' names.
import type { ComplaintEvent } from './history';
import type { Period } from './periods';
import type { RecapKind } from './recap';
import type { FormKind } from './vocabulary';

export const PRINT_KINDS = ['receipt', 'form', 'surat_kelengkapan', 'surat_penerusan', 'surat_jawaban'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];

/** Indonesian offices print on A4 and on F4 (folio, 215 × 330 mm). */
export const PAPER_SIZES = ['A4', 'F4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const PAPER_MM: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  F4: { width: 215, height: 330 },
};
export const PRINT_LABELS: Record<PrintKind, string> = {
  receipt: 'Tanda terima',
  form: 'Formulir',
  surat_kelengkapan: 'Surat permintaan kelengkapan',
  surat_penerusan: 'Surat penerusan',
  surat_jawaban: 'Surat jawaban kepada pelapor',
};
export const LETTER_KINDS = ['surat_kelengkapan', 'surat_penerusan', 'surat_jawaban'] as const satisfies readonly PrintKind[];
export type LetterKind = (typeof LETTER_KINDS)[number];

/**
 * The steps a case's history shows, for the letters: an answer given at the counter (E. Penyelesaian
 * filled on Formulir A) is the step "Dijawab langsung di loket".
 */
export function stepsTaken(events: readonly ComplaintEvent[]): string[] {
  return events.map((e) => (e.type === 'created' && e.data.answeredAtCounter === true ? 'jawab_langsung' : e.type));
}

/** The step a letter is written from; a letter is offered only once its step was taken. */
export const LETTER_SOURCE_EVENT: Record<LetterKind, readonly string[]> = {
  surat_kelengkapan: ['minta_kelengkapan'],
  surat_penerusan: ['teruskan'],
  surat_jawaban: ['jawab', 'selesaikan', 'jawab_langsung'],
};

/** Whether a letter can be written yet: its step is in the history (`stepsTaken`). */
export const letterReady = (kind: LetterKind, steps: readonly string[]): boolean => LETTER_SOURCE_EVENT[kind].some((t) => steps.includes(t));

/** Why this printout cannot be made for the case yet, or null: a letter needs the step it reports on. */
export function printRefusal(kind: PrintKind, events: readonly ComplaintEvent[]): string | null {
  if (kind === 'receipt' || kind === 'form') return null;
  return letterReady(kind, stepsTaken(events)) ? null : `${PRINT_LABELS[kind]} belum dapat dicetak: langkah penanganannya belum dicatat.`;
}

// ---- file names --------------------------------------------------------------------------------

const fileWord = (kind: string) => kind.replace('_', '-');

export function printFilename(kind: PrintKind, c: { form: FormKind; registrationNo: string }, paper: PaperSize): string {
  const base = kind === 'receipt' ? 'tanda-terima' : kind === 'form' ? `formulir-${c.form.toLowerCase()}` : fileWord(kind);
  return `${base}-${c.registrationNo.replace(/[^\w-]+/g, '-')}-${paper}.pdf`;
}

/** A recap's PDF (named with its paper) or its workbook. */
export function recapFilename(kind: RecapKind, period: Period, as: PaperSize | 'xlsx'): string {
  return as === 'xlsx' ? `${fileWord(kind)}-${period.from}-${period.to}.xlsx` : `${fileWord(kind)}-${period.from}-${period.to}-${as}.pdf`;
}
