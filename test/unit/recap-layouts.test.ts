// The recap declarations and how each medium draws them: paper, screen and sheet take the same
// rows, totals and nihil fillers from one declaration, and differ only in how a column is laid out.
import { describe, expect, it } from 'vitest';
import type { PeriodRecap, WeeklyRecap } from '../../forms/recap';
import { drawTable, RECAP_LAYOUTS, tablesOf, valueText, type Medium, type Table } from '../../forms/recap-layouts';

const MEDIA: Medium[] = ['paper', 'screen', 'sheet'];
const period = { from: '2026-01-01', to: '2026-03-31' };

const periodRecap = (results: PeriodRecap['results']): PeriodRecap => ({
  period,
  byStatus: { finished: 1, inProcess: 0, total: 1 },
  byType: { darwas: 1, nonDarwas: 0, unverified: 0, total: 1 },
  bySource: { fromAgencies: 0, direct: 1, directChannels: ['Tatap muka', 'Surat'], total: 1 },
  results,
});
const result: PeriodRecap['results'][number] = {
  no: 1, registrationNo: 'ADU/2026/000001', receivedDate: '2026-02-03', reporter: 'Dirahasiakan', reportedParty: 'Loket 2', substance: 'Pungli',
  status: 'benar', pp53: true, tpTgr: false, pidana: false, lainLain: false, remarks: '',
};
const week = (items: WeeklyRecap['items']): WeeklyRecap => ({
  period: { from: '2026-11-16', to: '2026-11-22' }, received: items.length, finished: 0, overdue: 0,
  byJenis: [], byChannel: [{ key: 'tatap_muka', label: 'Tatap muka', count: 0 }, { key: 'surat', label: 'Surat', count: 0 }, { key: 'telepon', label: 'Telepon', count: 2 }],
  byForm: [], byClassification: [], byStatusAtEnd: [], items,
});

const text = (t: Table, medium: Medium) => {
  const d = drawTable(t, medium);
  const row = (cells: typeof d.body[number]) => cells.map((c) => c.parts.map((p) => p.prefix + valueText(p.value, 'WIB')).join(' / '));
  return { head: d.head.map((r) => r.map((h) => `${h.text}${h.colSpan > 1 ? ` ×${h.colSpan}` : ''}${h.rowSpan > 1 ? ` ↓${h.rowSpan}` : ''}`)), body: d.body.map(row), total: d.total && row(d.total) };
};

describe('recap layouts', () => {
  it('groups the results headings on paper and on screen, and names them in one row in the sheet', () => {
    const [t] = tablesOf(RECAP_LAYOUTS.laporan_hasil(periodRecap([result])));
    expect(text(t!, 'paper').head).toEqual([
      ['No urut ↓3', 'No & tanggal surat ↓3', 'Pelapor & terlapor ↓3', 'Substansi pengaduan ↓3', 'Status tindak lanjut ×3', 'Sanksi ×4', 'Keterangan ↓3'],
      ['Dalam proses ↓2', 'Selesai ×2', 'PP 53/2010 ↓2', 'TP/TGR ↓2', 'Pidana ↓2', 'Lain-lain ↓2'],
      ['Benar', 'Tidak'],
    ]);
    expect(text(t!, 'screen').head[0]!.slice(0, 6)).toEqual(['No urut ↓3', 'Nomor surat ↓3', 'Tanggal surat ↓3', 'Pelapor ↓3', 'Terlapor ↓3', 'Substansi pengaduan ↓3']);
    expect(text(t!, 'sheet').head).toEqual([
      ['No urut', 'Nomor surat', 'Tanggal surat', 'Pelapor', 'Terlapor', 'Substansi pengaduan', 'Dalam proses', 'Selesai: benar', 'Selesai: tidak', 'PP 53/2010', 'TP/TGR', 'Pidana', 'Lain-lain', 'Keterangan'],
    ]);
    // Paper stacks a column's parts in one cell; screen and sheet give each its own.
    expect(text(t!, 'paper').body).toEqual([['1', 'ADU/2026/000001 / 03/02/2026', 'Dirahasiakan / Terlapor: Loket 2', 'Pungli', '', '✓', '', '✓', '', '', '', '']]);
    expect(text(t!, 'screen').body).toEqual([['1', 'ADU/2026/000001', '03/02/2026', 'Dirahasiakan', 'Loket 2', 'Pungli', '', '✓', '', '✓', '', '', '', '']]);
  });

  it('fills an empty results table with three numbered nihil rows in every medium', () => {
    const [t] = tablesOf(RECAP_LAYOUTS.laporan_hasil(periodRecap([])));
    for (const medium of MEDIA) {
      const { body } = text(t!, medium);
      expect(body.map((r) => [r[0], r.at(-1)]), medium).toEqual([['1', 'nihil'], ['2', 'nihil'], ['3', 'nihil']]);
      expect(body.every((r) => r.slice(1, -1).every((c) => c === '')), medium).toBe(true);
    }
  });

  it('says nihil across an empty week list, and leaves out the channels not used but the counter', () => {
    const tables = tablesOf(RECAP_LAYOUTS.mingguan(week([])));
    const list = tables.at(-1)!;
    // Paper stacks the number and the time in one column: six columns there, seven elsewhere.
    const spans: Record<Medium, number[]> = { paper: [1, 5], screen: [1, 6], sheet: [1, 6] };
    for (const medium of MEDIA) {
      const d = drawTable(list, medium);
      expect(d.body.map((r) => r.map((c) => c.colSpan)), medium).toEqual([spans[medium]]);
      expect(text(list, medium).body, medium).toEqual([['1', 'nihil']]);
    }
    const channels = tables.find((t) => t.title === '2. Menurut sarana')!;
    expect(text(channels, 'paper').body).toEqual([['1', 'Tatap muka', 'nihil'], ['2', 'Telepon', '2']]);
    expect(text(channels, 'paper').total).toEqual(['', 'Total', '2']);
  });

  it('totals the source table with the channels used in Keterangan, and writes zero as nihil', () => {
    const source = tablesOf(RECAP_LAYOUTS.rekapitulasi(periodRecap([result]))).at(-1)!;
    expect(text(source, 'paper')).toEqual({
      head: [['No', 'Sumber Pengaduan', 'Jumlah', 'Keterangan']],
      body: [
        ['1', 'Diterima dari KemenPANRB/TP5000/Instansi lain', 'nihil', ''],
        ['2', 'Diterima langsung, lewat kanal pengaduan kantor', '1', '1. Tatap muka 2. Surat'],
      ],
      total: ['', 'Total Pengaduan', '1', ''],
    });
  });
});
