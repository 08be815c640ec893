// The supervisor's recaps as printable HTML, drawn from their declarations in
// forms/recap-layouts.ts: heading, tables (a total row, "nihil" for zero) and the team's signature.
import type { Period } from '../forms/periods';
import type { RecapKind } from '../forms/recap';
import { drawTable, recapHeading, recapLayout, recapSignature, tablesOf, UNNAMED, valueText, type Block, type Cell, type RecapData, type Table } from '../forms/recap-layouts';
import type { Settings } from '../forms/settings';
import type { TimeZone } from '../forms/time';
import { PRINT_FONT_STACK } from './print-fonts';

const esc = (s: string | null | undefined) =>
  (s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * A recap's body, given the signature to close its last table with: the signature goes in one
 * unbreakable row group with the table's last row, so it never stands alone on the last page.
 */
export type RecapBody = (signature: string) => string;

export function recapPage(kind: RecapKind, settings: Settings, period: Period, body: RecapBody, today: string): string {
  const h = recapHeading(kind, settings, period);
  const s = recapSignature(settings, today);
  const signature = `<div class="sign">${esc(s.placeDate)}<br>${esc(s.team)}<br>${esc(s.role)}<div class="space"></div>${s.name ? `<u>${esc(s.name)}</u>` : UNNAMED}${
    s.nip ? `<br>${esc(s.nip)}` : ''
  }</div>`;
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${esc(h.title)}</title><style>
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
<h1>${esc(h.title)}</h1>
<div class="sub"><b>${esc(h.office)}</b><br>${esc(h.region)}<br>${esc(h.year)} &nbsp; ${esc(h.period)}</div>
${body(signature)}
</body></html>`;
}

/** Table rows whose last row carries the signature below it in a group that never splits. */
function rowsEndingWith(rows: string[], columns: number, signature: string | null): string {
  if (signature === null) return `<tbody>${rows.join('')}</tbody>`;
  const head = rows.slice(0, -1);
  return `${head.length ? `<tbody>${head.join('')}</tbody>` : ''}<tbody class="end">${rows.at(-1) ?? ''}<tr class="sign-row"><td colspan="${columns}">${signature}</td></tr></tbody>`;
}

const span = (name: string, n: number) => (n > 1 ? ` ${name}="${n}"` : '');
const ALIGN = { no: ' class="n"', centre: ' class="c"' } as const;

function td(c: Cell, tz: TimeZone): string {
  const content = c.parts
    .map(({ prefix, value }) => {
      const t = esc(prefix) + esc(valueText(value, tz));
      return value.kind === 'text' && value.lines ? t.replace(/\n/g, '<br>') : t;
    })
    .join('<br>');
  return `<td${c.align ? ALIGN[c.align] : ''}${span('colspan', c.colSpan)}>${content}</td>`;
}

/** A table on paper; column widths in percent, so long tables do not waste height on narrow text columns. */
function tableHtml(t: Table, tz: TimeZone, signature: string | null): string {
  const d = drawTable(t, 'paper');
  const widths = t.columns.every((c) => c.width !== undefined) ? `<colgroup>${t.columns.map((c) => `<col style="width:${c.width}%">`).join('')}</colgroup>` : '';
  const head = d.head.map((row) => `<tr>${row.map((h) => `<th${span('rowspan', h.rowSpan)}${span('colspan', h.colSpan)}>${esc(h.text)}</th>`).join('')}</tr>`).join('\n');
  const rows = [...d.body.map((r) => `<tr>${r.map((c) => td(c, tz)).join('')}</tr>`), ...(d.total ? [`<tr class="total">${d.total.map((c) => td(c, tz)).join('')}</tr>`] : [])];
  return `<table${t.dense ? ' class="results"' : ''}>${widths}<thead>${head}</thead>${rowsEndingWith(rows, t.columns.length, signature)}</table>`;
}

/** A small table stays whole with its heading; a long list only keeps its heading with its first rows. */
function sectionHtml(t: Table, tz: TimeZone, signature: string | null): string {
  const table = tableHtml(t, tz, signature);
  if (!t.title) return table;
  return t.long ? `<h2>${esc(t.title)}</h2>\n${table}` : `<section class="keep"><h2>${esc(t.title)}</h2>${table}</section>`;
}

/** The recap's tables in order, the last one closed by the signature. */
export function recapBody(blocks: Block[], tz: TimeZone): RecapBody {
  const last = tablesOf(blocks).at(-1);
  return (signature) => {
    const html = (t: Table) => sectionHtml(t, tz, t === last ? signature : null);
    return blocks.map((b) => ('pair' in b ? `<div class="pair">${b.pair.map((side) => `<div>${side.map(html).join('')}</div>`).join('')}</div>` : html(b))).join('\n');
  };
}

/** The body of a recap of this kind from the data the core read for it. */
export const recapBodyOf = (kind: RecapKind, data: RecapData, tz: TimeZone): RecapBody => recapBody(recapLayout(kind, data), tz);
