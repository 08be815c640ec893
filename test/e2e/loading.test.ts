// How screens load (renderer/src/hooks/useLoad.ts): the newest request's answer wins, a failed
// load says so in Indonesian with Coba lagi, and the settings are read once for the window.
import type { Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../forms/settings';
import { formA } from '../helpers';
import { chromiumExecutable, openApp, type E2E } from './browser';

describe.skipIf(!chromiumExecutable)('loading data on the screens', () => {
  let app: E2E;
  let id = '';
  const base = () => app.host.url.split('?')[0]!;
  beforeAll(async () => {
    app = await openApp({
      now: () => new Date('2026-11-24T03:00:00Z'),
      setup: async (core) => {
        await core.dispatch('settings.save', { ...DEFAULT_SETTINGS, officeName: 'DPMPTSP Kabupaten Buton Utara', place: 'Buranga' });
        const r = await core.dispatch('complaints.create', formA({ reporterName: 'Andi Terbuka', receivedDate: '2026-11-23', receivedTime: '09:00' }));
        if (!r.ok) throw new Error(r.error.message);
        id = (r.value as { id: string }).id;
      },
    });
  });
  afterAll(async () => app?.close());

  it('reads the settings once for the window, whichever screens are opened', async () => {
    const { page } = app;
    // The page openApp left may still be starting on a loaded machine: let its own read go first.
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const reads: string[] = [];
    const count = (r: Request) => r.url().endsWith('/api/settings.get') && reads.push(r.url());
    page.on('request', count);
    await page.reload();
    for (const route of ['/formulir/a', '/daftar', `/pengaduan/${id}`, '/rekap', '/sinkronisasi', '/formulir/b']) {
      await page.evaluate((r) => (window.location.hash = `#${r}`), route);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    await page.getByRole('link', { name: 'Rekap' }).click();
    await page.getByRole('table', { name: 'Ringkasan minggu' }).waitFor();
    page.off('request', count);
    expect(reads).toHaveLength(1);
  });

  it('shows the answer to the newest request: a slow answer to an earlier one that arrives later is ignored', async () => {
    const { page } = app;
    await page.goto(`${base()}#/rekap`);
    await page.getByRole('tab', { name: 'Laporan hasil' }).click();
    const table = page.getByRole('table', { name: 'Laporan hasil penanganan pengaduan masyarakat' });
    await table.waitFor();
    // The fourth quarter (with Andi's complaint) is answered only when released; the first at once.
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    const hold = async (route: Route) => {
      if ((route.request().postDataJSON() as { from: string }).from === '2026-10-01') await released;
      await route.continue();
    };
    await page.route('**/api/recap.period', hold);
    const slow = page.waitForRequest((r) => r.url().endsWith('/api/recap.period') && (r.postDataJSON() as { from: string }).from === '2026-10-01');
    await page.getByRole('button', { name: 'TW IV' }).click();
    await slow;
    await page.getByRole('button', { name: 'TW I', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /^Laporan hasil .* — Triwulan I / }).waitFor();
    await table.getByRole('cell', { name: 'nihil' }).first().waitFor();
    const late = page.waitForResponse((r) => r.url().endsWith('/api/recap.period') && (r.request().postDataJSON() as { from: string }).from === '2026-10-01');
    release();
    await (await late).finished();
    // Give React the moment it would need to show the late answer.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    expect(await table.getByRole('cell', { name: 'nihil' }).count()).toBe(3);
    expect(await table.getByText('Andi Terbuka').count()).toBe(0);
    await page.unroute('**/api/recap.period', hold);
  });

  it('says in Indonesian when a screen cannot load, and loads it again on Coba lagi', async () => {
    const { page } = app;
    const fail = (route: Route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'Basis data sedang dipakai proses lain.' } }) });
    await page.route('**/api/complaints.get', fail);
    await page.goto(`${base()}#/pengaduan/${id}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Gagal memuat pengaduan: Basis data sedang dipakai proses lain.' });
    await alert.waitFor();
    await page.unroute('**/api/complaints.get', fail);
    await alert.getByRole('button', { name: 'Coba lagi' }).click();
    await page.getByRole('heading', { level: 1, name: /^Pengaduan ADU\/2026\/\d{6}$/ }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Gagal memuat' }).count()).toBe(0);
  });
});
