// A recap's tables on screen, drawn from their declarations in forms/recap-layouts.ts like the PDF
// and the XLSX: the same sections, headings, rows, totals and nihil fillers. The screen gives each
// value its own column, as the spreadsheet does, where paper stacks a column's parts in one cell.
import { useId, type ReactNode } from 'react';
import { drawTable, tablesOf, valueText, type Block, type Cell, type HeadCell, type Table } from '../../../forms/recap-layouts';
import type { TimeZone } from '../../../forms/time';

function Cells({ cells, tz }: { cells: Cell[]; tz: TimeZone }) {
  return cells.map((c, i) => (
    <td key={i} colSpan={c.colSpan > 1 ? c.colSpan : undefined}>
      {c.parts.map((p) => valueText(p.value, tz)).join(' ')}
    </td>
  ));
}

/** Heading rows; a group's heading spans the columns under it. */
export function Head({ rows }: { rows: HeadCell[][] }) {
  return (
    <thead>
      {rows.map((row, i) => (
        <tr key={i}>
          {row.map((h) => (
            <th key={h.text} scope={h.colSpan > 1 ? 'colgroup' : 'col'} colSpan={h.colSpan > 1 ? h.colSpan : undefined} rowSpan={h.rowSpan > 1 ? h.rowSpan : undefined}>
              {h.text}
            </th>
          ))}
        </tr>
      ))}
    </thead>
  );
}

function RecapTable({ t, tz }: { t: Table; tz: TimeZone }) {
  const id = useId();
  const d = drawTable(t, 'screen');
  return (
    <div className={t.long ? 'table-scroll' : undefined}>
      {t.title ? <h3 id={id}>{t.title}</h3> : null}
      <table className={t.long ? 'recap wide' : 'recap'} aria-labelledby={t.title ? id : undefined} aria-label={t.title ? undefined : t.label}>
        <Head rows={d.head} />
        <tbody>
          {d.body.map((row, i) => (
            <tr key={i}>
              <Cells cells={row} tz={tz} />
            </tr>
          ))}
          {d.total ? (
            <tr className="total">
              <Cells cells={d.total} tz={tz} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/** The blocks in order, tables printed two abreast side by side; `beforeLists` goes above the long lists. */
export function RecapTables({ blocks, tz, beforeLists }: { blocks: Block[]; tz: TimeZone; beforeLists?: ReactNode }) {
  const firstList = blocks.findIndex((b) => !('pair' in b) && b.long);
  const draw = (b: Block, i: number) =>
    'pair' in b ? (
      <div key={i} className="recap-grid">
        {tablesOf([b]).map((t, j) => (
          <RecapTable key={j} t={t} tz={tz} />
        ))}
      </div>
    ) : (
      <RecapTable key={i} t={b} tz={tz} />
    );
  return (
    <>
      {blocks.slice(0, firstList === -1 ? undefined : firstList).map(draw)}
      {beforeLists}
      {firstList === -1 ? null : blocks.slice(firstList).map((b, i) => draw(b, firstList + i))}
    </>
  );
}
