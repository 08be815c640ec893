// What every print offers, whatever is printed: the paper, the host's print abilities, and the
// browser's print dialog for a PDF.
import type { OutputOf } from '../../../forms/api';
import { PAPER_SIZES, type PaperSize } from '../../../forms/print';
import { useLoad } from '../hooks/useLoad';

/** The paper choice every print offers (F4 is still common in Indonesian offices). */
export function PaperSelect({ value, onChange }: { value: PaperSize; onChange: (p: PaperSize) => void }) {
  return (
    <label>
      Ukuran kertas{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as PaperSize)}>
        {PAPER_SIZES.map((p) => (
          <option key={p} value={p}>
            {p === 'F4' ? 'F4 (215 × 330 mm)' : 'A4 (210 × 297 mm)'}
          </option>
        ))}
      </select>
    </label>
  );
}

/** What the host can do for printing; null until it has answered. */
export const useAppInfo = (): OutputOf<'app.info'> | null => useLoad('app.info', {}).data;

/**
 * Prints a PDF held in a blob: URL with the browser's own print dialog: a hidden frame loads it
 * (the Content-Security-Policy allows blob: frames) and asks it to print. Popup blockers do not
 * apply, since nothing opens a window.
 */
export function PdfPrintFrame({ url, onFailure }: { url: string; onFailure: () => void }) {
  return (
    <iframe
      className="print-frame"
      src={url}
      title="PDF untuk dicetak"
      tabIndex={-1}
      aria-hidden="true"
      onLoad={(e) => {
        try {
          e.currentTarget.contentWindow!.print();
        } catch {
          onFailure();
        }
      }}
    />
  );
}
