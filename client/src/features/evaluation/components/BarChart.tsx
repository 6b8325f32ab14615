import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface Bar {
  key: string;
  label: string;
  /** 0…1; null = unknown (no bar, "unknown" written instead). */
  value: number | null;
  /** The earlier value in a comparison. */
  before?: number | null;
}

export interface BarChartProps {
  title: string;
  bars: readonly Bar[];
  format: (value: number) => string;
  /** Legend texts of a comparison (earlier, later); a single series without them. */
  series?: { before: string; after: string };
}

const WIDTH = 680;
const LABEL_HEIGHT = 18;
const BAR_HEIGHT = 14;
const GAP = 10;
const VALUE_SPACE = 120;

/**
 * Horizontal bars of shares (0…100 %), plain SVG. Each bar carries its value as text; in a comparison the earlier
 * value is a hatched bar above the later one, so neither colour nor position alone carries the meaning.
 */
export function BarChart({ title, bars, format, series }: BarChartProps) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const compare = Boolean(series);
  const rowHeight = LABEL_HEIGHT + BAR_HEIGHT * (compare ? 2 : 1) + (compare ? 2 : 0) + GAP;
  const legendHeight = compare ? 26 : 0;
  const height = legendHeight + bars.length * rowHeight + 4;
  const scale = WIDTH - VALUE_SPACE;
  const valueText = (v: number | null | undefined) => (v === null || v === undefined ? t('evaluation.report.unknown') : format(v));
  const description = bars
    .map((b) => (compare ? `${b.label}: ${valueText(b.before)} → ${valueText(b.value)}` : `${b.label}: ${valueText(b.value)}`))
    .join('; ');
  const bar = (y: number, value: number | null | undefined, kind: 'before' | 'after') => (
    <g>
      <rect x={0} y={y} width={scale} height={BAR_HEIGHT} className="eval-bar__track" />
      {value !== null && value !== undefined && (
        <rect
          x={0}
          y={y}
          width={Math.max(value > 0 ? 2 : 0, value * scale)}
          height={BAR_HEIGHT}
          className={kind === 'before' ? 'eval-bar__before' : 'eval-bar__after'}
          fill={kind === 'before' ? `url(#${id}-hatch)` : undefined}
        />
      )}
      <text x={scale + 8} y={y + BAR_HEIGHT - 3} className="eval-bar__value">
        {compare
          ? `${kind === 'before' ? t('evaluation.chart.before') : t('evaluation.chart.after')}: ${valueText(value)}`
          : valueText(value)}
      </text>
    </g>
  );
  return (
    <figure className="eval-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="eval-chart__svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#c7d2e3" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#51627d" strokeWidth="2" />
          </pattern>
        </defs>
        {compare && series && (
          <g className="eval-chart__legend">
            <rect x={0} y={4} width={16} height={12} fill={`url(#${id}-hatch)`} />
            <text x={22} y={14}>
              {series.before}
            </text>
            <rect x={scale / 2} y={4} width={16} height={12} className="eval-bar__after" />
            <text x={scale / 2 + 22} y={14}>
              {series.after}
            </text>
          </g>
        )}
        {bars.map((b, i) => {
          const y = legendHeight + i * rowHeight;
          return (
            <g key={b.key} className="eval-bar">
              <text x={0} y={y + 13} className="eval-bar__label">
                {b.label}
              </text>
              {compare ? (
                <>
                  {bar(y + LABEL_HEIGHT, b.before, 'before')}
                  {bar(y + LABEL_HEIGHT + BAR_HEIGHT + 2, b.value, 'after')}
                </>
              ) : (
                bar(y + LABEL_HEIGHT, b.value, 'after')
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="eval-chart__caption">{title}</figcaption>
    </figure>
  );
}
