// The supervisor's recaps as printable HTML, in the layout of seed 000 (tables with a total row,
// "nihil" for zero) and the weekly recap of seed 003 Pasal 10, ending with the team's signature.
import type { Period } from '../forms/periods';
import { describePeriod } from '../forms/periods';
import { nihil, RECAP_TITLES, type CountRow, type Monev, type PeriodRecap, type RecapKind, type WeeklyRecap } from '../forms/recap';
import type { Settings } from '../forms/settings';
import { formatDate, formatDateTime, formatTanggal } from '../forms/format';
import { STATUS_LABELS } from '../forms/vocabulary';
import { PRINT_FONT_STACK } from './print-fonts';

const esc = (s: string | null | undefined) =>
  (s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * A recap's body, given the signature to close its last table with: the signature goes in one
 * unbreakable row group with the table's last row, so it never stands alone on the last page.
 */
export type RecapBody = (signature: string) => string;

export function recapPage(kind: RecapKind, settings: Settings, period: Period, body: RecapBody, today: string): string {
  const signature = `<div class="sign">${esc(settings.place)}, ${esc(formatTanggal(today))}<br>${esc(settings.teamName)}<br>Ketua<div class="space"></div>${
    settings.ketuaName ? `<u>${esc(settings.ketuaName)}</u>` : '(……………………………)'
  }${settings.ketuaNip ? `<br>NIP ${esc(settings.ketuaNip)}` : ''}</div>`;
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${esc(RECAP_TITLES[kind])}</title><style>
@page { margin: 15mm 15mm 15mm 20mm; }
body { font-family: ${PRINT_FONT_STACK}; font-size: 11pt; color: #000; margin: 0; }
h1 { font-size: 12.5pt; text-align: center; margin: 0; text-transform: uppercase; }
.sub { text-align: center; margin: 2pt 0 8pt; }
h2 { font-size: 11.5pt; margin: 8pt 0 3pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin-bottom: 4pt; }
th, td { border: 1px solid #000; padding: 1.5pt 4pt; vertical-align: top; }
th { background: #eee; }
td.n, td.c { text-align: center; }
tr.total td { font-weight: bold; }
/* A table's heading rows print again at the top of each page; a row never splits across pages;
   a small table stays whole with its heading. */
thead { display: table-header-group; }
tr { break-inside: avoid; }
.keep { break-inside: avoid; }
/* Small count tables two abreast, so a quiet week fits one sheet. */
.pair { display: grid; grid-template-columns: 1fr 1fr; column-gap: 8mm; align-items: start; }
.pair h2 { margin-top: 6pt; }
table.results { font-size: 10pt; }
tbody.end { break-inside: avoid; }
tr.sign-row > td { border: none; padding: 14pt 0 0; }
.sign { margin-left: 60%; text-align: center; }
.sign .space { height: 44pt; }
</style></head><body>
<h1>${esc(RECAP_TITLES[kind])}</h1>
<div class="sub"><b>${esc(settings.officeName)}</b><br>${esc(settings.kabupatenKota)}<br>TAHUN : ${period.from.slice(0, 4)} &nbsp; PERIODE : ${esc(describePeriod(period))}</div>
${body(signature)}
</body></html>`;
}

/** Table rows whose last row carries the signature below it in a group that never splits. */
function rowsEndingWith(rows: string[], columns: number, signature: string | null): string {
  if (signature === null) return `<tbody>${rows.join('')}</tbody>`;
  const head = rows.slice(0, -1);
  return `${head.length ? `<tbody>${head.join('')}</tbody>` : ''}<tbody class="end">${rows.at(-1) ?? ''}<tr class="sign-row"><td colspan="${columns}">${signature}</td></tr></tbody>`;
}

/** A heading with its table, kept on one page when it fits on one. */
const section = (title: string, table: string) => `<section class="keep"><h2>${esc(title)}</h2>${table}</section>`;

/** Column widths in percent, so long tables do not waste height on narrow text columns. */
const cols = (widths: number[]) => `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`;

function countTable(head: string, rows: CountRow[], signature: string | null = null): string {
  const total = rows.reduce((a, r) => a + r.count, 0);
  const body = rows.map((r, i) => `<tr><td class="n">${i + 1}</td><td>${esc(r.label)}</td><td class="c">${nihil(r.count)}</td></tr>`);
  body.push(`<tr class="total"><td></td><td>Total</td><td class="c">${nihil(total)}</td></tr>`);
  return `<table>${cols([10, 70, 20])}<thead><tr><th>No</th><th>${esc(head)}</th><th>Jumlah</th></tr></thead>${rowsEndingWith(body, 3, signature)}</table>`;
}

export function weeklyBody(r: WeeklyRecap, tz: Settings['timeZone']): RecapBody {
  const items = r.items.length
    ? r.items.map(
        (i, n) =>
          `<tr><td class="n">${n + 1}</td><td>${esc(i.registrationNo)}<br>${esc(formatDateTime(i.receivedAt, tz))}</td><td>${esc(i.reporter)}</td><td>${esc(i.summary)}</td><td>${esc(STATUS_LABELS[i.statusAtEnd])}</td><td>${esc(i.followUp)}</td></tr>`,
      )
    : ['<tr><td class="n">1</td><td colspan="5">nihil</td></tr>'];
  return (signature) => `<table><thead><tr><th>Diterima</th><th>Selesai</th><th>Terlambat</th></tr></thead><tbody><tr><td class="c">${nihil(r.received)}</td><td class="c">${nihil(r.finished)}</td><td class="c">${nihil(r.overdue)}</td></tr></tbody></table>
<div class="pair"><div>${section('1. Menurut jenis pengaduan', countTable('Jenis pengaduan', r.byJenis))}${section(
    '2. Menurut sarana',
    countTable('Sarana pengaduan', r.byChannel.filter((x) => x.count > 0 || x.key === 'tatap_muka')),
  )}</div><div>${section('3. Menurut formulir', countTable('Formulir', r.byForm))}${section('4. Menurut klasifikasi', countTable('Klasifikasi', r.byClassification))}${section(
    '5. Status pada akhir minggu',
    countTable('Status', r.byStatusAtEnd),
  )}</div></div>
<h2>6. Daftar pengaduan dan tindak lanjutnya</h2>
<table>${cols([5, 19, 15, 31, 12, 18])}<thead><tr><th>No</th><th>Nomor registrasi / diterima</th><th>Pelapor</th><th>Masalah</th><th>Status</th><th>Tindak lanjut terakhir</th></tr></thead>${rowsEndingWith(items, 6, signature)}</table>`;
}

export function periodBody(r: PeriodRecap): RecapBody {
  const ch = r.bySource.directChannels.map((c, i) => `${i + 1}. ${esc(c)}`).join(' ');
  const source = [
    `<tr><td class="n">1</td><td>Diterima dari KemenPANRB/TP5000/Instansi lain</td><td class="c">${nihil(r.bySource.fromAgencies)}</td><td></td></tr>`,
    `<tr><td class="n">2</td><td>Diterima langsung, lewat kanal pengaduan kantor</td><td class="c">${nihil(r.bySource.direct)}</td><td>${ch}</td></tr>`,
    `<tr class="total"><td></td><td>Total Pengaduan</td><td class="c">${nihil(r.bySource.total)}</td><td></td></tr>`,
  ];
  return (signature) => `${section('1. Berdasarkan Status Penanganan', countTable('Status Pengaduan', [
    { key: 'selesai', label: 'Selesai ditangani', count: r.byStatus.finished },
    { key: 'proses', label: 'Dalam proses penanganan', count: r.byStatus.inProcess },
  ]))}
${section('2. Berdasarkan Jenis Pengaduan', countTable('Jenis Pengaduan', [
    { key: 'darwas', label: 'Berkadar Pengawasan (DarWas)', count: r.byType.darwas },
    { key: 'non', label: 'Tidak Berkadar Pengawasan (Non DarWas)', count: r.byType.nonDarwas },
    ...(r.byType.unverified ? [{ key: 'belum', label: 'Belum diverifikasi', count: r.byType.unverified }] : []),
  ]))}
${section('3. Berdasarkan Sumber Pengaduan', `<table>${cols([8, 47, 13, 32])}<thead><tr><th>No</th><th>Sumber Pengaduan</th><th>Jumlah</th><th>Keterangan</th></tr></thead>${rowsEndingWith(source, 4, signature)}</table>`)}`;
}

const tick = (b: boolean) => (b ? '✓' : '');

export function resultsBody(r: PeriodRecap): RecapBody {
  const rows = r.results.length
    ? r.results.map(
        (x) =>
          `<tr><td class="n">${x.no}</td><td>${esc(x.registrationNo)}<br>${esc(formatDate(x.receivedDate))}</td><td>${esc(x.reporter)}<br>Terlapor: ${esc(x.reportedParty)}</td><td>${esc(x.substance)}</td><td class="c">${tick(x.status === 'proses')}</td><td class="c">${tick(x.status === 'benar')}</td><td class="c">${tick(x.status === 'tidak_benar')}</td><td class="c">${tick(x.pp53)}</td><td class="c">${tick(x.tpTgr)}</td><td class="c">${tick(x.pidana)}</td><td class="c">${tick(x.lainLain)}</td><td>${esc(x.remarks)}</td></tr>`,
      )
    : [1, 2, 3].map((n) => `<tr><td class="n">${n}</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td>nihil</td></tr>`);
  return (signature) => `<table class="results">${cols([3.5, 11.5, 13, 28, 4.5, 4.5, 4.5, 5.5, 4.5, 4.5, 5, 11])}<thead><tr><th rowspan="3">No urut</th><th rowspan="3">No &amp; tanggal surat</th><th rowspan="3">Pelapor &amp; terlapor</th><th rowspan="3">Substansi pengaduan</th><th colspan="3">Status tindak lanjut</th><th colspan="4">Sanksi</th><th rowspan="3">Keterangan</th></tr>
<tr><th rowspan="2">Dalam proses</th><th colspan="2">Selesai</th><th rowspan="2">PP 53/2010</th><th rowspan="2">TP/TGR</th><th rowspan="2">Pidana</th><th rowspan="2">Lain-lain</th></tr>
<tr><th>Benar</th><th>Tidak</th></tr></thead>${rowsEndingWith(rows, 12, signature)}</table>`;
}

export function monevBody(m: Monev): RecapBody {
  const rows = m.rows.map((r, i) => `<tr><td class="n">${i + 1}</td><td>${esc(r.activity)}</td><td>${esc(r.obstacles).replace(/\n/g, '<br>')}</td><td>${esc(r.plan).replace(/\n/g, '<br>')}</td></tr>`);
  return (signature) => `<table>${cols([5, 35, 30, 30])}<thead><tr><th>No</th><th>Kegiatan penanganan pengaduan</th><th>Kendala</th><th>Rencana tindak lanjut</th></tr></thead>${rowsEndingWith(rows, 4, signature)}</table>`;
}
