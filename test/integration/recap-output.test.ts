import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter } from '../../server/chromium-printer';
import type { Core } from '../../server/core';
import { DEFAULT_SETTINGS } from '../../forms/settings';
import { quarterOf, semesterOf, weekOf } from '../../forms/periods';
import { chromiumPath, formA, makeCore } from '../helpers';
import { readPdf } from '../pdf-text';

const chromium = chromiumPath();
let c: Core;
let clock = new Date('2026-11-18T03:00:00Z');

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await c.dispatch(method, input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

beforeAll(async () => {
  c = makeCore(undefined, { now: () => clock, ...(chromium ? { printer: new ChromiumPrinter() } : {}) });
  await c.dispatch('settings.save', { ...DEFAULT_SETTINGS, officeName: 'BTKLPP Kelas I Batam', place: 'Batam', teamName: 'Tim Penanganan DUMAS', ketuaName: 'Evi Yulia, S.Si', ketuaNip: '198001012005012001' });
  const a = await call<{ id: string }>('complaints.create', formA({ reporterName: 'Terang Benderang', receivedDate: '2026-11-16', problem: 'Antrean panjang' }));
  await call<{ id: string }>('complaints.create', formA({ reporterName: 'Rahasia Sekali', confidential: true, receivedDate: '2026-11-17', problem: 'Dugaan pungli' }));
  await call('complaints.transition', { id: a.id, action: 'verifikasi', input: { classification: 'pengaduan', jenis: 'd', darwas: true, category: '02 Pelayanan masyarakat', reportedParty: 'Petugas loket 2' } });
  await call('complaints.transition', { id: a.id, action: 'teruskan', input: { targets: [{ kind: 'unit', name: 'Bidang Pelayanan' }] } });
  await call('complaints.transition', { id: a.id, action: 'selesaikan', input: { outcome: 'benar', sanctions: ['pp53'], note: 'Teguran' } });
  clock = new Date('2026-11-24T03:00:00Z');
});
afterAll(async () => c?.close());

const pdf = async (kind: string, period: unknown, paper = 'A4') => {
  const r = await call<{ dataBase64: string; filename: string }>('recap.pdf', { kind, period, paper });
  return { filename: r.filename, ...(await readPdf(Buffer.from(r.dataBase64, 'base64'))) };
};

describe.skipIf(!chromium)('recaps printed to PDF', () => {
  it('weekly recap with counts, the list and the Ketua signing', async () => {
    const p = await pdf('mingguan', weekOf('2026-11-16'));
    for (const s of ['REKAP MINGGUAN PENGADUAN MASYARAKAT', 'BTKLPP Kelas I Batam', 'Menurut jenis pengaduan', 'd. Petugas tidak melayani dengan baik', 'nihil', 'Status pada akhir minggu', 'Daftar pengaduan dan tindak lanjutnya', 'Terang Benderang', 'Dirahasiakan', 'Tim Penanganan DUMAS', 'Ketua', 'Evi Yulia, S.Si', 'NIP 198001012005012001', 'Batam, 24 November 2026']) {
      expect(p.text).toContain(s);
    }
    expect(p.text).not.toContain('Rahasia Sekali');
    expect([p.widthMm, p.heightMm]).toEqual([210, 297]);
  });

  it('semester recap in the seed-000 layout on F4', async () => {
    const p = await pdf('rekapitulasi', semesterOf(2026, 2), 'F4');
    for (const s of ['REKAPITULASI DATA PENANGANAN PENGADUAN MASYARAKAT', 'Semester 2', 'Berdasarkan Status Penanganan', 'Selesai ditangani', 'Dalam proses penanganan', 'Berkadar Pengawasan (DarWas)', 'Tidak Berkadar Pengawasan (Non DarWas)', 'nihil', 'Berdasarkan Sumber Pengaduan', 'Diterima dari KemenPANRB/TP5000/Instansi lain', '1. Tatap muka', 'Total Pengaduan']) {
      expect(p.text).toContain(s);
    }
    expect([p.widthMm, p.heightMm]).toEqual([215, 330]);
  });

  it('results table prints landscape with sanctions, and nihil rows when empty', async () => {
    const p = await pdf('laporan_hasil', quarterOf(2026, 4));
    for (const s of ['LAPORAN HASIL PENANGANAN PENGADUAN MASYARAKAT', 'No & tanggal surat', 'Pelapor & terlapor', 'PP 53/2010', 'TP/TGR', 'Pidana', 'Terlapor: Petugas loket 2', 'Dirahasiakan', 'Diteruskan kepada Bidang Pelayanan']) {
      expect(p.text).toContain(s);
    }
    expect([p.widthMm, p.heightMm]).toEqual([297, 210]);
    const empty = await pdf('laporan_hasil', quarterOf(2026, 1));
    expect(empty.text.match(/nihil/g)).toHaveLength(3);
  });

  it('monitoring and evaluation table with what the supervisor wrote', async () => {
    const m = await call<{ rows: { activity: string; obstacles: string; plan: string }[] }>('monev.get', { year: 2026, quarter: 4 });
    m.rows[0]!.obstacles = 'SK tim belum ditinjau ulang.';
    m.rows[0]!.plan = 'Rapat tinjauan SK tim.';
    await call('monev.save', { year: 2026, quarter: 4, rows: m.rows });
    const p = await pdf('monev', quarterOf(2026, 4));
    for (const s of ['MONITORING DAN EVALUASI', 'Triwulan IV', 'Kegiatan penanganan pengaduan', 'Kendala', 'Rencana tindak lanjut', 'SK tim belum ditinjau ulang.', 'Rapat tinjauan SK tim.']) expect(p.text).toContain(s);
  });
});

describe('recaps exported to XLSX', () => {
  const exportOf = async (kind: string, period: unknown, paper?: string) => {
    const { jobId } = await call<{ jobId: string }>('recap.export.start', { kind, period, ...(paper ? { paper } : {}) });
    for (;;) {
      const s = await call<{ state: string; done: number; total: number; dataBase64: string | null; filename: string | null; message: string | null }>('recap.export.status', { jobId });
      if (s.state === 'failed') throw new Error(s.message ?? 'failed');
      if (s.state === 'done') {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(s.dataBase64!, 'base64') as unknown as ArrayBuffer);
        const ws = wb.worksheets[0]!;
        const rows: unknown[][] = [];
        const rowNumbers: number[] = [];
        ws.eachRow((r, n) => {
          rows.push((r.values as unknown[]).slice(1));
          rowNumbers.push(n);
        });
        /** The sheet row just below the first row that `test` picks. */
        const below = (test: (r: unknown[]) => boolean) => ws.getRow(rowNumbers[rows.findIndex(test)]! + 1);
        return { rows, ws, below, rowNumbers, filename: s.filename!, status: s };
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('writes the semester tables with real numbers and the same headings', async () => {
    const { rows, filename } = await exportOf('rekapitulasi', semesterOf(2026, 2));
    expect(filename).toBe('rekapitulasi-2026-07-01-2026-12-31.xlsx');
    const flat = rows.map((r) => r.join('|'));
    expect(flat).toContain('No|Status Pengaduan|Jumlah');
    const finished = rows.find((r) => r[1] === 'Selesai ditangani')!;
    expect(finished[2]).toBe(1);
    expect(typeof finished[2]).toBe('number');
    expect(rows.find((r) => r[1] === 'Total Pengaduan')![2]).toBe(2);
  });

  it('writes one row per complaint in the results table, protected reporters hidden', async () => {
    const { rows } = await exportOf('laporan_hasil', quarterOf(2026, 4));
    const head = rows.findIndex((r) => r[0] === 'No urut');
    const data = rows.slice(head + 1, head + 3);
    expect(rows[head]!.slice(1, 4)).toEqual(['Nomor surat', 'Tanggal surat', 'Pelapor']);
    expect(data.map((r) => r[3])).toEqual(['Terang Benderang', 'Dirahasiakan']);
    expect(data[0]![7]).toBe(1); // Selesai: benar
    expect(data[0]![9]).toBe(1); // PP 53/2010
    expect(JSON.stringify(rows)).not.toContain('Rahasia Sekali');
  });

  it('writes dates as Excel dates shown the id-ID way, and the signature date in words', async () => {
    const weekly = await exportOf('mingguan', weekOf('2026-11-16'));
    const received = weekly.below((r) => r[0] === 'No' && r[2] === 'Diterima').getCell(3);
    // Formulir A received 16 November 2026 at 09.15 (office clock): the cell holds that wall-clock moment.
    expect(received.value).toEqual(new Date(Date.UTC(2026, 10, 16, 9, 15)));
    expect(received.numFmt).toBe('dd/mm/yyyy hh"."mm');
    expect(weekly.rows.flat()).toContain('Batam, 24 November 2026');
    expect(weekly.rows.flat().filter((v) => typeof v === 'string').join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    const results = await exportOf('laporan_hasil', quarterOf(2026, 4));
    const date = results.below((r) => r[0] === 'No urut').getCell(3);
    expect(date.value).toEqual(new Date(Date.UTC(2026, 10, 16)));
    expect(date.numFmt).toBe('dd/mm/yyyy');
  });

  it('lays the results sheet out landscape like its PDF: fit to width, header repeated, on A4 or F4', async () => {
    for (const [paper, code] of [['A4', 9], ['F4', 14]] as const) {
      const { ws, rows, rowNumbers } = await exportOf('laporan_hasil', quarterOf(2026, 4), paper);
      const head = rowNumbers[rows.findIndex((r) => r[0] === 'No urut')];
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: code, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow).toBe(`${head}:${head}`);
    }
    const weekly = await exportOf('mingguan', weekOf('2026-11-16'), 'F4');
    expect(weekly.ws.pageSetup).toMatchObject({ orientation: 'portrait', paperSize: 14, fitToPage: true, fitToWidth: 1 });
  });

  it('draws the same rows, nihil fillers, heading and signature as the printed recap', async () => {
    // No complaints in the first quarter: three numbered nihil rows, as the PDF prints them.
    const empty = await exportOf('laporan_hasil', quarterOf(2026, 1));
    const head = empty.rows.findIndex((r) => r[0] === 'No urut');
    expect(empty.rows.slice(head + 1, head + 4).map((r) => [r[0], r.at(-1)])).toEqual([[1, 'nihil'], [2, 'nihil'], [3, 'nihil']]);
    const weekly = await exportOf('mingguan', weekOf('2026-11-16'));
    const flat = weekly.rows.map((r) => r.join('|'));
    // The region under the office, as on paper; the channels used that week and the counter, as on paper.
    expect(weekly.rows[2]).toEqual([DEFAULT_SETTINGS.kabupatenKota]);
    const channels = flat.slice(flat.indexOf('No|Sarana pengaduan|Jumlah') + 1, flat.indexOf('|Total|2', flat.indexOf('No|Sarana pengaduan|Jumlah')));
    expect(channels).toEqual(['1|Tatap muka|2']);
    // A count is a plain number in its cell, never formatted as a date.
    expect(weekly.below((r) => r[1] === 'Sarana pengaduan').getCell(3).numFmt ?? '').not.toMatch(/yy|mm/);
    // The signature as printed: place and the host's date, team, Ketua, the name and NIP on lines of their own.
    const sign = flat.slice(flat.indexOf('||Batam, 24 November 2026'));
    expect(sign).toEqual(['||Batam, 24 November 2026', '||Tim Penanganan DUMAS', '||Ketua', '||', '||Evi Yulia, S.Si', '||NIP 198001012005012001']);
  });

  it('reports progress and forgets a finished export after handing it over', async () => {
    const { jobId } = await call<{ jobId: string }>('recap.export.start', { kind: 'mingguan', period: weekOf('2026-11-16') });
    let last: { state: string; done: number; total: number } | null = null;
    while (!last || last.state === 'running') {
      last = await call('recap.export.status', { jobId });
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(last).toMatchObject({ state: 'done', done: 2, total: 2 });
    expect(await c.dispatch('recap.export.status', { jobId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
