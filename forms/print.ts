export const PRINT_KINDS = ['receipt', 'form'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];

/** Indonesian offices print on A4 and on F4 (folio, 215 × 330 mm). */
export const PAPER_SIZES = ['A4', 'F4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const PAPER_MM: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  F4: { width: 215, height: 330 },
};
export const PRINT_LABELS: Record<PrintKind, string> = { receipt: 'Tanda terima', form: 'Formulir' };
