// XLSX exports of the recaps with the same headings as the printed tables, real numbers and real
// dates (not text), and the page set up as the PDF prints. Rows are added in chunks with a yield in
// between, so a long export reports progress and never blocks other calls for long.
import ExcelJS from 'exceljs';
import { formatTanggal } from '../forms/format';
import { describePeriod, type Period } from '../forms/periods';
import type { PaperSize } from '../forms/print';
import { LANDSCAPE, RECAP_TITLES, type CountRow, type Monev, type PeriodRecap, type RecapKind, type WeeklyRecap } from '../forms/recap';
import type { Settings } from '../forms/settings';
import { toLocal, type TimeZone } from '../forms/time';
import { STATUS_LABELS } from '../forms/vocabulary';

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

function header(ws: ExcelJS.Worksheet, kind: RecapKind, settings: Settings, period: Period) {
  ws.addRow([RECAP_TITLES[kind].toUpperCase()]).font = { bold: true };
  ws.addRow([settings.officeName]);
  ws.addRow([`TAHUN : ${period.from.slice(0, 4)}`, `PERIODE : ${describePeriod(period)}`]);
  ws.addRow([]);
}

function bold(row: ExcelJS.Row) {
  row.font = { bold: true };
  return row;
}

function countSection(ws: ExcelJS.Worksheet, title: string, head: string, rows: CountRow[]) {
  ws.addRow([title]).font = { bold: true };
  bold(ws.addRow(['No', head, 'Jumlah']));
  rows.forEach((r, i) => ws.addRow([i + 1, r.label, r.count]));
  bold(ws.addRow(['', 'Total', rows.reduce((a, r) => a + r.count, 0)]));
  ws.addRow([]);
}

async function addRows<T>(ws: ExcelJS.Worksheet, items: T[], toRow: (x: T) => unknown[], progress: Progress, base: number, total: number) {
  for (let i = 0; i < items.length; i += CHUNK) {
    for (const x of items.slice(i, i + CHUNK)) ws.addRow(toRow(x));
    progress(base + Math.min(i + CHUNK, items.length), total);
    await tick();
  }
}

export interface WorkbookOptions {
  settings: Settings;
  period: Period;
  paper: PaperSize;
  /** The office-local date written on the signature line. */
  today: string;
}

export async function recapWorkbook(
  kind: RecapKind,
  data: { weekly?: WeeklyRecap; period?: PeriodRecap; monev?: Monev },
  { settings, period, paper, today }: WorkbookOptions,
  progress: Progress,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Loket Aduan';
  const ws = wb.addWorksheet(kind === 'laporan_hasil' ? 'Laporan hasil' : kind === 'monev' ? 'Monev' : 'Rekap', {
    pageSetup: {
      paperSize: PAPER_CODE[paper] as ExcelJS.PaperSize,
      orientation: LANDSCAPE[kind] ? 'landscape' : 'portrait',
      // As wide as the paper, as many pages long as it takes.
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  header(ws, kind, settings, period);
  ws.getColumn(2).width = 45;

  if (kind === 'mingguan' && data.weekly) {
    const r = data.weekly;
    bold(ws.addRow(['Diterima', 'Selesai', 'Terlambat']));
    ws.addRow([r.received, r.finished, r.overdue]);
    ws.addRow([]);
    countSection(ws, '1. Menurut jenis pengaduan', 'Jenis pengaduan', r.byJenis);
    countSection(ws, '2. Menurut sarana', 'Sarana pengaduan', r.byChannel);
    countSection(ws, '3. Menurut formulir', 'Formulir', r.byForm);
    countSection(ws, '4. Menurut klasifikasi', 'Klasifikasi', r.byClassification);
    countSection(ws, '5. Status pada akhir minggu', 'Status', r.byStatusAtEnd);
    ws.addRow(['6. Daftar pengaduan dan tindak lanjutnya']).font = { bold: true };
    bold(ws.addRow(['No', 'Nomor registrasi', 'Diterima', 'Pelapor', 'Masalah', 'Status', 'Tindak lanjut terakhir']));
    ws.getColumn(3).numFmt = DATE_TIME_FMT;
    ws.getColumn(3).width = 17;
    let n = 0;
    await addRows(ws, r.items, (i) => [++n, i.registrationNo, excelDateTime(i.receivedAt, settings.timeZone), i.reporter, i.summary, STATUS_LABELS[i.statusAtEnd], i.followUp], progress, 0, r.items.length);
  } else if (kind === 'rekapitulasi' && data.period) {
    const r = data.period;
    countSection(ws, '1. Berdasarkan Status Penanganan', 'Status Pengaduan', [
      { key: 's', label: 'Selesai ditangani', count: r.byStatus.finished },
      { key: 'p', label: 'Dalam proses penanganan', count: r.byStatus.inProcess },
    ]);
    countSection(ws, '2. Berdasarkan Jenis Pengaduan', 'Jenis Pengaduan', [
      { key: 'd', label: 'Berkadar Pengawasan (DarWas)', count: r.byType.darwas },
      { key: 'n', label: 'Tidak Berkadar Pengawasan (Non DarWas)', count: r.byType.nonDarwas },
      ...(r.byType.unverified ? [{ key: 'b', label: 'Belum diverifikasi', count: r.byType.unverified }] : []),
    ]);
    ws.addRow(['3. Berdasarkan Sumber Pengaduan']).font = { bold: true };
    bold(ws.addRow(['No', 'Sumber Pengaduan', 'Jumlah', 'Keterangan']));
    ws.addRow([1, 'Diterima dari KemenPANRB/TP5000/Instansi lain', r.bySource.fromAgencies, '']);
    ws.addRow([2, 'Diterima langsung, lewat kanal pengaduan kantor', r.bySource.direct, r.bySource.directChannels.map((c, i) => `${i + 1}. ${c}`).join(' ')]);
    bold(ws.addRow(['', 'Total Pengaduan', r.bySource.total, '']));
    progress(1, 1);
  } else if (kind === 'laporan_hasil' && data.period) {
    const r = data.period;
    const head = bold(ws.addRow(['No urut', 'Nomor surat', 'Tanggal surat', 'Pelapor', 'Terlapor', 'Substansi pengaduan', 'Dalam proses', 'Selesai: benar', 'Selesai: tidak', 'PP 53/2010', 'TP/TGR', 'Pidana', 'Lain-lain', 'Keterangan']));
    // The heading row repeats on every printed page and stays in view on screen.
    ws.pageSetup.printTitlesRow = `${head.number}:${head.number}`;
    ws.views = [{ state: 'frozen', ySplit: head.number }];
    [7, 20, 11, 22, 20, 45, 9, 9, 9, 9, 8, 8, 9, 30].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.getColumn(3).numFmt = DATE_FMT;
    for (const c of [4, 5, 6, 14]) ws.getColumn(c).alignment = { wrapText: true, vertical: 'top' };
    head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    // Ticks are 1 or empty so a column sums to its count in the spreadsheet.
    const one = (b: boolean) => (b ? 1 : null);
    await addRows(
      ws,
      r.results,
      (x) => [x.no, x.registrationNo, excelDate(x.receivedDate), x.reporter, x.reportedParty, x.substance, one(x.status === 'proses'), one(x.status === 'benar'), one(x.status === 'tidak_benar'), one(x.pp53), one(x.tpTgr), one(x.pidana), one(x.lainLain), x.remarks],
      progress,
      0,
      r.results.length,
    );
    if (r.results.length === 0) ws.addRow([1, '', null, '', '', '', null, null, null, null, null, null, null, 'nihil']);
  } else if (kind === 'monev' && data.monev) {
    bold(ws.addRow(['No', 'Kegiatan penanganan pengaduan', 'Kendala', 'Rencana tindak lanjut']));
    data.monev.rows.forEach((r, i) => ws.addRow([i + 1, r.activity, r.obstacles, r.plan]));
    progress(1, 1);
  }
  ws.addRow([]);
  ws.addRow(['', '', `${settings.place}, ${formatTanggal(today)}`]);
  ws.addRow(['', '', `${settings.teamName} — Ketua`]);
  ws.addRow(['', '', settings.ketuaName ?? '', settings.ketuaNip ? `NIP ${settings.ketuaNip}` : '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
