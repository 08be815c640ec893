// The *Log audit* screen's rows as an XLSX file (exceljs): one row per entry, the time as a real
// date, the hash chain's columns included so a copy kept elsewhere can be compared later.
import ExcelJS from 'exceljs';
import { AUDIT_ACTION_LABELS, detailText, type AuditRow } from '../forms/audit';
import type { TimeZone } from '../forms/time';
import { DATE_TIME_FMT, excelDateTime } from './recap-xlsx';

export async function auditWorkbook(rows: AuditRow[], tz: TimeZone, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Loket Aduan';
  const ws = wb.addWorksheet('Log audit');
  ws.addRow([title]).font = { bold: true };
  ws.addRow([]);
  const head = ws.addRow(['No', `Waktu (${tz})`, 'Akun', 'Kegiatan', 'Perintah', 'Objek', 'Hasil', 'Keterangan', 'Hash']);
  head.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: head.number }];
  [8, 18, 28, 34, 24, 28, 14, 60, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const r of rows) {
    const row = ws.addRow([r.seq, excelDateTime(r.at, tz), r.accountName, AUDIT_ACTION_LABELS[r.action], r.method, r.object, r.outcome, detailText(r.detail), r.hash]);
    row.getCell(2).numFmt = DATE_TIME_FMT;
    row.getCell(8).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
