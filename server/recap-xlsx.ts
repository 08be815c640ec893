// XLSX exports of the recaps, drawn from their declarations in forms/recap-layouts.ts like the
// screen and the PDF: the same tables and rows, with real numbers and real dates (not text), and
// the page set up as the PDF prints. Rows are added in chunks with a yield in
// between, so a long export reports progress and never blocks other calls for long.
import ExcelJS from 'exceljs';
import type { Period } from '../forms/periods';
import type { PaperSize } from '../forms/print';
import { RECAPS, type RecapKind } from '../forms/recap';
import { drawTable, recapHeading, recapLayout, recapSignature, sheetParts, tablesOf, UNNAMED, type Cell, type RecapData, type Value } from '../forms/recap-layouts';
import type { Settings } from '../forms/settings';
import { toLocal, type TimeZone } from '../forms/time';

/** Excel paper codes (ECMA-376 paperSize): 9 is A4, 14 is Folio 8½ × 13 in, the F4 of Indonesian offices. */
const PAPER_CODE: Record<PaperSize, number> = { A4: 9, F4: 14 };
/** id-ID: 25/11/2026 and 14.16 (the dot quoted, so Excel keeps it whatever the PC's separators). */
const DATE_FMT = 'dd/mm/yyyy';
const DATE_TIME_FMT = 'dd/mm/yyyy hh"."mm';

/** Excel stores wall-clock time without a zone: a local date (and time) as that moment in UTC. */
function excelDate(date: string, time = '00:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, h, mi));
}
const excelDateTime = (instant: string, tz: TimeZone) => {
  const { date, time } = toLocal(instant, tz);
  return excelDate(date, time);
};

export type Progress = (done: number, total: number) => void;
const CHUNK = 500;
const tick = () => new Promise<void>((r) => setImmediate(r));

/** A value as the spreadsheet keeps it: numbers as numbers, dates as dates, a tick as 1 so a column sums to its count. */
function sheetValue(v: Value, tz: TimeZone): { value: ExcelJS.CellValue; numFmt?: string } {
  switch (v.kind) {
    case 'text':
      return { value: v.text };
    case 'count':
    case 'no':
      return { value: v.n };
    case 'date':
      return { value: excelDate(v.date), numFmt: DATE_FMT };
    case 'instant':
      return { value: excelDateTime(v.at, tz), numFmt: DATE_TIME_FMT };
    case 'tick':
      return { value: v.on ? 1 : null };
    case 'blank':
      return { value: null };
  }
}

export interface WorkbookOptions {
  settings: Settings;
  period: Period;
  paper: PaperSize;
  /** The office-local date written on the signature line. */
  today: string;
}

export async function recapWorkbook(kind: RecapKind, data: RecapData, { settings, period, paper, today }: WorkbookOptions, progress: Progress): Promise<Buffer> {
  const tables = tablesOf(recapLayout(kind, data));
  const tz = settings.timeZone;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Loket Aduan';
  const ws = wb.addWorksheet(RECAPS[kind].sheet, {
    pageSetup: {
      paperSize: PAPER_CODE[paper] as ExcelJS.PaperSize,
      orientation: RECAPS[kind].landscape ? 'landscape' : 'portrait',
      // As wide as the paper, as many pages long as it takes.
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
    return row;
  };

  const h = recapHeading(kind, settings, period);
  bold(ws.addRow([h.title.toUpperCase()]));
  ws.addRow([h.office]);
  ws.addRow([h.region]);
  ws.addRow([h.year, h.period]);
  ws.addRow([]);

  // A column is as wide as the widest part any table puts in it.
  tables.forEach((t) => sheetParts(t).forEach((p, i) => p.sheetWidth && (ws.getColumn(i + 1).width = Math.max(ws.getColumn(i + 1).width ?? 0, p.sheetWidth))));

  // Progress counts the rows of the long lists; a recap of count tables is one step.
  const total = tables.reduce((n, t) => n + (t.long ? t.rows.length : 0), 0) || 1;
  let done = 0;
  for (const t of tables) {
    if (t.title) bold(ws.addRow([t.title]));
    const drawn = drawTable(t, 'sheet');
    const head = bold(ws.addRow(drawn.head[0]!.map((c) => c.text)));
    head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    if (tables.length === 1) {
      // The heading row of a sheet's only table repeats on every printed page and stays in view on screen.
      ws.pageSetup.printTitlesRow = `${head.number}:${head.number}`;
      ws.views = [{ state: 'frozen', ySplit: head.number }];
    }
    const parts = sheetParts(t);
    const write = (cells: Cell[]) => {
      const values = cells.map((c) => sheetValue(c.parts[0]!.value, tz));
      const row = ws.addRow(values.map((v) => v.value));
      values.forEach((v, i) => {
        const c = row.getCell(i + 1);
        if (v.numFmt) c.numFmt = v.numFmt;
        if (parts[i]?.wrap) c.alignment = { wrapText: true, vertical: 'top' };
      });
      return row;
    };
    for (let i = 0; i < drawn.body.length; i += CHUNK) {
      drawn.body.slice(i, i + CHUNK).forEach(write);
      if (t.long) {
        progress((done += Math.min(CHUNK, t.rows.length - i)), total);
        await tick();
      }
    }
    if (drawn.total) bold(write(drawn.total));
    ws.addRow([]);
  }
  progress(total, total);

  const s = recapSignature(settings, today);
  for (const line of [s.placeDate, s.team, s.role, '', s.name ?? UNNAMED, ...(s.nip ? [s.nip] : [])]) ws.addRow(['', '', line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
