// Printable documents as self-contained HTML (inline CSS, no scripts): the tanda terima for the
// reporter, each filled form laid out like its paper original from its layout (forms/layouts.ts;
// Perbup Buton Utara 16/2019, Lampiran II.A–C) and the letters of the handling flow.
import type { ComplaintDetail } from '../forms/complaint';
import type { ComplaintEvent } from '../forms/history';
import { PAPER_NOTES, sectionsOf, TITLE_LINE_BREAKS, type AnyFieldSpec } from '../forms/layouts';
import { formatPhone } from '../forms/phone';
import { LETTER_SOURCE_EVENT, PAPER_MM, PRINT_LABELS, type LetterKind, type PaperSize, type PrintKind } from '../forms/print';
import type { Settings } from '../forms/settings';
import { formatHariTanggal, formatTanggal, formatTime } from '../forms/format';
import { toLocal } from '../forms/time';
import { CHANNEL_LABELS, FORM_TITLES, GENDER_LABELS, HIDDEN_REPORTER } from '../forms/vocabulary';
import { PRINT_FONT_STACK } from './print-fonts';

const esc = (s: string | null | undefined) =>
  (s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
const para = (s: string | null | undefined) => (s ? esc(s).replace(/\n/g, '<br>') : '<span class="blank">…………………………………………</span>');

function page(title: string, paper: PaperSize, body: string): string {
  const { width, height } = PAPER_MM[paper];
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
@page { size: ${width}mm ${height}mm; margin: 20mm 20mm 20mm 25mm; }
body { font-family: ${PRINT_FONT_STACK}; font-size: 12pt; line-height: 1.45; color: #000; margin: 0; }
h1 { font-size: 13pt; text-align: center; margin: 0; }
h2 { font-size: 12pt; text-align: center; margin: 0 0 14pt; font-weight: bold; }
.office { text-align: center; font-weight: bold; border-bottom: 2px solid #000; padding-bottom: 6pt; margin-bottom: 12pt; }
.section { font-weight: bold; margin: 10pt 0 4pt; break-after: avoid; }
table.kv { border-collapse: collapse; width: 100%; }
table.kv td { vertical-align: top; padding: 1pt 0; }
table.kv td.k { width: 38%; } table.kv td.c { width: 3%; }
.text { min-height: 40pt; margin-left: 12pt; }
.blank { color: #555; }
.sign { margin-top: 28pt; margin-left: 55%; text-align: center; break-inside: avoid; }
table.kv tr { break-inside: avoid; }
.sign .space { height: 52pt; }
.note { margin-top: 14pt; font-weight: bold; font-style: italic; }
.reg { font-size: 14pt; font-weight: bold; text-align: center; border: 1.5px solid #000; padding: 6pt; margin: 10pt 0; }
</style></head><body>${body}</body></html>`;
}

const kv = (rows: [string, string][]) =>
  `<table class="kv">${rows.map(([k, v]) => `<tr><td class="k">${esc(k)}</td><td class="c">:</td><td>${v}</td></tr>`).join('')}</table>`;

function signature(settings: Settings, dateLocal: string, name: string | null, role: string): string {
  return `<div class="sign">${esc(settings.place)}, ${esc(formatTanggal(dateLocal))}<div class="space"></div>(${
    name ? esc(name) : '<span class="blank">……………………………</span>'
  })<br>${esc(role)}</div>`;
}

/** A form's title as its paper prints it: in capitals, broken into lines where the paper breaks it. */
const formHeading = (form: ComplaintDetail['form']) =>
  FORM_TITLES[form]
    .toUpperCase()
    .split(' ')
    .map((word, i) => (TITLE_LINE_BREAKS[form].includes(i) ? `<br>${esc(word)}` : (i ? ' ' : '') + esc(word)))
    .join('');

/** A field's value as the paper shows it (the time and date are those the complaint was received). */
function printedValue(f: AnyFieldSpec, c: ComplaintDetail, settings: Settings): string {
  const local = toLocal(c.receivedAt, settings.timeZone);
  switch (f.kind) {
    case 'time':
      return esc(`${formatTime(local.time)} ${settings.timeZone}`);
    case 'date':
      return esc(formatHariTanggal(local.date));
    case 'channel':
      return esc(CHANNEL_LABELS[c.channel]);
    case 'gender':
      return c.reporterGender ? esc(GENDER_LABELS[c.reporterGender]) : para(null);
    case 'tel':
      return para(c.reporterPhone ? formatPhone(c.reporterPhone) : null);
    default:
      return para(c[f.name as 'content' | 'problem' | 'resolution' | 'reporterName' | 'reporterInstitution' | 'reporterAddress' | 'reporterEmail']);
  }
}

function formDocument(c: ComplaintDetail, settings: Settings): string {
  const local = toLocal(c.receivedAt, settings.timeZone);
  const header = `<div class="office">${esc(settings.officeName)}<br>${esc(settings.kabupatenKota)}</div>`;
  const reg = `<p>Nomor registrasi: <b>${esc(c.registrationNo)}</b></p>`;
  // The sections the paper has; one field alone is written out under its heading.
  const sections = sectionsOf(c.form)
    .filter((s) => s.printed !== null)
    .map((s) => {
      const heading = `<div class="section">${esc(s.printed ?? s.title)}</div>`;
      if (s.fields.length === 1) return `${heading}<div class="text">${printedValue(s.fields[0]!, c, settings)}</div>`;
      return heading + kv(s.fields.map((f) => [f.printed ?? f.label, printedValue(f, c, settings)]));
    })
    .join('\n');
  // Formulir B is signed by the reporter on the slip's date; A and C by the officer on the day received.
  const signs =
    c.form === 'B'
      ? `<p class="note">${esc(PAPER_NOTES.B)}</p>
${signature(settings, c.slipDate ?? local.date, c.anonymous ? null : c.reporterName, 'Nama Pelapor')}`
      : signature(settings, local.date, c.officer, 'Petugas layanan pengaduan masyarakat');
  return `${header}<h1>FORMULIR ${c.form}</h1><h2>${formHeading(c.form)}</h2>${reg}\n${sections}\n${signs}`;
}

function receiptDocument(c: ComplaintDetail, settings: Settings): string {
  const followUp = [settings.officePhone ? `telepon ${esc(settings.officePhone)}` : null, settings.website ? `website ${esc(settings.website)}` : null]
    .filter(Boolean)
    .join(' atau ');
  const reporter = c.anonymous ? 'Anonim' : c.reporterName;
  const received = toLocal(c.receivedAt, settings.timeZone);
  return `<div class="office">${esc(settings.officeName)}<br>${esc(settings.kabupatenKota)}${settings.officeAddress ? `<br><span style="font-weight:normal">${esc(settings.officeAddress)}</span>` : ''}</div>
<h1>TANDA TERIMA PENGADUAN</h1><div class="reg">Nomor registrasi: ${esc(c.registrationNo)}</div>
${kv([
  ['Tanggal dan waktu diterima', esc(`${formatHariTanggal(received.date)}, ${formatTime(received.time)} ${settings.timeZone}`)],
  ['Formulir', esc(`Formulir ${c.form} — ${FORM_TITLES[c.form]}`)],
  ['Sarana pengaduan', esc(CHANNEL_LABELS[c.channel])],
  ['Pelapor', para(reporter)],
  ['Petugas penerima', para(c.officer)],
])}
<p>Pengaduan Saudara telah kami terima dan dicatat. Untuk menanyakan tindak lanjutnya, sebutkan nomor registrasi di atas${
    followUp ? ` melalui ${followUp}` : ' di loket layanan pengaduan'
  }.</p>
${signature(settings, toLocal(c.createdAt, settings.timeZone).date, c.officer, 'Petugas layanan pengaduan masyarakat')}`;
}

export interface LetterFields {
  letterNo: string | null;
  /** YYYY-MM-DD; today in the office's zone when absent. */
  letterDate: string | null;
}

const lastEvent = (c: ComplaintDetail, types: readonly string[]): ComplaintEvent | undefined => [...c.events].reverse().find((e) => types.includes(e.type));

/** A reporter a letter may name: a protected one is never named in a letter that leaves the office. */
function reporterForLetter(c: ComplaintDetail, leavesToReporter: boolean): string {
  if (leavesToReporter) return c.anonymous ? 'Pelapor' : (c.reporterName ?? 'Pelapor');
  return c.anonymous || c.confidential ? HIDDEN_REPORTER : (c.reporterName ?? '(tanpa nama)');
}

function letterDocument(kind: LetterKind, c: ComplaintDetail, settings: Settings, f: LetterFields, today: string): string {
  const date = f.letterDate ?? today;
  const received = formatTanggal(toLocal(c.receivedAt, settings.timeZone).date);
  const head = `<div class="office">${esc(settings.officeName)}<br>${esc(settings.kabupatenKota)}${settings.officeAddress ? `<br><span style="font-weight:normal">${esc(settings.officeAddress)}</span>` : ''}</div>
<table class="kv" style="width:60%"><tr><td class="k">Nomor</td><td class="c">:</td><td>${f.letterNo ? esc(f.letterNo) : para(null)}</td></tr>
<tr><td class="k">Lampiran</td><td class="c">:</td><td>-</td></tr>`;
  const signer = settings.headName ? { name: settings.headName, nip: settings.headNip, role: `Kepala ${settings.officeName}` } : { name: settings.ketuaName, nip: settings.ketuaNip, role: `Ketua ${settings.teamName}` };
  const sign = `<div class="sign">${esc(settings.place)}, ${esc(formatTanggal(date))}<br>${esc(signer.role)}<div class="space"></div>${signer.name ? `<u>${esc(signer.name)}</u>` : '(……………………………)'}${signer.nip ? `<br>NIP ${esc(signer.nip)}` : ''}</div>`;
  const ref = `pengaduan Saudara yang kami terima pada ${esc(received)} dengan nomor registrasi <b>${esc(c.registrationNo)}</b>`;
  const to = (who: string, where: string | null) => `<p>Kepada Yth.<br>${esc(who)}${where ? `<br>${esc(where)}` : ''}<br>di tempat</p>`;

  if (kind === 'surat_kelengkapan') {
    const asked = lastEvent(c, ['minta_kelengkapan']);
    return `${head}<tr><td class="k">Hal</td><td class="c">:</td><td>Permintaan kelengkapan data pengaduan</td></tr></table>
${to(reporterForLetter(c, true), c.anonymous ? null : c.reporterAddress)}
<p>Sehubungan dengan ${ref}, untuk dapat ditindaklanjuti kami mohon Saudara melengkapi:</p>
<div class="text">${para(asked?.note ?? null)}</div>
<p>Kelengkapan agar disampaikan paling lambat ${settings.deadlineCompletenessDays} hari kerja sejak surat ini diterima. Apabila sampai batas waktu tersebut kelengkapan tidak kami terima, pengaduan akan diarsipkan.</p>
<p>Demikian disampaikan, atas perhatian Saudara diucapkan terima kasih.</p>${sign}`;
  }
  if (kind === 'surat_penerusan') {
    const fwd = lastEvent(c, ['teruskan']);
    const targets = (fwd?.type === 'teruskan' && fwd.data.targets) || [];
    const main = targets.filter((t) => !t.copy);
    const copies = targets.filter((t) => t.copy);
    return `${head}<tr><td class="k">Hal</td><td class="c">:</td><td>Penerusan pengaduan masyarakat</td></tr></table>
${to(main.map((t) => t.name).join(', ') || '……………………', null)}
<p>Bersama ini kami teruskan pengaduan masyarakat dengan nomor registrasi <b>${esc(c.registrationNo)}</b> yang kami terima pada ${esc(received)} melalui ${esc(CHANNEL_LABELS[c.channel].toLowerCase())}, dengan pokok pengaduan:</p>
<div class="text">${para(c.problem ?? c.content)}</div>
<p>Pelapor: ${esc(reporterForLetter(c, false))}.</p>
<p>Mohon kiranya dapat ditindaklanjuti sesuai kewenangan dan hasilnya disampaikan kepada kami untuk diteruskan kepada pelapor.</p>
${sign}${copies.length ? `<p style="margin-top:18pt">Tembusan:<br>${copies.map((t, i) => `${i + 1}. ${esc(t.name)}`).join('<br>')}</p>` : ''}`;
  }
  const answer = lastEvent(c, LETTER_SOURCE_EVENT.surat_jawaban);
  const text = ((answer?.type === 'jawab' || answer?.type === 'jawab_langsung') && answer.data.answer) || answer?.note || c.resolution;
  return `${head}<tr><td class="k">Hal</td><td class="c">:</td><td>Jawaban atas pengaduan</td></tr></table>
${to(reporterForLetter(c, true), c.anonymous ? null : c.reporterAddress)}
<p>Menindaklanjuti ${ref}, dengan ini kami sampaikan hasil penanganannya sebagai berikut:</p>
<div class="text">${para(text ?? null)}</div>
<p>Apabila Saudara belum puas atas penanganan ini, Saudara dapat menyampaikannya kembali kepada kami dengan menyebut nomor registrasi di atas.</p>
<p>Demikian disampaikan, atas perhatian Saudara diucapkan terima kasih.</p>${sign}`;
}

export function printableHtml(kind: PrintKind, c: ComplaintDetail, settings: Settings, paper: PaperSize, letter: LetterFields = { letterNo: null, letterDate: null }, today = toLocal(new Date(), settings.timeZone).date): string {
  const title = `${PRINT_LABELS[kind]} ${c.registrationNo}`;
  if (kind === 'receipt') return page(title, paper, receiptDocument(c, settings));
  if (kind === 'form') return page(title, paper, formDocument(c, settings));
  return page(title, paper, letterDocument(kind, c, settings, letter, today));
}
