// Complaints keyed while the upstream is down reach it once it is back, and the badge on every
// screen says so; a rejected report is fixed from the screen and goes out again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOO_LARGE_TRIES } from '../../forms/sync';
import type { ReferenceUpstream } from '../../upstream/server';
import { FAST_SYNC, memoryTokens, startUpstream } from '../sync-helpers';
import { chromiumExecutable, openApp, type E2E } from './browser';

describe.skipIf(!chromiumExecutable)('sync in Chromium', () => {
  let app: E2E;
  let upstream: ReferenceUpstream;
  beforeAll(async () => {
    upstream = await startUpstream({ down: true });
    upstream.rules = { ...upstream.rules, minContentLength: 30 };
    app = await openApp({ core: { tokenStore: memoryTokens(), upstreamUrl: upstream.url, sync: FAST_SYNC } });
  });
  afterAll(async () => {
    await app?.close();
    await upstream?.close();
  });
  const go = (route: string) => app.page.goto(new URL(`/#${route}`, app.host.url.split('?')[0]).href);

  const keyFormA = async (name: string, content: string) => {
    const { page } = app;
    await go('/formulir/a');
    await page.getByLabel('Nama lengkap').fill(name);
    await page.getByLabel('Alamat lengkap').fill('Jl. Sultan Hasanuddin No. 8, Buranga');
    await page.getByLabel('Masalah pengaduan').fill('Air PDAM tidak mengalir');
    await page.getByLabel('Uraian pengaduan').fill(content);
    await page.keyboard.press('Control+s');
    await page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
  };

  it('keys complaints offline, shows them waiting, and sends them when the upstream is back', async () => {
    const { page } = app;
    await keyFormA('La Ode Hamid', 'Sudah seminggu air PDAM di Kelurahan Bonegunu tidak mengalir sama sekali.');
    await keyFormA('Wa Ode Sitti', 'Tagihan air naik dua kali lipat padahal air tidak mengalir.');
    await keyFormA('Muhammad Arif', 'Air keruh.'); // the upstream will refuse this one: too short
    const badge = page.getByTestId('sync-badge');
    await expect.poll(() => badge.getAttribute('data-connection'), { timeout: 10_000 }).toBe('offline');
    await expect.poll(() => page.getByTestId('sync-waiting').textContent()).toBe('Menunggu: 3');
    expect(upstream.store.reports()).toHaveLength(0);

    upstream.setFaults({ down: false });
    await expect.poll(() => badge.getAttribute('data-connection'), { timeout: 15_000 }).toBe('online');
    // Nothing waits, but one was refused: not "all sent".
    await expect.poll(() => page.getByTestId('sync-waiting').textContent(), { timeout: 15_000 }).toBe('Tidak ada antrean');
    await expect(badge.textContent()).resolves.toContain('Ditolak: 1');
    await expect(badge.textContent()).resolves.toContain('Terakhir berhasil');
    expect(upstream.store.reports().map((r) => (JSON.parse(r.body) as { reporter: { name: string } }).reporter.name).sort()).toEqual(['La Ode Hamid', 'Wa Ode Sitti']);

    // The Sinkronisasi page: the rejection with the upstream's field error and the run log.
    await go('/sinkronisasi');
    await page.getByTestId('sync-rejected').getByText('Uraian / isi pengaduan: Isi laporan minimal 30 karakter.').waitFor();
    await page.getByTestId('sync-runs').waitFor();
    await expect(page.getByTestId('sync-safe').textContent()).resolves.toContain('aman untuk dimatikan. 1 pengaduan ditolak upstream');

    // Fixed from the complaint's page with Koreksi data; it goes out again by itself.
    await page.getByTestId('sync-rejected').getByRole('link').click();
    await page.getByTestId('complaint-sync').getByText('Ditolak upstream').waitFor();
    await page.getByRole('button', { name: 'Koreksi data', exact: true }).click();
    await page.getByLabel('Uraian / isi pengaduan').fill('Air PDAM di rumah kami keruh dan berbau sejak hari Senin.');
    await page.getByLabel('Alasan koreksi').fill('Uraian dilengkapi dari catatan pelapor.');
    await page.getByRole('button', { name: 'Simpan koreksi' }).click();
    await page.getByText('Koreksi data — ').or(page.getByText('diubah: Uraian / isi pengaduan')).first().waitFor();
    await expect.poll(() => upstream.store.reports().length, { timeout: 15_000 }).toBe(3);
    await expect.poll(() => page.getByTestId('sync-waiting').textContent(), { timeout: 15_000 }).toBe('Semua terkirim');
    await expect.poll(() => badge.textContent()).not.toContain('Ditolak');
    await page.reload();
    await expect.poll(async () => (await page.getByTestId('tracking-id').textContent()) ?? '').toMatch(/^LAPOR-/);
  });

  it('Pengaturan: the upstream address is checked beside the field and the token never shown', async () => {
    const { page } = app;
    await go('/pengaturan');
    const url = page.getByLabel('Alamat upstream');
    await expect(url.inputValue()).resolves.toBe(upstream.url);
    await url.fill('http://hub.contoh.go.id');
    await page.getByRole('button', { name: 'Simpan sinkronisasi' }).click();
    await page.locator('#sync-url-error').getByText('Alamat upstream harus memakai https://').waitFor();
    await expect(page.getByLabel('Token akses').inputValue()).resolves.toBe('');
    const saved = await app.core.dispatch('sync.settings.get', {});
    expect(saved).toMatchObject({ ok: true, value: { url: upstream.url, tokenSet: true } });
    expect(JSON.stringify(saved)).not.toContain('uji-token');
  });

  it('Kirim ulang: reports set aside as too large go out again unedited, from the Sinkronisasi page and from their own page', async () => {
    const { page } = app;
    upstream.setFaults({ maxBatch: 0 }); // every batch refused with 413, even a batch of one
    await keyFormA('Andi Pratama', 'Lampu penerangan jalan di Jalan Merdeka padam sejak dua minggu lalu.');
    await keyFormA('Rina Wulandari', 'Saluran air di depan pasar tersumbat dan meluap setiap kali hujan turun.');
    await go('/sinkronisasi');
    const rejected = page.getByTestId('sync-rejected');
    await expect.poll(() => rejected.getByRole('row').count(), { timeout: 15_000 }).toBe(3);
    await expect(rejected.getByText(`terlalu besar (413), ${TOO_LARGE_TRIES} kali berturut-turut`).count()).resolves.toBe(2);
    await page.getByRole('button', { name: 'Kirim ulang semua (2)' }).waitFor();

    upstream.setFaults({ maxBatch: 100 });
    const before = upstream.store.reports().length;
    const first = rejected.getByRole('row').nth(1);
    const firstNo = await first.getByRole('link').textContent();
    await first.getByRole('button', { name: 'Kirim ulang' }).click();
    await page.getByTestId('sync-requeue-status').getByText('1 pengaduan masuk antrean lagi dan akan dikirim ulang.').waitFor();
    await expect.poll(() => upstream.store.reports().length, { timeout: 15_000 }).toBe(before + 1);
    await expect.poll(() => rejected.getByRole('row').count(), { timeout: 15_000 }).toBe(2);
    expect(await rejected.getByRole('link').textContent()).not.toBe(firstNo);

    // The other one from its own page.
    await rejected.getByRole('link').click();
    const panel = page.getByTestId('complaint-sync');
    await panel.getByText('Ditolak upstream').waitFor();
    await panel.getByRole('button', { name: 'Kirim ulang' }).click();
    await panel.getByText('1 pengaduan masuk antrean lagi dan akan dikirim ulang.').waitFor();
    await expect.poll(() => upstream.store.reports().length, { timeout: 15_000 }).toBe(before + 2);
    await page.reload();
    await expect.poll(async () => (await page.getByTestId('tracking-id').textContent()) ?? '').toMatch(/^LAPOR-/);
    await expect(panel.getByRole('button', { name: 'Kirim ulang' }).count()).resolves.toBe(0);
    // Sent as keyed: version 1, nothing edited.
    const sent = upstream.store.reports().map((r) => JSON.parse(r.body) as { version: number; reporter: { name: string } });
    expect(sent.filter((r) => ['Andi Pratama', 'Rina Wulandari'].includes(r.reporter.name)).map((r) => r.version)).toEqual([1, 1]);
  });
});
