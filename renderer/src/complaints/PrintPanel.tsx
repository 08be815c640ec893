import { useEffect, useState } from 'react';
import { LETTER_KINDS, letterReady, PRINT_LABELS, type PaperSize, type PrintKind } from '../../../forms/print';
import { api } from '../app/api';
import { InlineDateField } from '../ui/DateTimeInput';
import { base64ToBlobUrl } from '../ui/files';
import { PaperSelect, PdfPrintFrame, useAppInfo } from '../ui/printing';

/**
 * Asks the host for a PDF (printToPDF on the desktop, Chromium in browser mode). In a browser the
 * PDF goes straight to the print dialog; the file link stays for saving it or printing it by hand.
 */
export function PrintPanel({ id, eventTypes = [] }: { id: string; eventTypes?: string[] }) {
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [doc, setDoc] = useState<{ url: string; filename: string; pages: number; print: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const info = useAppInfo();
  const canDialog = !!info?.canPrintDialog;
  // In a browser the PDF goes to the browser's print dialog; the desktop has its own (print.dialog).
  const inBrowser = info?.host === 'browser';
  const [letterNo, setLetterNo] = useState('');
  const [letterDate, setLetterDate] = useState('');
  const letters = LETTER_KINDS.filter((k) => letterReady(k, eventTypes));
  const docUrl = doc?.url;
  useEffect(() => () => (docUrl ? URL.revokeObjectURL(docUrl) : undefined), [docUrl]);

  const toPrinter = async () => {
    setFailure(null);
    try {
      await api.call('print.dialog', { kind: 'form', id, paper });
    } catch (e) {
      setFailure(e instanceof Error ? e.message : 'Gagal membuka dialog cetak.');
    }
  };

  const print = async (kind: PrintKind) => {
    setBusy(true);
    setFailure(null);
    try {
      const res = await api.call('print.pdf', { kind, id, paper, letterNo: letterNo || null, letterDate: letterDate || null });
      setDoc({ url: base64ToBlobUrl(res.dataBase64, 'application/pdf'), filename: res.filename, pages: res.pages, print: inBrowser });
    } catch (e) {
      setFailure(e instanceof Error ? e.message : 'Gagal membuat PDF.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="print-panel">
      <PaperSelect value={paper} onChange={setPaper} />
      <button type="button" disabled={busy} onClick={() => void print('receipt')}>
        Cetak {PRINT_LABELS.receipt.toLowerCase()}
      </button>
      <button type="button" disabled={busy} onClick={() => void print('form')}>
        Cetak formulir
      </button>
      {letters.length ? (
        <fieldset className="letters">
          <legend>Surat</legend>
          <label>
            Nomor surat <input type="text" value={letterNo} onChange={(e) => setLetterNo(e.target.value)} />
          </label>
          <InlineDateField label="Tanggal surat" value={letterDate} onChange={setLetterDate} />
          {letters.map((k) => (
            <button key={k} type="button" disabled={busy} onClick={() => void print(k)}>
              Cetak {PRINT_LABELS[k].toLowerCase()}
            </button>
          ))}
        </fieldset>
      ) : null}
      {canDialog ? (
        <button type="button" className="secondary" onClick={() => void toPrinter()}>
          Cetak formulir ke printer…
        </button>
      ) : null}
      {failure ? <p className="error" role="alert">{failure}</p> : null}
      {doc ? (
        <p role="status">
          {doc.print ? 'Dialog cetak dibuka. Bila tidak muncul, buka berkasnya lalu cetak' : 'PDF siap'} ({doc.pages} halaman):{' '}
          <a href={doc.url} download={doc.filename} data-testid="pdf-link">
            {doc.filename}
          </a>
        </p>
      ) : null}
      {doc?.print ? <PdfPrintFrame key={doc.url} url={doc.url} onFailure={() => setDoc({ ...doc, print: false })} /> : null}
    </div>
  );
}
