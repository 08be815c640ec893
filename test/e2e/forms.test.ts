import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../forms/settings';
import { pngBytes } from '../fixtures';
import { readPdf } from '../pdf-text';
import { chromiumExecutable, openApp, withSession, type E2E } from './browser';
import { focusedLabel, tabTo } from './keyboard';

describe.skipIf(!chromiumExecutable)('Formulir A, B and C in Chromium', () => {
  let app: E2E;
  const count = (sql: string, ...args: unknown[]) => app.core.database.sqlite.prepare(sql).pluck().get(...args);
  beforeAll(async () => {
    app = await openApp({
      setup: async (core) => {
        await core.dispatch('settings.save', { ...DEFAULT_SETTINGS, officeName: 'DPMPTSP Kabupaten Buton Utara', place: 'Buranga', timeZone: 'WITA' });
      },
    });
  });
  afterAll(async () => app?.close());

  const open = async (form: 'a' | 'b' | 'c') => {
    // Through the list, so the form is a fresh one even when the page already shows it after a save.
    await app.page.goto(new URL('/#/daftar', app.host.url.split('?')[0]).href);
    await app.page.goto(new URL(`/#/formulir/${form}`, app.host.url.split('?')[0]).href);
    await app.page.waitForFunction(() => document.activeElement?.tagName === 'INPUT' || document.activeElement?.tagName === 'TEXTAREA');
  };
  const savedNumber = async () => {
    await app.page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
    return (await app.page.getByTestId('registration-no').textContent())!;
  };

  it('completes and saves Formulir A without a mouse, Tab following the paper', async () => {
    const { page } = app;
    await open('a');
    expect(await focusedLabel(page)).toBe('Nama lengkap');
    const order = ['Nama lengkap'];
    await page.keyboard.type('Hasanuddin Latif');
    for (const [label, text] of [
      ['Institusi', 'Koperasi Nelayan Lakansai'],
      ['Alamat lengkap', 'Jl. Pelabuhan No. 3, Ereke'],
      ['Pukul/Jam', null],
      ['Hari/Tanggal', null],
      ['Masalah pengaduan', 'Antrean pelayanan terlalu lama'],
      ['Uraian pengaduan', 'Menunggu tiga jam karena hanya satu loket buka.'],
      ['Penyelesaian', 'Dijelaskan jadwal loket tambahan.'],
    ] as const) {
      await page.keyboard.press('Tab');
      const passed = await tabTo(page, label);
      order.push(...passed.filter((l) => l !== order.at(-1)), label);
      if (text) await page.keyboard.type(text);
    }
    expect(order.filter((l, i) => order.indexOf(l) === i)).toEqual(['Nama lengkap', 'Institusi', 'Alamat lengkap', 'Pukul/Jam', 'Hari/Tanggal', 'Masalah pengaduan', 'Uraian pengaduan', 'Penyelesaian']);
    await page.keyboard.press('Control+s');
    const reg = await savedNumber();
    expect(reg).toMatch(/^ADU\/2026\/\d{6}$/);
    expect(await page.getByRole('status').textContent()).toContain('Nomor registrasi');
    expect(count('SELECT count(*) FROM complaints WHERE registration_no = ? AND reporter_name = ? AND resolution = ?', reg, 'Hasanuddin Latif', 'Dijelaskan jadwal loket tambahan.')).toBe(1);
  });

  it('keys ten Formulir B slips with the keyboard only, counting them', async () => {
    const { page } = app;
    await open('b');
    const before = Number(count("SELECT count(*) FROM complaints WHERE form = 'B'"));
    const numbers: string[] = [];
    for (let i = 1; i <= 10; i++) {
      expect(await focusedLabel(page)).toBe('Isi pengaduan');
      await page.keyboard.type(`Slip nomor ${i}: lampu ruang tunggu mati dan kursi kurang.`);
      await page.keyboard.press('Tab');
      await page.keyboard.type(`Pelapor Slip ${i}`);
      await page.keyboard.press('Tab');
      await page.keyboard.type('Jl. Merdeka, Buranga');
      await page.keyboard.press('Tab'); // Jenis kelamin
      await page.keyboard.press(i % 2 ? 'L' : 'P');
      await page.keyboard.press('Tab');
      await page.keyboard.type(`0812-3456-${String(7000 + i)}`);
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('sitting-counter').filter({ hasText: `Dicatat pada sesi ini: ${i}` }).waitFor();
      numbers.push(await savedNumber());
      await page.waitForFunction(() => (document.activeElement as HTMLTextAreaElement | null)?.value === '' && document.activeElement?.id === 'f-content');
    }
    expect(new Set(numbers).size).toBe(10);
    expect(Number(count("SELECT count(*) FROM complaints WHERE form = 'B'")) - before).toBe(10);
    expect(count("SELECT reporter_phone FROM complaints WHERE reporter_name = 'Pelapor Slip 3'")).toBe('+6281234567003');
    expect(count("SELECT reporter_gender FROM complaints WHERE reporter_name = 'Pelapor Slip 4'")).toBe('P');
    expect(count("SELECT count(*) FROM drafts WHERE form = 'B'")).toBe(0);
  });

  it('completes Formulir C from the keyboard, choosing the channel with arrow keys', async () => {
    const { page } = app;
    await open('c');
    await page.keyboard.type('Dewi Lestari');
    await page.keyboard.press('Tab');
    await page.keyboard.type('UD Maju Jaya');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('+62 812 1111 2222');
    await page.keyboard.press('Tab');
    await tabTo(page, 'Sarana pengaduan');
    await page.keyboard.press('ArrowDown'); // telepon
    await page.keyboard.press('ArrowDown'); // surat
    await page.keyboard.press('ArrowDown'); // faksimile
    await page.keyboard.press('ArrowDown'); // surel
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Materi pengaduan');
    await page.keyboard.type('Website perizinan tidak bisa dibuka sejak Senin.');
    await page.keyboard.press('Control+s');
    const reg = await savedNumber();
    expect(count('SELECT channel FROM complaints WHERE registration_no = ?', reg)).toBe('surel');
    expect(count('SELECT reporter_phone FROM complaints WHERE registration_no = ?', reg)).toBe('+6281211112222');
  });

  it('shows specific Indonesian messages beside the fields and saves nothing while they show', async () => {
    const { page } = app;
    await open('b');
    const before = count('SELECT count(*) FROM complaints');
    await page.getByLabel('Telp./HP').fill('12345');
    await page.getByLabel('Email').fill('warga@');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    const messageOf = async (label: string) => {
      const input = page.getByLabel(label, { exact: true });
      await page.waitForFunction((id) => document.getElementById(id)?.getAttribute('aria-invalid') === 'true', (await input.getAttribute('id'))!);
      const ids = (await input.getAttribute('aria-describedby'))!.split(' ');
      return page.locator(`#${ids.at(-1)}`).textContent();
    };
    expect(await messageOf('Isi pengaduan')).toBe('Isi pengaduan wajib diisi.');
    expect(await messageOf('Telp./HP')).toContain('Telp./HP tidak dikenali');
    expect(await messageOf('Email')).toContain('Email tidak valid');
    expect(await page.getByRole('alert').filter({ hasText: 'Email tidak valid' }).count()).toBe(1);
    await open('c');
    await page.getByLabel('Nama lengkap').fill('Budi');
    await page.getByLabel('Materi pengaduan').fill('Surat keluhan');
    await page.keyboard.press('Control+s');
    expect(await messageOf('Sarana pengaduan')).toBe('Sarana pengaduan wajib dipilih.');
    expect(count('SELECT count(*) FROM complaints')).toBe(before);
  });

  it('keeps a rahasia reporter out of the list and the search, and finds the complaint by its words', async () => {
    const { page } = app;
    await open('a');
    await page.getByLabel('Nama lengkap').fill('Yusuf Rahasiawan');
    await page.getByLabel('Alamat lengkap').fill('Jl. Kartini, Ereke');
    await page.getByLabel('Masalah pengaduan').fill('Dugaan pungutan liar di loket');
    await page.getByLabel('Uraian pengaduan').fill('Diminta uang pelicin agar berkas cepat diproses.');
    await page.getByLabel('Rahasia (pengaduan tidak dipublikasikan)').check();
    await page.keyboard.press('Control+s');
    const reg = await savedNumber();
    await page.getByRole('link', { name: 'Daftar Pengaduan' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: reg }) });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('Dirahasiakan');
    expect(await page.getByRole('table').textContent()).not.toContain('Rahasiawan');

    const search = async (q: string) => {
      await page.getByRole('searchbox').fill(q);
      await page.getByRole('button', { name: 'Terapkan' }).click();
      await page.waitForFunction(() => !document.querySelector('[data-testid="list-total"]')?.textContent?.includes('Memuat'));
      return page.getByTestId('list-total').textContent();
    };
    expect(await search('pelicin')).toBe('1 pengaduan');
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('Dirahasiakan');
    expect(await search('Rahasiawan')).toBe('0 pengaduan');
    expect(await search('Hasanuddin')).toBe('1 pengaduan');
    await page.getByRole('combobox', { name: 'Formulir' }).selectOption('B');
    await search('');
    expect(await page.getByTestId('list-total').textContent()).toBe('10 pengaduan');
  });

  it('attaches a scan, lists it on the complaint and shows it', async () => {
    const { page } = app;
    await open('a');
    await page.getByLabel('Nama lengkap').fill('Ratna Handayani');
    await page.getByLabel('Alamat lengkap').fill('Jl. Diponegoro, Bonegunu');
    await page.getByLabel('Masalah pengaduan').fill('Sertifikat tanah belum diserahkan');
    await page.getByLabel('Uraian pengaduan').fill('Sertifikat program pendaftaran tanah belum diterima warga.');
    await page.getByLabel('Lampiran', { exact: true }).setInputFiles({ name: 'slip-scan.png', mimeType: 'image/png', buffer: pngBytes(16, 16) });
    await page.getByRole('list', { name: 'Lampiran terunggah' }).getByText('slip-scan.png').waitFor();
    await page.getByLabel('Lampiran', { exact: true }).setInputFiles({ name: 'virus.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
    await page.getByRole('alert').filter({ hasText: 'PDF, JPG atau PNG yang sah' }).waitFor();
    await page.keyboard.press('Control+s');
    await savedNumber();
    await page.getByRole('link', { name: 'Lihat detail' }).click();
    await page.getByRole('heading', { name: 'Lampiran' }).waitFor();
    await page.getByText('slip-scan.png').waitFor();
    await page.getByRole('button', { name: 'Lihat' }).click();
    const img = page.getByRole('img', { name: 'Lampiran slip-scan.png' });
    await img.waitFor();
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(16);
    await page.getByRole('list').filter({ hasText: 'Dicatat' }).waitFor();
  });

  it('prints the filled form and the receipt to PDF from the complaint', async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: 'Ukuran kertas' }).selectOption('F4');
    await page.getByRole('button', { name: 'Cetak formulir' }).click();
    const link = page.getByTestId('pdf-link');
    await link.waitFor();
    // The officer's path: click the link, the browser downloads the PDF.
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^formulir-a-ADU-2026-\d{6}-F4\.pdf$/);
    const pdf = await readPdf(fs.readFileSync((await download.path())!));
    for (const s of ['FORMULIR A', 'Nama lengkap', 'Ratna Handayani', 'Masalah pengaduan', 'Sertifikat tanah belum diserahkan', 'Buranga,']) expect(pdf.text).toContain(s);
    expect([pdf.widthMm, pdf.heightMm]).toEqual([215, 330]);
    await page.getByRole('button', { name: 'Cetak tanda terima' }).click();
    await page.getByTestId('pdf-link').filter({ hasText: 'tanda-terima' }).waitFor();
  });

  it('hints at a duplicate with the earlier number and saves after confirmation', async () => {
    const { page } = app;
    const fill = async () => {
      await open('a');
      await page.getByLabel('Nama lengkap').fill('Joko Kurniawan');
      await page.getByLabel('Alamat lengkap').fill('Jl. Sultan Hasanuddin, Kambowa');
      await page.getByLabel('Masalah pengaduan').fill('Izin usaha mikro belum terbit');
      await page.getByLabel('Uraian pengaduan').fill('Permohonan izin usaha mikro sejak bulan lalu belum terbit.');
      await page.keyboard.press('Control+s');
    };
    await fill();
    const first = await savedNumber();
    await fill();
    const hint = page.getByRole('alert').filter({ hasText: 'mirip dengan' });
    await hint.waitFor();
    expect(await hint.textContent()).toContain(first);
    await page.getByRole('button', { name: 'Tetap simpan' }).click();
    const second = await savedNumber();
    expect(second).not.toBe(first);
  });

  it('works at 200% zoom on a 1366×768 screen', async () => {
    const page = await app.browser.newPage({ viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
    await withSession(page, app.session!);
    await page.goto(app.host.url.replace('/?', '/?') + '#/formulir/c');
    await page.getByLabel('Materi pengaduan').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const save = page.getByRole('button', { name: 'Simpan', exact: true });
    await save.scrollIntoViewIfNeeded();
    expect(await save.isVisible()).toBe(true);
    const box = (await save.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(683);
    await page.close();
  });
});
