// Dates and times are typed as an Indonesian office writes them (25/11/2026, 14.16) whatever the
// browser's locale, in one Tab stop each, and travel as YYYY-MM-DD / HH:mm.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromLocal } from '../../forms/time';
import { formA } from '../helpers';
import { openScreen, screens } from './a11y';
import { chromiumExecutable, openApp, SCREENSHOTS_DIR, type E2E } from './browser';
import { focusedLabel } from './keyboard';

describe.skipIf(!chromiumExecutable)('date and time fields in id-ID', () => {
  let app: E2E;
  let detailId = '';
  const base = () => app.host.url.split('?')[0]!;
  const sql = (q: string, ...args: unknown[]) => app.core.database.sqlite.prepare(q).pluck().get(...args);
  beforeAll(async () => {
    app = await openApp({
      setup: async (core) => {
        const r = await core.dispatch('complaints.create', formA({ receivedDate: '2026-11-18', receivedTime: '10:00' }));
        if (!r.ok) throw new Error(r.error.message);
        detailId = (r.value as { id: string }).id;
      },
    });
  });
  afterAll(async () => app?.close());

  /** The message linked to a field (aria-describedby), once it shows. */
  const messageOf = async (label: string) => {
    const input = app.page.getByLabel(label, { exact: true });
    await app.page.waitForFunction((id) => document.getElementById(id)?.getAttribute('aria-invalid') === 'true', (await input.getAttribute('id'))!);
    const ids = (await input.getAttribute('aria-describedby'))!.split(' ');
    return app.page.locator(`#${ids.at(-1)}`).textContent();
  };

  it('types a time and a date in one Tab stop each, shown as 14.16 and 25/11/2026, saved as the wire values', async () => {
    const { page } = app;
    await page.goto(`${base()}#/formulir/a`);
    await page.waitForFunction(() => document.activeElement?.id === 'f-reporterName');
    // Prefilled with now, written the Indonesian way.
    expect(await page.getByLabel('Pukul/Jam').inputValue()).toMatch(/^([01]\d|2[0-3])\.[0-5]\d$/);
    expect(await page.getByLabel('Hari/Tanggal').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);

    await page.getByLabel('Nama lengkap').fill('Sitti Aminah');
    await page.getByLabel('Alamat lengkap').fill('Jl. Poros Ereke No. 12');
    await page.getByLabel('Alamat lengkap').focus();
    const stops: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focusedLabel(page));
      // Tab selects what is there, so typing replaces it: digits only, the separators come by themselves.
      if (i === 0) await page.keyboard.type('0905');
      if (i === 1) await page.keyboard.type('20112026');
    }
    expect(stops).toEqual(['Pukul/Jam', 'Hari/Tanggal', 'Masalah pengaduan']);
    expect(await page.getByLabel('Pukul/Jam').inputValue()).toBe('09.05');
    expect(await page.getByLabel('Hari/Tanggal').inputValue()).toBe('20/11/2026');

    // Retyping a date over a full one stops at four year digits (the native field made year 11990).
    await page.getByLabel('Hari/Tanggal').focus();
    await page.keyboard.press('End');
    await page.keyboard.type('0');
    expect(await page.getByLabel('Hari/Tanggal').inputValue()).toBe('20/11/2026');

    await page.getByLabel('Masalah pengaduan').fill('Pelayanan KTP lambat');
    await page.getByLabel('Uraian pengaduan').fill('Antrean KTP elektronik tidak bergerak sejak pagi.');
    await page.keyboard.press('Control+s');
    await page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
    const reg = await page.getByTestId('registration-no').textContent();
    expect(sql('SELECT received_at FROM complaints WHERE registration_no = ?', reg)).toBe(fromLocal({ date: '2026-11-20', time: '09:05' }, 'WIB'));
  });

  it('says in Indonesian beside the field what is wrong with a date or time, and saves nothing', async () => {
    const { page } = app;
    await page.goto(`${base()}#/daftar`);
    // The list is on screen before Formulir A is opened again, as when a clerk clicks through the
    // menu: leaving it before the list's page has loaded (it is its own chunk) would keep the
    // form that is still showing, with its save confirmation, instead of a new one.
    await page.getByTestId('list-total').waitFor();
    await page.goto(`${base()}#/formulir/a`);
    await page.waitForFunction(() => document.activeElement?.id === 'f-reporterName');
    const before = sql('SELECT count(*) FROM complaints');
    await page.getByLabel('Nama lengkap').fill('Sitti Aminah');
    await page.getByLabel('Pukul/Jam').fill('');
    await page.keyboard.type('1575');
    await page.keyboard.press('Tab');
    expect(await messageOf('Pukul/Jam')).toBe('Pukul/Jam tidak valid: jam 00–23 dan menit 00–59, seperti 14.16.');
    await page.keyboard.type('31022026');
    await page.keyboard.press('Tab');
    expect(await messageOf('Hari/Tanggal')).toBe('Hari/Tanggal tidak ada di kalender: 31/02/2026. Periksa tanggal dan bulannya.');
    await page.getByLabel('Hari/Tanggal').fill('besok');
    await page.keyboard.press('Control+s');
    expect(await messageOf('Hari/Tanggal')).toBe('Hari/Tanggal tidak dikenali. Tulis tanggal seperti 25/11/2026.');
    expect(await page.getByRole('alert').filter({ hasText: 'TTTT-BB-HH' }).count()).toBe(0);
    expect(sql('SELECT count(*) FROM complaints')).toBe(before);

    const shot = path.join(SCREENSHOTS_DIR, 'date-field-id-ID.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.getByLabel('Hari/Tanggal').fill('');
    await page.keyboard.type('2511');
    await page.getByLabel('Pukul/Jam').fill('');
    await page.getByLabel('Pukul/Jam').pressSequentially('1416');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.getByRole('group', { name: 'B. Waktu pengaduan' }).screenshot({ path: shot });
    expect(await page.getByLabel('Hari/Tanggal').inputValue()).toMatch(/^25\/11\/\d{4}$/);
  });

  it('filters the list by dates typed as dd/mm/yyyy', async () => {
    const { page } = app;
    await page.goto(`${base()}#/daftar`);
    const total = page.getByTestId('list-total');
    await total.filter({ hasText: '2 pengaduan' }).waitFor();
    await page.getByLabel('Dari tanggal').fill('19/11/2026');
    await page.getByLabel('Sampai tanggal').click();
    await page.keyboard.type('2011');
    const request = page.waitForRequest('**/api/complaints.list');
    await page.keyboard.press('Enter');
    expect((await request).postDataJSON()).toMatchObject({ from: '2026-11-19', to: `${new Date().getFullYear()}-11-20` });
    await total.filter({ hasText: '1 pengaduan' }).waitFor();
    expect(await page.getByLabel('Sampai tanggal').inputValue()).toBe(`20/11/${new Date().getFullYear()}`);
    await page.getByLabel('Dari tanggal').fill('32/11/2026');
    await page.getByLabel('Dari tanggal').blur();
    await page.getByText('Dari tanggal tidak ada di kalender: 32/11/2026. Periksa tanggal dan bulannya.').waitFor();
  });

  it('picks the recap week and the holiday date the same way', async () => {
    const { page } = app;
    await page.goto(`${base()}#/rekap`);
    const week = page.getByLabel('Minggu yang memuat tanggal');
    expect(await week.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const [d, m, y] = (await week.inputValue()).split('/');
    const weekShown = `${y}-${m}-${d}`;
    // The screen loads this week's recap on its own; wait for the one the typed date asks for.
    const request = page.waitForRequest((r) => r.url().endsWith('/api/recap.weekly') && (r.postDataJSON() as { from?: string } | null)?.from !== weekShown);
    await week.fill('');
    await page.keyboard.type('19112026');
    await page.keyboard.press('Tab');
    // A Thursday: the week runs from its Monday, and the field shows the Monday it now stands for.
    expect((await request).postDataJSON()).toMatchObject({ from: '2026-11-16', to: '2026-11-22' });
    expect(await week.inputValue()).toBe('16/11/2026');

    await page.goto(`${base()}#/pengaturan`);
    const add = page.getByRole('form', { name: 'Tambah atau ubah tanggal libur' });
    await add.getByLabel('Tanggal', { exact: true }).fill('31/12/2026');
    await add.getByLabel('Keterangan').fill('Cuti bersama akhir tahun');
    await add.getByRole('button', { name: 'Simpan tanggal' }).click();
    await expect.poll(() => sql("SELECT name FROM holidays WHERE date = '2026-12-31'")).toBe('Cuti bersama akhir tahun');
  });

  it('has no browser date or time input left on any screen', async () => {
    const { page } = app;
    for (const route of screens(detailId)) {
      await openScreen(page, base(), route);
      const native = await page.locator('input[type=date], input[type=time], input[type=datetime-local], input[type=month], input[type=week]').evaluateAll((els) =>
        els.filter((el) => !el.classList.contains('picker-proxy')).map((el) => el.outerHTML),
      );
      expect(native, route).toEqual([]);
    }
  });
});
