// Each recap's tables declared once, as data: sections, headings, columns, rows, totals, the
// *nihil* filler of an empty list, the heading lines and the signature (docs/recaps.md). The
// Rekap screen, the PDF (server/recap-html.ts) and the XLSX (server/recap-xlsx.ts) draw from
// these declarations and nothing else, so they show the same rows, fillers and signature.
import { formatDate, formatDateTime, formatTanggal } from './format';
import { describePeriod, type Period } from './periods';
import { nihil, RECAPS, type CountRow, type Monev, type PeriodCounts, type PeriodRecap, type RecapKind, type ResultRow, type WeeklyRecap } from './recap';
import type { Settings } from './settings';
import type { TimeZone } from './time';
import { HIDDEN_REPORTER, STATUS_LABELS } from './vocabulary';

/** A cell's value, typed: text renderers write it the id-ID way, the spreadsheet keeps numbers and dates. */
export type Value =
  | { kind: 'text'; text: string; /** Keeps the writer's line breaks on paper. */ lines?: boolean }
  | { kind: 'count'; n: number }
  | { kind: 'no'; n: number }
  | { kind: 'date'; date: string }
  | { kind: 'instant'; at: string }
  | { kind: 'tick'; on: boolean }
  | { kind: 'blank' };

const text = (s: string, lines = false): Value => ({ kind: 'text', text: s, ...(lines ? { lines } : {}) });
const count = (n: number): Value => ({ kind: 'count', n });
const tick = (on: boolean): Value => ({ kind: 'tick', on });
const BLANK: Value = { kind: 'blank' };

/** A value as the screen and the paper write it: zero as *nihil*, dates as 25/11/2026, ticks as ✓. */
export function valueText(v: Value, tz: TimeZone): string {
  switch (v.kind) {
    case 'text':
      return v.text;
    case 'count':
      return nihil(v.n);
    case 'no':
      return String(v.n);
    case 'date':
      return formatDate(v.date);
    case 'instant':
      return formatDateTime(v.at, tz);
    case 'tick':
      return v.on ? '✓' : '';
    case 'blank':
      return '';
  }
}

/** One value of a column. On paper a column's parts stack in one cell; the screen and the sheet give each its own column. */
export interface Part {
  head: string;
  /** Written before the value where parts stack ("Terlapor: …"). */
  prefix?: string;
  /** Spreadsheet column width in characters. */
  sheetWidth?: number;
  /** Long text: the spreadsheet wraps it. */
  wrap?: boolean;
}

export interface Column {
  head: string;
  /** Headings above this one on paper, outermost first ("Status tindak lanjut", "Selesai"). */
  groups: string[];
  /** Share of the paper's width, in percent. */
  width?: number;
  parts: Part[];
}

export interface Table {
  /** Section heading ("1. Menurut jenis pengaduan"). */
  title?: string;
  /** The table's name where it has no heading. */
  label?: string;
  /** A list that may run over pages (no keeping it whole), as against a small count table. */
  long: boolean;
  /** Printed in a smaller type (many narrow columns). */
  dense: boolean;
  columns: Column[];
  /** One value per part, columns in order. */
  rows: Value[][];
  total: Value[] | null;
  /** With no rows: this many numbered rows saying *nihil*, across the rest of the row or in its last column. */
  empty: { rows: number; nihil: 'rest' | 'last' } | null;
}

/** Tables printed two abreast (left column, right column); the screen sets them side by side. */
export interface Pair {
  pair: [Table[], Table[]];
}
export type Block = Table | Pair;

/** The tables of a block, left before right. */
export const tablesOf = (blocks: Block[]): Table[] => blocks.flatMap((b) => ('pair' in b ? [...b.pair[0], ...b.pair[1]] : [b]));

// ---- declaring a table ----

type ValueOf<Row> = (row: Row, index: number | null) => Value;
type PartSpec<Row> = Part & { value: ValueOf<Row> };
type ColumnSpec<Row> = { head: string; groups?: string[]; width?: number } & ({ value: ValueOf<Row>; sheetWidth?: number; wrap?: boolean } | { parts: PartSpec<Row>[] });

interface TableSpec<Row> {
  title?: string;
  label?: string;
  long?: boolean;
  dense?: boolean;
  columns: ColumnSpec<Row>[];
  rows: Row[];
  /** The total row, in the same columns (its index is null). */
  total?: (rows: Row[]) => Row;
  empty?: Table['empty'];
}

function table<Row>(spec: TableSpec<Row>): Table {
  const columns = spec.columns.map((c) => {
    const parts: PartSpec<Row>[] = 'parts' in c ? c.parts : [{ head: c.head, value: c.value, sheetWidth: c.sheetWidth, wrap: c.wrap }];
    return { spec: parts, column: { head: c.head, groups: c.groups ?? [], width: c.width, parts: parts.map(({ value: _, ...p }) => p) } };
  });
  const values = (row: Row, index: number | null) => columns.flatMap((c) => c.spec.map((p) => p.value(row, index)));
  return {
    title: spec.title,
    label: spec.label,
    long: spec.long ?? false,
    dense: spec.dense ?? false,
    columns: columns.map((c) => c.column),
    rows: spec.rows.map((r, i) => values(r, i)),
    total: spec.total ? values(spec.total(spec.rows), null) : null,
    empty: spec.empty ?? null,
  };
}

/** The running number, blank on the total row. */
const numbered = <Row>(head: string, width: number): ColumnSpec<Row> => ({ head, width, value: (_, i) => (i === null ? BLANK : { kind: 'no', n: i + 1 }) });

/** "No | <head> | Jumlah" with a Total row: the count tables of every recap. */
function countTable(title: string, head: string, rows: CountRow[]): Table {
  return table<CountRow>({
    title,
    rows,
    columns: [numbered('No', 10), { head, width: 70, sheetWidth: 45, value: (r) => text(r.label) }, { head: 'Jumlah', width: 20, value: (r) => count(r.count) }],
    total: (rs) => ({ key: 'total', label: 'Total', count: rs.reduce((a, r) => a + r.count, 0) }),
  });
}

// ---- the recaps ----

type Item = WeeklyRecap['items'][number];

function weekly(r: WeeklyRecap): Block[] {
  return [
    table({
      label: 'Ringkasan minggu',
      rows: [r],
      columns: [
        { head: 'Diterima', value: (x) => count(x.received) },
        { head: 'Selesai', value: (x) => count(x.finished) },
        { head: 'Terlambat', value: (x) => count(x.overdue) },
      ],
    }),
    {
      pair: [
        [
          countTable('1. Menurut jenis pengaduan', 'Jenis pengaduan', r.byJenis),
          // The channels used that week, and always the counter: a quiet week still fits one sheet.
          countTable('2. Menurut sarana', 'Sarana pengaduan', r.byChannel.filter((x) => x.count > 0 || x.key === 'tatap_muka')),
        ],
        [
          countTable('3. Menurut formulir', 'Formulir', r.byForm),
          countTable('4. Menurut klasifikasi', 'Klasifikasi', r.byClassification),
          countTable('5. Status pada akhir minggu', 'Status', r.byStatusAtEnd),
        ],
      ],
    },
    table<Item>({
      title: '6. Daftar pengaduan dan tindak lanjutnya',
      long: true,
      rows: r.items,
      empty: { rows: 1, nihil: 'rest' },
      columns: [
        numbered('No', 5),
        {
          head: 'Nomor registrasi / diterima',
          width: 19,
          parts: [
            { head: 'Nomor registrasi', sheetWidth: 20, value: (i) => text(i.registrationNo) },
            { head: 'Diterima', sheetWidth: 17, value: (i) => ({ kind: 'instant', at: i.receivedAt }) },
          ],
        },
        { head: 'Pelapor', width: 15, sheetWidth: 22, wrap: true, value: (i) => text(i.reporter) },
        { head: 'Masalah', width: 31, sheetWidth: 45, wrap: true, value: (i) => text(i.summary) },
        { head: 'Status', width: 12, sheetWidth: 16, value: (i) => text(STATUS_LABELS[i.statusAtEnd]) },
        { head: 'Tindak lanjut terakhir', width: 18, sheetWidth: 30, wrap: true, value: (i) => text(i.followUp) },
      ],
    }),
  ];
}

/** The three tables of the semester or quarter recap, as in the BTKLPP Batam record. */
function rekapitulasi(r: PeriodCounts): Block[] {
  type Source = { label: string; count: number; remarks: string };
  return [
    countTable('1. Berdasarkan Status Penanganan', 'Status Pengaduan', [
      { key: 'selesai', label: 'Selesai ditangani', count: r.byStatus.finished },
      { key: 'proses', label: 'Dalam proses penanganan', count: r.byStatus.inProcess },
    ]),
    countTable('2. Berdasarkan Jenis Pengaduan', 'Jenis Pengaduan', [
      { key: 'darwas', label: 'Berkadar Pengawasan (DarWas)', count: r.byType.darwas },
      { key: 'non', label: 'Tidak Berkadar Pengawasan (Non DarWas)', count: r.byType.nonDarwas },
      // Only when some cases were never classified, so that the total still adds up.
      ...(r.byType.unverified ? [{ key: 'belum', label: 'Belum diverifikasi', count: r.byType.unverified }] : []),
    ]),
    table<Source>({
      title: '3. Berdasarkan Sumber Pengaduan',
      rows: [
        { label: 'Diterima dari KemenPANRB/TP5000/Instansi lain', count: r.bySource.fromAgencies, remarks: '' },
        { label: 'Diterima langsung, lewat kanal pengaduan kantor', count: r.bySource.direct, remarks: r.bySource.directChannels.map((c, i) => `${i + 1}. ${c}`).join(' ') },
      ],
      columns: [
        numbered('No', 8),
        { head: 'Sumber Pengaduan', width: 47, sheetWidth: 45, value: (s) => text(s.label) },
        { head: 'Jumlah', width: 13, value: (s) => count(s.count) },
        { head: 'Keterangan', width: 32, sheetWidth: 30, wrap: true, value: (s) => text(s.remarks) },
      ],
      total: (rs) => ({ label: 'Total Pengaduan', count: rs.reduce((a, s) => a + s.count, 0), remarks: '' }),
    }),
  ];
}

const STATUS_GROUP = 'Status tindak lanjut';
const SANCTION_GROUP = 'Sanksi';

/** The results report: one row per complaint; with none, three numbered rows saying *nihil*, as the record does. */
function laporanHasil(r: PeriodRecap): Block[] {
  const status = (head: string, s: ResultRow['status'], groups: string[]): ColumnSpec<ResultRow> => ({ head, groups, width: 4.5, sheetWidth: 9, value: (x) => tick(x.status === s) });
  const sanction = (head: string, width: number, on: (x: ResultRow) => boolean): ColumnSpec<ResultRow> => ({ head, groups: [SANCTION_GROUP], width, sheetWidth: 9, value: (x) => tick(on(x)) });
  return [
    table<ResultRow>({
      label: RECAPS.laporan_hasil.title,
      long: true,
      dense: true,
      rows: r.results,
      empty: { rows: 3, nihil: 'last' },
      columns: [
        { ...numbered<ResultRow>('No urut', 3.5), sheetWidth: 7 },
        {
          head: 'No & tanggal surat',
          width: 11.5,
          parts: [
            { head: 'Nomor surat', sheetWidth: 20, value: (x) => text(x.registrationNo) },
            { head: 'Tanggal surat', sheetWidth: 11, value: (x) => ({ kind: 'date', date: x.receivedDate }) },
          ],
        },
        {
          head: 'Pelapor & terlapor',
          width: 13,
          parts: [
            { head: 'Pelapor', sheetWidth: 22, wrap: true, value: (x) => text(x.reporter) },
            { head: 'Terlapor', prefix: 'Terlapor: ', sheetWidth: 20, wrap: true, value: (x) => text(x.reportedParty) },
          ],
        },
        { head: 'Substansi pengaduan', width: 28, sheetWidth: 45, wrap: true, value: (x) => text(x.substance) },
        status('Dalam proses', 'proses', [STATUS_GROUP]),
        status('Benar', 'benar', [STATUS_GROUP, 'Selesai']),
        status('Tidak', 'tidak_benar', [STATUS_GROUP, 'Selesai']),
        sanction('PP 53/2010', 5.5, (x) => x.pp53),
        sanction('TP/TGR', 4.5, (x) => x.tpTgr),
        sanction('Pidana', 4.5, (x) => x.pidana),
        sanction('Lain-lain', 5, (x) => x.lainLain),
        { head: 'Keterangan', width: 11, sheetWidth: 30, wrap: true, value: (x) => text(x.remarks) },
      ],
    }),
  ];
}

function monev(m: Monev): Block[] {
  return [
    table<Monev['rows'][number]>({
      label: RECAPS.monev.title,
      rows: m.rows,
      columns: [
        numbered('No', 5),
        { head: 'Kegiatan penanganan pengaduan', width: 35, sheetWidth: 45, wrap: true, value: (r) => text(r.activity) },
        { head: 'Kendala', width: 30, sheetWidth: 40, wrap: true, value: (r) => text(r.obstacles, true) },
        { head: 'Rencana tindak lanjut', width: 30, sheetWidth: 40, wrap: true, value: (r) => text(r.plan, true) },
      ],
    }),
  ];
}

/** What each recap is drawn from. */
export interface RecapDataOf {
  mingguan: WeeklyRecap;
  rekapitulasi: PeriodCounts;
  laporan_hasil: PeriodRecap;
  monev: Monev;
}

/** Each recap's tables: the one place to add a row, a column or a section. */
export const RECAP_LAYOUTS: { [K in RecapKind]: (data: RecapDataOf[K]) => Block[] } = {
  mingguan: weekly,
  rekapitulasi,
  laporan_hasil: laporanHasil,
  monev,
};

/** The data the core reads for a recap, by the API it is read through. */
export type RecapData = { weekly?: WeeklyRecap; counts?: PeriodCounts; period?: PeriodRecap; monev?: Monev };

export function recapLayout(kind: RecapKind, data: RecapData): Block[] {
  const missing = () => {
    throw new Error(`No data for the ${kind} recap`);
  };
  switch (kind) {
    case 'mingguan':
      return RECAP_LAYOUTS.mingguan(data.weekly ?? missing());
    case 'monev':
      return RECAP_LAYOUTS.monev(data.monev ?? missing());
    case 'rekapitulasi':
      return RECAP_LAYOUTS.rekapitulasi(data.counts ?? data.period ?? missing());
    case 'laporan_hasil':
      return RECAP_LAYOUTS.laporan_hasil(data.period ?? missing());
  }
}

/**
 * The protected complaints (written *Dirahasiakan*) a recap of this kind lists, by registration
 * number: printing or exporting it leaves an audit row naming them (forms/audit.ts).
 */
export function protectedListed(kind: RecapKind, data: RecapData): string[] {
  const rows = kind === 'mingguan' ? (data.weekly?.items ?? []) : kind === 'laporan_hasil' ? (data.period?.results ?? []) : [];
  return rows.filter((r) => r.reporter === HIDDEN_REPORTER).map((r) => r.registrationNo);
}

// ---- drawing a table ----

export interface HeadCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}
export interface Cell {
  /** One value, or on paper the stacked parts of one column. */
  parts: { prefix: string; value: Value }[];
  colSpan: number;
  /** Running numbers and counts are centred on paper. */
  align: 'no' | 'centre' | null;
}
export interface Drawn {
  head: HeadCell[][];
  body: Cell[][];
  total: Cell[] | null;
}

const alignOf = (v: Value): Cell['align'] => (v.kind === 'no' ? 'no' : v.kind === 'count' || v.kind === 'tick' ? 'centre' : null);
const cell = (value: Value, colSpan = 1): Cell => ({ parts: [{ prefix: '', value }], colSpan, align: alignOf(value) });

/** Headings in rows: a group spans the columns under it, a column without groups spans the rows below. */
function groupedHead(columns: Column[]): HeadCell[][] {
  const depth = Math.max(...columns.map((c) => c.groups.length)) + 1;
  return Array.from({ length: depth }, (_, level) => {
    const row: HeadCell[] = [];
    for (let i = 0; i < columns.length; ) {
      const c = columns[i]!;
      if (c.groups.length < level) i++;
      else if (c.groups.length === level) {
        row.push({ text: c.head, colSpan: 1, rowSpan: depth - level });
        i++;
      } else {
        const under = (x: Column) => x.groups.length > level && x.groups.slice(0, level + 1).join('\n') === c.groups.slice(0, level + 1).join('\n');
        let j = i + 1;
        while (j < columns.length && under(columns[j]!)) j++;
        row.push({ text: c.groups[level]!, colSpan: j - i, rowSpan: 1 });
        i = j;
      }
    }
    return row;
  });
}

/** A column's heading where headings are one row: the inner group names it ("Selesai: benar"). */
const flatHead = (c: Column) => (c.groups.length > 1 ? `${c.groups.at(-1)}: ${c.head.toLowerCase()}` : c.head);

/**
 * How a table is drawn: on `paper` a column's parts stack in one cell under grouped headings; on
 * `screen` each part has its own column under the same groups; a `sheet` has one column per part
 * and one heading row, so it sorts and filters.
 */
export type Medium = 'paper' | 'screen' | 'sheet';

/** A table's cells as drawn on a medium. */
export function drawTable(t: Table, medium: Medium): Drawn {
  const columns: Column[] =
    medium === 'paper' ? t.columns : t.columns.flatMap((c) => c.parts.map((p) => ({ ...c, head: c.parts.length > 1 ? p.head : c.head, parts: [{ ...p, prefix: undefined }] })));
  const cells = (values: Value[]): Cell[] => {
    let at = 0;
    return columns.map((c) => {
      const parts = c.parts.map((p) => ({ prefix: p.prefix ?? '', value: values[at++]! }));
      return { parts, colSpan: 1, align: alignOf(parts[0]!.value) };
    });
  };
  const nihilText: Value = { kind: 'text', text: nihil(0) };
  const filler = (n: number, at: 'rest' | 'last'): Cell[] =>
    at === 'rest'
      ? [cell({ kind: 'no', n }), cell(nihilText, columns.length - 1)]
      : [cell({ kind: 'no', n }), ...columns.slice(2).map(() => cell(BLANK)), cell(nihilText)];
  const empty = t.rows.length === 0 && t.empty ? Array.from({ length: t.empty.rows }, (_, i) => filler(i + 1, t.empty!.nihil)) : null;
  return {
    head: medium === 'sheet' ? [columns.map((c) => ({ text: flatHead(c), colSpan: 1, rowSpan: 1 }))] : groupedHead(columns),
    body: empty ?? t.rows.map(cells),
    total: t.total ? cells(t.total) : null,
  };
}

/** The parts of a table in the spreadsheet's column order. */
export const sheetParts = (t: Table): Part[] => t.columns.flatMap((c) => c.parts);

// ---- heading and signature ----

/** The lines above every recap: title, office, region, year and period. */
export function recapHeading(kind: RecapKind, settings: Settings, period: Period) {
  return {
    title: RECAPS[kind].title,
    office: settings.officeName,
    region: settings.kabupatenKota,
    year: `TAHUN : ${period.from.slice(0, 4)}`,
    period: `PERIODE : ${describePeriod(period)}`,
  };
}

/** A dotted line to sign above when no ketua account can sign. */
export const UNNAMED = '(……………………………)';

/** Who signs: the name and NIP of a ketua account, or null for the dotted line. */
export type Signer = { name: string; nip: string | null } | null;

/** The signature closing every recap, at the right: place and the office's today, the team, Ketua, the ketua's name and NIP. */
export function recapSignature(settings: Settings, today: string, ketua: Signer) {
  return {
    placeDate: `${settings.place}, ${formatTanggal(today)}`,
    team: settings.teamName,
    role: 'Ketua',
    name: ketua?.name ?? null,
    nip: ketua?.nip ? `NIP ${ketua.nip}` : null,
  };
}
export type Signature = ReturnType<typeof recapSignature>;
