import { formatNumber } from '../../../forms/format';

/**
 * A small horizontal bar chart in SVG: a dozen bars need no charting library, and inline SVG
 * passes the strict CSP and prints. The numbers are also in the accessible description.
 */
export function BarChart({ title, data, unit = '', target }: { title: string; data: { label: string; value: number }[]; unit?: string; target?: number }) {
  const max = Math.max(1, target ?? 0, ...data.map((d) => d.value));
  const row = 22;
  const labelW = 150;
  const width = 520;
  const barW = width - labelW - 60;
  const height = data.length * row + 8;
  const description = data.map((d) => `${d.label}: ${formatNumber(d.value)}${unit}`).join('; ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}. ${description}${target !== undefined ? `; target ${formatNumber(target)}${unit}` : ''}`} width="100%" style={{ maxWidth: width }}>
        {data.map((d, i) => (
          <g key={d.label} transform={`translate(0, ${i * row + 4})`}>
            <text x={labelW - 6} y={14} textAnchor="end" fontSize="11">
              {d.label}
            </text>
            <rect x={labelW} y={3} width={(d.value / max) * barW} height={14} fill="#1f5189" />
            <text x={labelW + (d.value / max) * barW + 4} y={14} fontSize="11">
              {formatNumber(d.value)}
              {unit}
            </text>
          </g>
        ))}
        {target !== undefined ? <line x1={labelW + (target / max) * barW} x2={labelW + (target / max) * barW} y1={0} y2={height} stroke="#b3261e" strokeDasharray="4 3" /> : null}
      </svg>
    </figure>
  );
}
