import { describe, expect, it } from 'vitest';
import { describeEvent, eventLabel, readEvent } from '../../forms/history';

const row = (type: string, data: Record<string, unknown>, note: string | null = null) => ({ seq: 2, type, at: '2026-11-17T03:00:00.000Z', actor: 'Rina Marlina', note, data });

describe('the history, typed by what wrote each step', () => {
  it('reads a handling step with its own input and tells it in a line', () => {
    const e = readEvent(
      row('teruskan', {
        targets: [
          { kind: 'unit', name: 'Bidang Perizinan', copy: false },
          { kind: 'apip', name: 'Inspektorat Kabupaten', copy: true },
        ],
        letterNo: '800/123/DPMPTSP/2026',
        from: 'terverifikasi',
        to: 'diteruskan',
        version: 3,
      }),
    );
    expect(e.type).toBe('teruskan');
    if (e.type !== 'teruskan') throw new Error('not narrowed');
    expect(e.data.targets?.map((t) => t.name)).toEqual(['Bidang Perizinan', 'Inspektorat Kabupaten']);
    expect(eventLabel(e)).toBe('Teruskan');
    expect(describeEvent(e)).toBe('kepada Bidang Perizinan, Inspektorat Kabupaten (tembusan); surat 800/123/DPMPTSP/2026; → Diteruskan');
  });

  it('tells each kind of step as before: verification, finish, satisfaction, answer, intake, correction, upstream news', () => {
    expect(describeEvent(readEvent(row('verifikasi', { classification: 'aspirasi', jenis: 'c', darwas: false, category: '10 Umum', from: 'diterima', to: 'terverifikasi', version: 2 })))).toBe('Aspirasi; → Terverifikasi');
    expect(describeEvent(readEvent(row('selesaikan', { outcome: 'tidak_benar', sanctions: [], from: 'diteruskan', to: 'selesai', version: 4 })))).toBe('Selesai — tidak terbukti (tidak benar); → Selesai');
    expect(describeEvent(readEvent(row('kepuasan', { satisfied: false, from: 'selesai', to: 'ditindaklanjuti', version: 5 })))).toBe('pelapor tidak puas; → Dalam tindak lanjut');
    expect(describeEvent(readEvent(row('jawab', { answer: 'Jadwal loket Jumat 08.00–11.30.', from: 'terverifikasi', to: 'selesai', version: 3 })))).toBe('Jadwal loket Jumat 08.00–11.30.; → Selesai');
    expect(describeEvent(readEvent(row('created', { version: 1, form: 'A', to: 'dijawab_langsung', answeredAtCounter: true })))).toBe('dijawab langsung di loket (E. Penyelesaian); → Dijawab langsung');
    expect(describeEvent(readEvent(row('koreksi', { fields: ['reporterPhone'], labels: ['Telepon'], before: {}, version: 2 })))).toBe('diubah: Telepon');
    expect(describeEvent(readEvent(row('upstream', { status: 'didisposisikan', upstreamSeq: 1, trackingId: '2611000001' })))).toBe('status upstream: Didisposisikan');
  });

  it('reads a field an older version did not write, or wrote otherwise, as absent', () => {
    const e = readEvent(row('verifikasi', { classification: 'keluhan', jenis: 'a', darwas: true, from: 'diterima', to: 'terverifikasi', version: 2 }));
    expect(e.type).toBe('verifikasi');
    if (e.type !== 'verifikasi') throw new Error('not narrowed');
    expect(e.data.classification).toBeUndefined();
    expect(e.data.darwas).toBe(true);
    expect(describeEvent(e)).toBe('→ Terverifikasi');
  });

  it('keeps a step this version does not know, named as it was written', () => {
    const e = readEvent(row('disposisi_kepala', { to: 'ditindaklanjuti' }, 'Segera.'));
    expect(e).toMatchObject({ type: 'lain', note: 'Segera.', actor: 'Rina Marlina' });
    expect(eventLabel(e)).toBe('disposisi_kepala');
    expect(describeEvent(e)).toBe('');
  });
});
