import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter } from '../../server/chromium-printer';
import type { Core } from '../../server/core';
import { DEFAULT_SETTINGS } from '../../forms/settings';
import { chromiumPath, formA, makeCore, personOn } from '../helpers';
import { readPdf } from '../pdf-text';

const chromium = chromiumPath();

describe.skipIf(!chromium)('printing to PDF through the API (Chromium in browser mode)', () => {
  let c: Core;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    c = makeCore(undefined, { printer: new ChromiumPrinter(), now: () => new Date('2026-11-24T03:00:00Z') });
    await c.dispatch('settings.save', {
      ...DEFAULT_SETTINGS, officeName: 'DPMPTSP Kabupaten Buton Utara', kabupatenKota: 'Kabupaten Buton Utara', place: 'Buranga',
      timeZone: 'WITA', officePhone: '(0401) 312-345', website: 'dpmptsp.butonutarakab.go.id',
    });
    // Rina received the walk-in and another clerk keyed it; Arif keyed the e-mail he received himself.
    const rina = personOn(c, ['petugas'], 'Rina Marlina');
    c.database.sqlite.prepare('UPDATE accounts SET nip = ? WHERE id = ?').run('198501012010012001', rina.account.id);
    const arif = personOn(c, ['petugas'], 'Arif Budiman');
    const create = async (key: string, input: unknown, call = (m: string, i: unknown) => c.dispatch(m, i)) => {
      const r = await call('complaints.create', input);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      ids[key] = (r.value as { id: string }).id;
    };
    await create('A', formA({ officerAccountId: rina.account.id, resolution: 'Dijelaskan alur perizinan.' }));
    await create('B', { form: 'B', content: 'Lampu ruang tunggu mati', reporterName: 'Wa Ode Nur', reporterGender: 'P', reporterPhone: '0813-4444-5555', slipDate: '2026-11-18', receivedDate: '2026-11-19', receivedTime: '08:30' });
    await create('C', { form: 'C', reporterName: 'Dewi Lestari', reporterInstitution: 'UD Maju Jaya', reporterPhone: '0812-1111-2222', channel: 'surel', content: 'Website perizinan tidak bisa dibuka', receivedDate: '2026-11-20', receivedTime: '10:00' }, arif.call);
  });
  afterAll(async () => c?.close());

  const pdf = async (kind: 'receipt' | 'form', key: string, paper: 'A4' | 'F4' = 'A4') => {
    const res = await c.dispatch('print.pdf', { kind, id: ids[key], paper });
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    const v = res.value as { filename: string; dataBase64: string; pages: number };
    return { ...v, ...(await readPdf(Buffer.from(v.dataBase64, 'base64'))) };
  };

  it('prints Formulir A with its labels, values, place-and-date line and the officer signing with name and NIP', async () => {
    const { text, filename, pages } = await pdf('form', 'A');
    for (const s of ['FORMULIR A', 'PENERIMAAN PENGADUAN MASYARAKAT', 'A. Identitas pelapor', 'Nama lengkap', 'Siti Rahmawati', 'Institusi', 'CV Sinar Buton',
      'Alamat lengkap', 'Pukul/Jam', '09.15 WITA', 'Hari/Tanggal', 'Jumat, 20 November 2026', 'C. Masalah pengaduan', 'Izin usaha belum terbit',
      'D. Uraian pengaduan', 'E. Penyelesaian', 'Dijelaskan alur perizinan.', 'Buranga, 20 November 2026', '(Rina Marlina)', 'NIP 198501012010012001', 'Petugas layanan pengaduan masyarakat', 'ADU/2026/000001']) {
      expect(text).toContain(s);
    }
    expect(filename).toBe('formulir-a-ADU-2026-000001-A4.pdf');
    expect(pages).toBeGreaterThanOrEqual(1);
  });

  it('prints Formulir B with the reporter signing and the confidentiality promise', async () => {
    const { text } = await pdf('form', 'B');
    for (const s of ['FORMULIR B', 'KOTAK PENGADUAN', 'Isi Pengaduan', 'Lampu ruang tunggu mati', 'Nama Pelapor', 'Wa Ode Nur', 'Jenis Kelamin', 'Perempuan', 'Telp./HP', '0813-4444-5555', 'kerahasiaan pengirim dijamin', 'Buranga, 18 November 2026', '(Wa Ode Nur)']) {
      expect(text).toContain(s);
    }
  });

  it('prints Formulir C with the channel', async () => {
    const { text } = await pdf('form', 'C');
    for (const s of ['FORMULIR C', 'Nama Lengkap', 'Dewi Lestari', 'Instansi', 'UD Maju Jaya', 'No telepon', '0812-1111-2222', 'Sarana Pengaduan', 'Surel (email)', 'C. Materi Pengaduan', '(Arif Budiman)']) {
      expect(text).toContain(s);
    }
  });

  it('prints a receipt with the number, time, form, officer and how to follow up', async () => {
    const { text } = await pdf('receipt', 'A');
    for (const s of ['TANDA TERIMA PENGADUAN', 'Nomor registrasi: ADU/2026/000001', '20 November 2026, 09.15 WITA', 'Formulir A', 'Rina Marlina', '(0401) 312-345', 'dpmptsp.butonutarakab.go.id']) {
      expect(text).toContain(s);
    }
  });

  it('lays out on A4 and on F4 (215 × 330 mm)', async () => {
    const a4 = await pdf('form', 'C', 'A4');
    const f4 = await pdf('form', 'C', 'F4');
    expect([a4.widthMm, a4.heightMm]).toEqual([210, 297]);
    expect([f4.widthMm, f4.heightMm]).toEqual([215, 330]);
  });

  it('answers NOT_FOUND for an unknown complaint and UNAVAILABLE without a printer', async () => {
    expect(await c.dispatch('print.pdf', { kind: 'form', id: '01900000-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await c.dispatch('print.dialog', { kind: 'form', id: ids.A })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});

describe.skipIf(!chromium)('letters of the handling flow', () => {
  let c: Core;
  beforeAll(async () => {
    c = makeCore(undefined, { printer: new ChromiumPrinter(), now: () => new Date('2026-11-24T03:00:00Z') });
    await c.dispatch('settings.save', {
      ...DEFAULT_SETTINGS, officeName: 'DPMPTSP Kabupaten Buton Utara', place: 'Buranga', headName: 'La Ode Hasanuddin', headNip: '197001011995031001',
    });
  });
  afterAll(async () => c?.close());

  const letter = async (id: string, kind: string) => {
    const res = await c.dispatch('print.pdf', { kind, id, paper: 'F4', letterNo: '800/45/DPMPTSP/2026', letterDate: '2026-11-24' });
    if (!res.ok) return res;
    return { ok: true as const, ...(await readPdf(Buffer.from((res.value as { dataBase64: string }).dataBase64, 'base64'))) };
  };
  const create = async (input: unknown) => {
    const r = await c.dispatch('complaints.create', input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return (r.value as { id: string }).id;
  };
  const act = (id: string, action: string, input: unknown) => c.dispatch('complaints.transition', { id, action, input });

  it('asks the reporter for completeness, with number, date and what is missing', async () => {
    const id = await create(formA({ reporterName: 'Andi Saputra', receivedDate: '2026-11-20' }));
    expect(await letter(id, 'surat_kelengkapan')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await act(id, 'minta_kelengkapan', { note: 'Fotokopi KTP dan bukti permohonan izin.' });
    const l = await letter(id, 'surat_kelengkapan');
    if (!l.ok) throw new Error('letter');
    for (const s of ['Nomor', '800/45/DPMPTSP/2026', 'Permintaan kelengkapan', 'Andi Saputra', 'Fotokopi KTP dan bukti permohonan izin.', 'Buranga, 24 November 2026', 'La Ode Hasanuddin', 'NIP 197001011995031001', 'ADU/2026/']) {
      expect(l.text).toContain(s);
    }
    expect([l.widthMm, l.heightMm]).toEqual([215, 330]);
  });

  it('forwards to the unit with copies, never naming a rahasia reporter', async () => {
    const id = await create(formA({ reporterName: 'Budi Tersembunyi', confidential: true, receivedDate: '2026-11-20', problem: 'Dugaan pungutan liar' }));
    await act(id, 'verifikasi', { classification: 'pengaduan', jenis: 'b', darwas: true, category: '03 Korupsi/pungli', confidential: true });
    await act(id, 'teruskan', { targets: [{ kind: 'apip', name: 'Inspektorat Kabupaten Buton Utara' }, { kind: 'unit', name: 'Bidang Perizinan', copy: true }] });
    const l = await letter(id, 'surat_penerusan');
    if (!l.ok) throw new Error('letter');
    for (const s of ['Penerusan pengaduan masyarakat', 'Inspektorat Kabupaten Buton Utara', 'Dugaan pungutan liar', 'Pelapor: Dirahasiakan', 'Tembusan', 'Bidang Perizinan']) expect(l.text).toContain(s);
    expect(l.text).not.toContain('Tersembunyi');
  });

  it('answers the reporter with the resolution', async () => {
    const id = await create(formA({ reporterName: 'Citra Lestari', receivedDate: '2026-11-20' }));
    await act(id, 'jawab_langsung', { answer: 'Izin dapat diambil di loket 2 mulai Senin.' });
    const l = await letter(id, 'surat_jawaban');
    if (!l.ok) throw new Error('letter');
    for (const s of ['Jawaban atas pengaduan', 'Citra Lestari', 'Izin dapat diambil di loket 2 mulai Senin.']) expect(l.text).toContain(s);
  });

  it('answers a walk-in answered at the counter (E. Penyelesaian) without asking for the answer again', async () => {
    const id = await create(formA({ reporterName: 'Rahmat Hidayat', receivedDate: '2026-11-20', resolution: 'Berkas dapat dilengkapi di loket 3.' }));
    const l = await letter(id, 'surat_jawaban');
    if (!l.ok) throw new Error('letter');
    for (const s of ['Jawaban atas pengaduan', 'Rahmat Hidayat', 'Berkas dapat dilengkapi di loket 3.']) expect(l.text).toContain(s);
  });
});
