import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personOn } from '../helpers';
import { chromiumExecutable, openApp, type E2E } from './browser';

describe.skipIf(!chromiumExecutable)('handling a case in Chromium: verify, forward, finish; deadlines and work views', () => {
  let app: E2E;
  let clock = new Date('2026-11-16T03:00:00Z'); // Monday 10:00 WIB
  let id = '';
  beforeAll(async () => {
    app = await openApp({
      now: () => clock,
      setup: async (core) => {
        const r = await core.dispatch('complaints.create', {
          form: 'C', reporterName: 'Dewi Lestari', reporterPhone: '0812-1111-2222', channel: 'surat',
          content: 'Izin usaha mikro belum terbit melewati SOP.', receivedDate: '2026-11-16', receivedTime: '08:00',
        });
        if (!r.ok) throw new Error(r.error.message);
        id = (r.value as { id: string }).id;
      },
    });
  });
  afterAll(async () => app?.close());

  const base = () => app.host.url.split('?')[0]!;
  const goto = async (hash: string) => {
    await app.page.goto(`${base()}#${hash}`);
    await app.page.reload(); // a fresh load re-reads the badges with the host's clock
  };
  const badge = (view: string) => app.page.getByTestId(`badge-${view}`);
  const deadlineRow = (label: string) => app.page.getByRole('table', { name: 'Tenggat' }).getByRole('row').filter({ hasText: label });

  it('lists a new case under "Perlu verifikasi" with 3 working days left', async () => {
    const { page } = app;
    await goto('/daftar?view=perlu_verifikasi');
    await page.getByRole('heading', { name: 'Daftar Pengaduan — Perlu verifikasi' }).waitFor();
    await page.getByText('1 pengaduan').waitFor();
    expect(await badge('perlu_verifikasi').textContent()).toBe('1');
    expect(await badge('terlambat').textContent()).toBe('0');
    await page.getByRole('link', { name: 'ADU/2026/000001' }).click();
    await deadlineRow('Verifikasi').filter({ hasText: 'Sisa 3 hari kerja' }).waitFor();
  });

  it('shows the case overdue when the deadline passes', async () => {
    const { page } = app;
    clock = new Date('2026-11-20T03:00:00Z'); // Friday
    await goto('/daftar?view=terlambat');
    await page.getByText('1 pengaduan').waitFor();
    expect(await badge('terlambat').textContent()).toBe('1');
    await goto(`/pengaduan/${id}`);
    await deadlineRow('Verifikasi').filter({ hasText: 'Terlambat 1 hari kerja' }).waitFor();
  });

  it('verifies, forwards and finishes; the deadlines and the views follow', async () => {
    const { page } = app;
    // The handling team's Rina Marlina signs in on this tab: the steps are recorded in her name.
    const rina = personOn(app.core, ['penangan'], 'Rina Marlina');
    await page.evaluate((token) => sessionStorage.setItem('loket-session', token), rina.session);
    await page.reload();
    const act = page.getByRole('group', { name: 'Tindakan' });
    const form = (name: string) => page.getByRole('form', { name });

    await act.getByRole('button', { name: 'Verifikasi (lengkap)' }).click();
    await form('Verifikasi (lengkap)').getByRole('button', { name: 'Simpan tindakan' }).click();
    await page.getByText('Klasifikasi wajib dipilih.').waitFor();
    await page.getByLabel('Klasifikasi').selectOption('pengaduan');
    await page.getByLabel('Jenis pengaduan').selectOption('a');
    await page.getByLabel('Kategori').selectOption('02 Pelayanan masyarakat');
    await form('Verifikasi (lengkap)').getByRole('button', { name: 'Simpan tindakan' }).click();
    await page.getByText('Terverifikasi').first().waitFor();
    await deadlineRow('Verifikasi').filter({ hasText: '(terlambat)' }).waitFor();
    await deadlineRow('Penyelesaian').filter({ hasText: 'Sisa 14 hari kerja' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="badge-terlambat"]')?.textContent === '0');
    expect(await badge('perlu_verifikasi').textContent()).toBe('0');

    await act.getByRole('button', { name: 'Teruskan' }).click();
    await page.getByLabel('Nama tujuan').fill('Bidang Perizinan');
    await page.getByLabel('Nomor surat').fill('800/123/DPMPTSP/2026');
    await form('Teruskan').getByRole('button', { name: 'Simpan tindakan' }).click();
    await page.getByRole('listitem').filter({ hasText: 'kepada Bidang Perizinan' }).waitFor();

    clock = new Date('2026-11-24T03:00:00Z');
    await goto(`/pengaduan/${id}`);
    await deadlineRow('Penyelesaian').filter({ hasText: 'Sisa 12 hari kerja' }).waitFor();
    await act.getByRole('button', { name: 'Selesaikan' }).click();
    await page.getByLabel('Hasil penanganan').selectOption('benar');
    await page.getByLabel('Hukuman disiplin PP 53/2010').check();
    await page.getByLabel('Ringkasan penyelesaian').fill('Izin diterbitkan; petugas diberi teguran.');
    await form('Selesaikan').getByRole('button', { name: 'Simpan tindakan' }).click();
    await deadlineRow('Penyelesaian').filter({ hasText: 'Terpenuhi' }).waitFor();
    await act.getByRole('button', { name: 'Catat kepuasan pelapor' }).waitFor();
    const history = await page.getByRole('list').filter({ hasText: 'Dicatat' }).textContent();
    for (const s of ['Verifikasi (lengkap) oleh Rina Marlina', 'Teruskan', 'surat 800/123/DPMPTSP/2026', 'Selesaikan', 'terbukti']) expect(history).toContain(s);
    expect(app.core.database.sqlite.prepare("SELECT status || '/' || outcome || '/' || sanctions FROM complaints WHERE id = ?").pluck().get(id)).toBe('selesai/benar/["pp53"]');
  });

  it('lets an admin add cuti bersama and import dates in Pengaturan, and says which years are missing', async () => {
    const { page } = app;
    // The admin of openApp again (the previous test signed Rina in on this tab).
    await page.evaluate((token) => sessionStorage.setItem('loket-session', token), app.session!);
    app.core.database.sqlite.exec("DELETE FROM holidays WHERE date LIKE '2027-%'");
    await goto('/pengaturan');
    await page.getByRole('alert').filter({ hasText: 'Belum ada kalender untuk tahun 2027' }).waitFor();
    // The registration-number rule is explained beside its field.
    const format = page.getByLabel('Format nomor registrasi');
    const hintId = await format.getAttribute('aria-describedby');
    expect(await page.locator(`#${hintId}`).textContent()).toContain('tanpa {YYYY}, nomor urut terus berlanjut');
    await page.getByRole('button', { name: /^2026/ }).click();
    const status2026 = await page.getByLabel('Status kalender 2026').textContent();
    expect(status2026).toContain('Resmi (SKB)');
    expect(status2026).toContain('Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025');
    const add = page.getByRole('form', { name: 'Tambah atau ubah tanggal libur' });
    await add.getByLabel('Tanggal', { exact: true }).fill('2026-12-24');
    await add.getByLabel('Keterangan').fill('Cuti bersama Hari Raya Natal');
    await add.getByRole('button', { name: 'Simpan tanggal' }).click();
    await page.getByRole('status').filter({ hasText: 'Kamis, 24 Desember 2026 tersimpan' }).waitFor();
    const table2026 = page.getByRole('table', { name: 'Hari libur 2026' });
    await table2026.getByRole('row').filter({ hasText: 'Cuti bersama Hari Raya Natal' }).filter({ hasText: 'Resmi' }).waitFor();
    await page.getByLabel('Daftar tanggal').fill('2027-01-01;Tahun Baru 2027;libur_nasional\n2027-03-08;Cuti bersama Nyepi;cuti_bersama');
    await page.getByRole('button', { name: 'Impor' }).click();
    await page.getByRole('status').filter({ hasText: '2 tanggal diimpor.' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Belum ada kalender' }).count()).toBe(0);
    await page.getByRole('button', { name: /^2027/ }).click();
    await page.getByRole('table', { name: 'Hari libur 2027' }).getByRole('row').filter({ hasText: 'Cuti bersama Nyepi' }).waitFor();
    expect(await page.getByLabel('Status kalender 2027').textContent()).toContain('Sementara');
    await page.getByLabel('Daftar tanggal').fill('2027-02-30;Salah');
    await page.getByRole('button', { name: 'Impor' }).click();
    await page.getByRole('alert').filter({ hasText: 'Baris 1' }).waitFor();
  });
});
