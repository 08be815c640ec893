// Printed recaps use their sheets well: a quiet week on one page, table headings on every page,
// no row or small table split across pages, no heading or signature alone at a page's end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterOf, weekOf } from '../../forms/periods';
import { PAPER_SIZES } from '../../forms/print';
import type { PeriodRecap } from '../../forms/recap';
import { DEFAULT_SETTINGS } from '../../forms/settings';
import { ChromiumPrinter } from '../../server/chromium-printer';
import type { Core } from '../../server/core';
import { RECAP_LAYOUTS } from '../../forms/recap-layouts';
import { recapBody, recapPage } from '../../server/recap-html';
import { chromiumPath, formA, makeCore } from '../helpers';
import { readPdfPages } from '../pdf-text';

const chromium = chromiumPath();
const COMPLAINTS = 300;
const substance = (i: number) => `Masalah nomor ${i} `.repeat(1 + (i % 7)).trim();

describe.skipIf(!chromium)('recaps printed without wasted or broken pages', () => {
  let c: Core;
  const printer = new ChromiumPrinter();
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await c.dispatch(method, input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as T;
  };
  const pages = async (kind: string, period: unknown, paper: string) => {
    const r = await call<{ dataBase64: string; pages: number }>('recap.pdf', { kind, period, paper });
    const text = await readPdfPages(Buffer.from(r.dataBase64, 'base64'));
    expect(text).toHaveLength(r.pages);
    return text;
  };

  beforeAll(async () => {
    c = makeCore(undefined, { now: () => new Date('2026-11-24T03:00:00Z'), printer });
    await call('settings.save', { ...DEFAULT_SETTINGS, officeName: 'DPMPTSP Kabupaten Buton Utara', place: 'Buranga', ketuaName: 'Hasanuddin' });
    for (let i = 0; i < COMPLAINTS; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      await call('complaints.create', formA({ reporterName: `Pelapor ${i}`, reporterInstitution: null, receivedDate: `2026-10-${day}`, problem: substance(i), content: `Uraian ${i}` }));
    }
  }, 120_000);
  afterAll(async () => {
    await c?.close();
    await printer.close();
  });

  it.each(PAPER_SIZES)('prints an empty week on one %s page', async (paper) => {
    const text = await pages('mingguan', weekOf('2026-11-09'), paper);
    expect(text).toHaveLength(1);
    expect(text[0]).toContain('6. Daftar pengaduan dan tindak lanjutnya');
    expect(text[0]).toContain('Hasanuddin');
  });

  it.each(PAPER_SIZES)('prints a long laporan hasil on %s with the heading on every page, whole rows, and rows beside the signature', async (paper) => {
    const text = await pages('laporan_hasil', quarterOf(2026, 4), paper);
    console.log(`laporan hasil, ${COMPLAINTS} complaints, ${paper} landscape: ${text.length} pages`);
    expect(text.length).toBeGreaterThan(5);
    const heading = 'No urut No & tanggal surat Pelapor & terlapor Substansi pengaduan Status tindak lanjut Sanksi Keterangan';
    expect(text[0]).toContain(heading);
    text.slice(1).forEach((t) => expect(t.startsWith(heading), t.slice(0, 120)).toBe(true));
    // Each complaint's row, whole, on exactly one page.
    const rows = await call<PeriodRecap>('recap.period', quarterOf(2026, 4));
    expect(rows.results).toHaveLength(COMPLAINTS);
    for (const r of rows.results) {
      const on = text.filter((t) => t.includes(`${r.registrationNo} `));
      expect(on, r.registrationNo).toHaveLength(1);
      expect(on[0]).toContain(`${r.no} ${r.registrationNo}`);
      expect(on[0]).toContain(`${r.reporter} Terlapor: - ${r.substance}`);
    }
    const last = text.at(-1)!;
    expect(last).toMatch(/ADU\/2026\/\d{6}/);
    expect(last).toMatch(/Buranga, 24 November 2026 .*Ketua .*Hasanuddin$/);
  });

  it('keeps each section heading with its table, and the signature with the last rows, wherever the page ends', async () => {
    const settings = await call<typeof DEFAULT_SETTINGS>('settings.get', {});
    const body = recapBody(RECAP_LAYOUTS.rekapitulasi(await call<PeriodRecap>('recap.period', quarterOf(2026, 4))), settings.timeZone);
    // One print holding the recap many times, each copy on fresh pages and pushed down a little
    // further, so that in turn every heading, row and the signature meets the end of a page.
    const offsets = Array.from({ length: 22 }, (_, i) => 96 + 6 * i);
    const copies = (sign: string) => offsets.map((mm) => `<div style="break-before:page"><p>Salinan ${mm} mm</p><div style="height:${mm}mm"></div>${body(sign)}</div>`).join('');
    const text = await readPdfPages(await printer.pdf(recapPage('rekapitulasi', settings, quarterOf(2026, 4), copies, '2026-11-24'), 'A4'));
    /** The pages of one copy. */
    const copy = (all: string[], mm: number) => {
      const first = all.findIndex((t) => t.includes(`Salinan ${mm} mm`));
      const next = all.findIndex((t, i) => i > first && t.includes('Salinan '));
      return all.slice(first, next === -1 ? undefined : next);
    };
    const sections: [string, string][] = [
      ['1. Berdasarkan Status Penanganan', 'No Status Pengaduan Jumlah 1 Selesai ditangani'],
      ['2. Berdasarkan Jenis Pengaduan', 'No Jenis Pengaduan Jumlah 1 Berkadar Pengawasan (DarWas)'],
      ['3. Berdasarkan Sumber Pengaduan', 'No Sumber Pengaduan Jumlah Keterangan 1 Diterima dari KemenPANRB'],
    ];
    for (const mm of offsets) {
      const pages = copy(text, mm);
      for (const [heading, start] of sections) expect(pages.find((t) => t.includes(heading)), `${heading} at ${mm} mm`).toContain(`${heading} ${start}`);
      expect(pages.at(-1), `signature at ${mm} mm`).toMatch(/Total Pengaduan .*Ketua/);
    }

    // A long table: the signature takes the last row along to a new page rather than stand alone.
    const results = await call<PeriodRecap>('recap.period', { from: '2026-10-01', to: '2026-10-01' });
    expect(results.results.length).toBeGreaterThan(5);
    const landscape = await readPdfPages(await printer.pdf(recapPage('laporan_hasil', settings, quarterOf(2026, 4), (sign) => offsets.map((mm) => `<div style="break-before:page"><p>Salinan ${mm} mm</p><div style="height:${mm / 2}mm"></div>${recapBody(RECAP_LAYOUTS.laporan_hasil(results), settings.timeZone)(sign)}</div>`).join(''), '2026-11-24'), 'A4', true));
    for (const mm of offsets) {
      const pages = copy(landscape, mm);
      expect(pages.at(-1), `signature at ${mm / 2} mm`).toMatch(new RegExp(`${results.results.length} ADU/2026/\\d{6} .*Ketua`));
      if (pages.length > 1) expect(pages.at(-1)).toMatch(/^No urut/);
    }
  });
});
