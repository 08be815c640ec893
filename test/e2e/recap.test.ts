import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../forms/settings';
import { formA, seedAccount } from '../helpers';
import { readPdf } from '../pdf-text';
import { chromiumExecutable, openApp, type E2E } from './browser';

describe.skipIf(!chromiumExecutable)('Rekap in Chromium', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp({
      now: () => new Date('2026-11-24T03:00:00Z'),
      setup: async (core) => {
        // The recaps are signed by the ketua chosen in Pengaturan.
        const ketua = seedAccount(core.database.db, { username: 'hasan', name: 'Hasanuddin', roles: ['ketua'] });
        await core.dispatch('settings.save', { ...DEFAULT_SETTINGS, officeName: 'DPMPTSP Kabupaten Buton Utara', place: 'Buranga', ketuaAccountId: ketua.id, targetReceived: 100 });
        await core.dispatch('complaints.create', formA({ reporterName: 'Andi Terbuka', receivedDate: '2026-11-23', receivedTime: '09:00' }));
        await core.dispatch('complaints.create', formA({ reporterName: 'Budi Rahasia', confidential: true, receivedDate: '2026-11-24', receivedTime: '08:00', problem: 'Pungli di loket' }));
      },
    });
    await app.page.evaluate(() => (window.location.hash = '#/rekap'));
  });
  afterAll(async () => app?.close());

  it('shows the weekly recap with nihil, the week list and the charts, hiding a rahasia reporter', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: /Rekap mingguan pengaduan masyarakat — 23 November 2026 – 29 November 2026/ }).waitFor();
    const summary = page.getByRole('table', { name: 'Ringkasan minggu' });
    await summary.getByRole('cell').first().waitFor();
    // Received 2, finished nihil, overdue 1: the walk-in of Monday missed its same-day answer.
    expect(await summary.getByRole('cell').allTextContents()).toEqual(['2', 'nihil', '1']);
    await page.getByRole('cell', { name: 'Dirahasiakan' }).waitFor();
    expect(await page.getByText('Budi Rahasia').count()).toBe(0);
    expect(await page.getByRole('cell', { name: 'nihil' }).count()).toBeGreaterThan(5);
    await page.getByRole('img', { name: /Pengaduan per minggu/ }).waitFor();
  });

  it('prints the weekly recap to PDF and exports XLSX with progress', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Cetak PDF' }).click();
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('recap-file').click()]);
    const pdf = await readPdf(fs.readFileSync((await pdfDownload.path())!));
    for (const s of ['REKAP MINGGUAN', 'Andi Terbuka', 'Dirahasiakan', 'Hasanuddin']) expect(pdf.text).toContain(s);
    expect(pdf.text).not.toContain('Budi Rahasia');
    await page.getByRole('button', { name: 'Ekspor XLSX' }).click();
    const link = page.getByTestId('recap-file').filter({ hasText: '.xlsx' });
    await link.waitFor();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsx.path())!);
    const values: unknown[] = [];
    wb.worksheets[0]!.eachRow((r) => values.push(...(r.values as unknown[])));
    expect(values).toContain('Andi Terbuka');
    expect(values).not.toContain('Budi Rahasia');
  });

  it('shows the semester tables, saves monitoring and shows the yearly indicators', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Rekapitulasi' }).click();
    await page.getByRole('heading', { name: '1. Berdasarkan Status Penanganan' }).waitFor();
    await page.getByRole('cell', { name: 'Diterima dari KemenPANRB/TP5000/Instansi lain' }).waitFor();
    await page.getByRole('tab', { name: 'Monitoring & evaluasi' }).click();
    await page.getByLabel('Kendala 1').fill('SK tim belum diperbarui.');
    await page.getByRole('button', { name: 'Simpan monev' }).click();
    await page.getByRole('status').filter({ hasText: 'Monitoring dan evaluasi tersimpan.' }).waitFor();
    await page.getByRole('tab', { name: 'Indikator' }).click();
    const table = page.getByRole('table', { name: 'Indikator' });
    await table.getByRole('row').filter({ hasText: 'Tahun 2026' }).filter({ hasText: '100' }).waitFor();
    await page.getByRole('img', { name: /Persentase selesai per bulan/ }).waitFor();
  });

  it('prints the period recap, the results table and the monitoring table to PDF from their tabs', async () => {
    const { page } = app;
    const printed = async (tab: string) => {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('button', { name: 'Cetak PDF' }).click();
      const link = page.getByTestId('recap-file').filter({ hasText: '.pdf' });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      return readPdf(fs.readFileSync((await download.path())!));
    };
    const period = await printed('Rekapitulasi');
    for (const s of ['REKAPITULASI DATA PENANGANAN PENGADUAN MASYARAKAT', 'Berdasarkan Status Penanganan', 'Diterima dari KemenPANRB/TP5000/Instansi lain', 'nihil']) expect(period.text).toContain(s);
    const results = await printed('Laporan hasil');
    for (const s of ['LAPORAN HASIL PENANGANAN PENGADUAN MASYARAKAT', 'PP 53/2010', 'Andi Terbuka', 'Dirahasiakan']) expect(results.text).toContain(s);
    expect(results.text).not.toContain('Budi Rahasia');
    expect(results.widthMm).toBeGreaterThan(results.heightMm); // the wide table prints landscape
    const monev = await printed('Monitoring & evaluasi');
    for (const s of ['MONITORING DAN EVALUASI', 'Kendala', 'SK tim belum diperbarui.']) expect(monev.text).toContain(s);
  });

  it('shows each period its own indicators', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Indikator' }).click();
    const table = page.getByRole('table', { name: 'Indikator' });
    const periodRow = async () => (await table.getByRole('row').nth(1).getByRole('cell').allTextContents()).join('|');
    await page.getByRole('button', { name: 'TW IV' }).click();
    await table.getByRole('rowheader', { name: /^Triwulan IV/ }).waitFor();
    // Two received in the fourth quarter; its share of the yearly target of 100 is 92/365 of it.
    expect(await periodRow()).toBe('2|25|0|0%|100%');
    await page.getByRole('button', { name: 'TW I', exact: true }).click();
    await table.getByRole('rowheader', { name: /^Triwulan I / }).waitFor();
    expect(await periodRow()).toBe('0|25|0|0%|100%');
    await page.getByRole('img', { name: /Pengaduan diterima per bulan \(garis: target\)\. Januari 2026: 0; Februari 2026: 0; Maret 2026: 0; target 8,3/ }).waitFor();
  });

  it('keeps the chosen period across the recap tabs and after visiting another page', async () => {
    const { page } = app;
    const heading = (text: RegExp) => page.getByRole('heading', { level: 2, name: text }).waitFor();
    await page.getByRole('tab', { name: 'Rekapitulasi' }).click();
    await page.getByRole('button', { name: 'TW III' }).click();
    await heading(/^Rekapitulasi data penanganan pengaduan masyarakat — Triwulan III/);
    await page.getByRole('tab', { name: 'Laporan hasil' }).click();
    await heading(/^Laporan hasil penanganan pengaduan masyarakat — Triwulan III/);
    await page.getByRole('tab', { name: 'Indikator' }).click();
    await heading(/^Indikator — Triwulan III/);
    await page.getByRole('tab', { name: 'Monitoring & evaluasi' }).click();
    await heading(/Triwulan III/);
    // The weekly recap takes the last week of the chosen quarter.
    await page.getByRole('tab', { name: 'Rekap mingguan' }).click();
    await heading(/^Rekap mingguan pengaduan masyarakat — 28 September 2026 – 4 Oktober 2026/);
    await page.getByRole('tab', { name: 'Rekapitulasi' }).click();
    await heading(/Triwulan III/);
    await page.getByRole('link', { name: 'Daftar Pengaduan' }).click();
    await page.getByRole('link', { name: 'Rekap' }).click();
    await heading(/^Rekapitulasi data penanganan pengaduan masyarakat — Triwulan III/);
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Rekapitulasi');
  });

  it('sets the yearly targets in Pengaturan, checked beside the field, and Indikator measures against them', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Pengaturan' }).click();
    const received = page.getByLabel('Target pengaduan diterima per tahun');
    const percent = page.getByLabel('Target persentase pengaduan selesai (%)');
    expect(await received.inputValue()).toBe('100');
    expect(await percent.inputValue()).toBe('100');
    await received.fill('');
    await percent.fill('120');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Target pengaduan diterima per tahun wajib diisi (0 bila belum ditetapkan).').waitFor();
    await page.getByText('Target persentase pengaduan selesai paling besar 100.').waitFor();
    expect(await percent.getAttribute('aria-invalid')).toBe('true');
    await received.fill('1.460');
    await percent.fill('97,5');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Pengaturan tersimpan.').waitFor();
    await page.getByRole('link', { name: 'Rekap' }).click();
    await page.getByRole('tab', { name: 'Indikator' }).click();
    await page.getByRole('button', { name: 'TW IV' }).click();
    const table = page.getByRole('table', { name: 'Indikator' });
    await table.getByRole('row').filter({ hasText: 'Tahun 2026' }).filter({ hasText: '1.460' }).filter({ hasText: '97,5%' }).waitFor();
    // 1.460 a year is four a day: 92 days of the fourth quarter.
    await table.getByRole('row').filter({ hasText: 'Triwulan IV' }).filter({ hasText: '368' }).waitFor();
  });
});
