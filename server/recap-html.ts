// The supervisor's recaps as printable HTML, in the layout of seed 000 (tables with a total row,
// "nihil" for zero) and the weekly recap of seed 003 Pasal 10, ending with the team's signature.
import type { Period } from '../forms/periods';
import { describePeriod } from '../forms/periods';
import { nihil, RECAP_TITLES, type CountRow, type Monev, type PeriodRecap, type RecapKind, type WeeklyRecap } from '../forms/recap';
import type { Settings } from '../forms/settings';
import { formatDate, formatDateTime, formatTanggal } from '../forms/format';
import { STATUS_LABELS } from '../forms/vocabulary';

const esc = (s: string | null | undefined) =>
  (s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function recapPage(kind: RecapKind, settings: Settings, period: Period, body: string, today: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${esc(RECAP_TITLES[kind])}</title><style>
@page { margin: 15mm 15mm 15mm 20mm; }
body { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 11pt; color: #000; margin: 0; }
h1 { font-size: 12.5pt; text-align: center; margin: 0; text-transform: uppercase; }
.sub { text-align: center; margin: 2pt 0 10pt; }
h2 { font-size: 11.5pt; margin: 12pt 0 4pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 6pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
th { background: #eee; }
td.n { text-align: center; width: 8%; } td.c { text-align: center; }
tr.total td { font-weight: bold; }
.sign { margin-top: 18pt; margin-left: 60%; text-align: center; page-break-inside: avoid; }
.sign .space { height: 48pt; }
</style></head><body>
<h1>${esc(RECAP_TITLES[kind])}</h1>
<div class="sub"><b>${esc(settings.officeName)}</b><br>${esc(settings.kabupatenKota)}<br>TAHUN : ${period.from.slice(0, 4)} &nbsp; PERIODE : ${esc(describePeriod(period))}</div>
${body}
<div class="sign">${esc(settings.place)}, ${esc(formatTanggal(today))}<br>${esc(settings.teamName)}<br>Ketua<div class="space"></div>${
    settings.ketuaName ? `<u>${esc(settings.ketuaName)}</u>` : '(……………………………)'
  }${settings.ketuaNip ? `<br>NIP ${esc(settings.ketuaNip)}` : ''}</div>
</body></html>`;
}

const countTable = (head: string, rows: CountRow[], opts: { nihil?: boolean } = {}) => {
  const total = rows.reduce((a, r) => a + r.count, 0);
  const fmt = (n: number) => (opts.nihil ? nihil(n) : String(n));
  return `<table><tr><th>No</th><th>${esc(head)}</th><th>Jumlah</th></tr>${rows
    .map((r, i) => `<tr><td class="n">${i + 1}</td><td>${esc(r.label)}</td><td class="c">${fmt(r.count)}</td></tr>`)
    .join('')}<tr class="total"><td></td><td>Total</td><td class="c">${fmt(total)}</td></tr></table>`;
};

export function weeklyBody(r: WeeklyRecap, tz: Settings['timeZone']): string {
  const items = r.items.length
    ? r.items
        .map(
          (i, n) =>
            `<tr><td class="n">${n + 1}</td><td>${esc(i.registrationNo)}<br>${esc(formatDateTime(i.receivedAt, tz))}</td><td>${esc(i.reporter)}</td><td>${esc(i.summary)}</td><td>${esc(STATUS_LABELS[i.statusAtEnd])}</td><td>${esc(i.followUp)}</td></tr>`,
        )
        .join('')
    : '<tr><td class="n">1</td><td colspan="5">nihil</td></tr>';
  return `<table><tr><th>Diterima</th><th>Selesai</th><th>Terlambat</th></tr><tr><td class="c">${nihil(r.received)}</td><td class="c">${nihil(r.finished)}</td><td class="c">${nihil(r.overdue)}</td></tr></table>
<h2>1. Menurut jenis pengaduan</h2>${countTable('Jenis pengaduan', r.byJenis, { nihil: true })}
<h2>2. Menurut sarana</h2>${countTable('Sarana pengaduan', r.byChannel.filter((x) => x.count > 0 || x.key === 'tatap_muka'), { nihil: true })}
<h2>3. Menurut formulir</h2>${countTable('Formulir', r.byForm, { nihil: true })}
<h2>4. Menurut klasifikasi</h2>${countTable('Klasifikasi', r.byClassification, { nihil: true })}
<h2>5. Status pada akhir minggu</h2>${countTable('Status', r.byStatusAtEnd, { nihil: true })}
<h2>6. Daftar pengaduan dan tindak lanjutnya</h2>
<table><tr><th>No</th><th>Nomor registrasi / diterima</th><th>Pelapor</th><th>Masalah</th><th>Status</th><th>Tindak lanjut terakhir</th></tr>${items}</table>`;
}

export function periodBody(r: PeriodRecap): string {
  const ch = r.bySource.directChannels.map((c, i) => `${i + 1}. ${esc(c)}`).join(' ');
  return `<h2>1. Berdasarkan Status Penanganan</h2>${countTable('Status Pengaduan', [
    { key: 'selesai', label: 'Selesai ditangani', count: r.byStatus.finished },
    { key: 'proses', label: 'Dalam proses penanganan', count: r.byStatus.inProcess },
  ], { nihil: true })}
<h2>2. Berdasarkan Jenis Pengaduan</h2>${countTable('Jenis Pengaduan', [
    { key: 'darwas', label: 'Berkadar Pengawasan (DarWas)', count: r.byType.darwas },
    { key: 'non', label: 'Tidak Berkadar Pengawasan (Non DarWas)', count: r.byType.nonDarwas },
    ...(r.byType.unverified ? [{ key: 'belum', label: 'Belum diverifikasi', count: r.byType.unverified }] : []),
  ], { nihil: true })}
<h2>3. Berdasarkan Sumber Pengaduan</h2>
<table><tr><th>No</th><th>Sumber Pengaduan</th><th>Jumlah</th><th>Keterangan</th></tr>
<tr><td class="n">1</td><td>Diterima dari KemenPANRB/TP5000/Instansi lain</td><td class="c">${nihil(r.bySource.fromAgencies)}</td><td></td></tr>
<tr><td class="n">2</td><td>Diterima langsung, lewat kanal pengaduan kantor</td><td class="c">${nihil(r.bySource.direct)}</td><td>${ch}</td></tr>
<tr class="total"><td></td><td>Total Pengaduan</td><td class="c">${nihil(r.bySource.total)}</td><td></td></tr></table>`;
}

const tick = (b: boolean) => (b ? '✓' : '');

export function resultsBody(r: PeriodRecap): string {
  const rows = r.results.length
    ? r.results
        .map(
          (x) =>
            `<tr><td class="n">${x.no}</td><td>${esc(x.registrationNo)}<br>${esc(formatDate(x.receivedDate))}</td><td>${esc(x.reporter)}<br>Terlapor: ${esc(x.reportedParty)}</td><td>${esc(x.substance)}</td><td class="c">${tick(x.status === 'proses')}</td><td class="c">${tick(x.status === 'benar')}</td><td class="c">${tick(x.status === 'tidak_benar')}</td><td class="c">${tick(x.pp53)}</td><td class="c">${tick(x.tpTgr)}</td><td class="c">${tick(x.pidana)}</td><td class="c">${tick(x.lainLain)}</td><td>${esc(x.remarks)}</td></tr>`,
        )
        .join('')
    : [1, 2, 3].map((n) => `<tr><td class="n">${n}</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td>nihil</td></tr>`).join('');
  return `<table><tr><th rowspan="3">No urut</th><th rowspan="3">No &amp; tanggal surat</th><th rowspan="3">Pelapor &amp; terlapor</th><th rowspan="3">Substansi pengaduan</th><th colspan="3">Status tindak lanjut</th><th colspan="4">Sanksi</th><th rowspan="3">Keterangan</th></tr>
<tr><th rowspan="2">Dalam proses</th><th colspan="2">Selesai</th><th rowspan="2">PP 53/2010</th><th rowspan="2">TP/TGR</th><th rowspan="2">Pidana</th><th rowspan="2">Lain-lain</th></tr>
<tr><th>Benar</th><th>Tidak</th></tr>${rows}</table>`;
}

export function monevBody(m: Monev): string {
  return `<table><tr><th>No</th><th>Kegiatan penanganan pengaduan</th><th>Kendala</th><th>Rencana tindak lanjut</th></tr>${m.rows
    .map((r, i) => `<tr><td class="n">${i + 1}</td><td>${esc(r.activity)}</td><td>${esc(r.obstacles).replace(/\n/g, '<br>')}</td><td>${esc(r.plan).replace(/\n/g, '<br>')}</td></tr>`)
    .join('')}</table>`;
}
