// Findings by area and severity as stacked horizontal bars: inline SVG built from React elements (no innerHTML).
// The picture is labelled for screen readers, and the counts are also written next to each bar.
import type { Severity } from '../../utils/audit/types';
import type { Area, SeverityCounts } from './model';

const COLORS: Record<Severity, string> = { error: '#b42318', warning: '#dc6803', info: '#175cd3' };
const SEVERITY_WORD: Record<Severity, string> = { error: 'errors', warning: 'warnings', info: 'notes' };
const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

const LABEL_WIDTH = 170;
const BAR_WIDTH = 330;
const ROW_HEIGHT = 26;
const TOP = 8;

export function SeverityChart({ data, title }: { data: readonly { area: Area; counts: SeverityCounts }[]; title: string }) {
  const max = Math.max(1, ...data.map(({ counts }) => counts.error + counts.warning + counts.info));
  const height = TOP + data.length * ROW_HEIGHT + 28;
  const description = data
    .map(({ area, counts }) => `${area}: ${ORDER.map((severity) => `${counts[severity]} ${SEVERITY_WORD[severity]}`).join(', ')}`)
    .join('. ');
  return (
    <svg
      className="mg-chart"
      role="img"
      aria-labelledby="mg-chart-title mg-chart-desc"
      viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 50} ${height}`}
      width="100%"
      style={{ maxWidth: 560 }}
    >
      <title id="mg-chart-title">{title}</title>
      <desc id="mg-chart-desc">{description}</desc>
      {data.map(({ area, counts }, row) => {
        const y = TOP + row * ROW_HEIGHT;
        let x = LABEL_WIDTH;
        const total = counts.error + counts.warning + counts.info;
        return (
          <g key={area} data-area={area}>
            <text x={LABEL_WIDTH - 8} y={y + 15} textAnchor="end" fontSize="12" fill="#1d2939">
              {area}
            </text>
            {ORDER.map((severity) => {
              const width = (counts[severity] / max) * BAR_WIDTH;
              const rect =
                width > 0 ? (
                  <rect key={severity} x={x} y={y + 3} width={width} height={16} fill={COLORS[severity]} data-severity={severity}>
                    <title>{`${area}: ${counts[severity]} ${SEVERITY_WORD[severity]}`}</title>
                  </rect>
                ) : null;
              x += width;
              return rect;
            })}
            <text x={x + 6} y={y + 15} fontSize="12" fill="#475467">
              {String(total)}
            </text>
          </g>
        );
      })}
      <g transform={`translate(${LABEL_WIDTH}, ${TOP + data.length * ROW_HEIGHT + 8})`}>
        {ORDER.map((severity, index) => (
          <g key={severity} transform={`translate(${index * 100}, 0)`}>
            <rect width="12" height="12" fill={COLORS[severity]} />
            <text x="16" y="11" fontSize="12" fill="#1d2939">
              {SEVERITY_WORD[severity]}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
