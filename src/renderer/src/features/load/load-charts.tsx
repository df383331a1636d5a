/**
 * The Load screen's live charts: the chart models of the run so far (src/shared/load/load-charts.ts,
 * the same the HTML report draws), drawn as they are: each series' path, each tick at its place,
 * the response limit as a labelled dashed line. No arithmetic here beyond placing the text.
 */
import { useMemo } from 'react';
import type { ReactElement } from 'react';
import { CHART_COLORS, LIMIT_COLOR, loadCharts } from '../../../../shared/load/load-charts.ts';
import type { ChartModel, ChartSeries } from '../../../../shared/load/load-charts.ts';
import type { LoadTally } from '../../../../shared/load/load-types.ts';

/** The charts' size in user units: about their size on screen, so their text stays readable. */
const SIZE = { width: 520, height: 230 } as const;

/** Props of {@link LoadCharts}. */
export interface LoadChartsProps {
  tally: LoadTally;
  responseLimitMs: number;
}

/**
 * A series' colour: the model's palette, through a CSS variable of the same index so the dark
 * scheme can lighten it (load.css); presentation attributes cannot read variables, styles can.
 */
function color(series: ChartSeries): string {
  const index = series.colorIndex % CHART_COLORS.length;
  return `var(--load-chart-${index}, ${CHART_COLORS[index] ?? '#1f5f99'})`;
}

function SeriesPath({ series }: { series: ChartSeries }): ReactElement | null {
  if (series.path === '') return null;
  const stroke = color(series);
  const dash = series.dashed ? '4 3' : undefined;
  if (series.kind === 'line') {
    return (
      <path
        d={series.path}
        fill="none"
        style={{ stroke }}
        strokeWidth={1.6}
        strokeDasharray={dash}
      />
    );
  }
  if (series.kind === 'area') {
    return (
      <path d={series.path} style={{ fill: stroke, stroke }} fillOpacity={0.18} strokeWidth={1.2} />
    );
  }
  return <path d={series.path} style={{ fill: stroke }} />;
}

/** One chart of the model. */
export function LoadChart({ chart }: { chart: ChartModel }): ReactElement {
  const { plot } = chart;
  const bottom = plot.y + plot.height;
  const right = plot.x + plot.width;
  // The legend runs along the top margin, under the title; names are short (p99, an error code).
  const legend = chart.series.map((series, i) => ({
    series,
    x: chart.series.slice(0, i).reduce((x, s) => x + 22 + s.name.length * 6.2, plot.x),
  }));
  return (
    <figure className="load-chart" data-chart={chart.id}>
      <svg viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={chart.description}>
        <text className="load-chart__title" x={plot.x} y={15}>
          {chart.title}
        </text>
        {legend.map(({ series, x }) => (
          <g key={series.name} className="load-chart__legend">
            <rect x={x} y={24} width={12} height={8} style={{ fill: color(series) }} />
            <text x={x + 16} y={32}>
              {series.name}
            </text>
          </g>
        ))}
        {chart.yTicks.map((tick) => (
          <g key={`y${tick.at}`}>
            <line className="load-chart__grid" x1={plot.x} x2={right} y1={tick.at} y2={tick.at} />
            <text className="load-chart__tick" x={plot.x - 6} y={tick.at + 3.5} textAnchor="end">
              {tick.label}
            </text>
          </g>
        ))}
        {chart.xTicks.map((tick) => (
          <g key={`x${tick.at}`}>
            <line
              className="load-chart__axis"
              x1={tick.at}
              x2={tick.at}
              y1={bottom}
              y2={bottom + 4}
            />
            <text className="load-chart__tick" x={tick.at} y={bottom + 15} textAnchor="middle">
              {tick.label}
            </text>
          </g>
        ))}
        {chart.series.map((series) => (
          <SeriesPath key={series.name} series={series} />
        ))}
        {chart.empty && (
          <text
            className="load-chart__empty"
            x={plot.x + plot.width / 2}
            y={plot.y + plot.height / 2}
            textAnchor="middle"
          >
            {chart.empty}
          </text>
        )}
        {chart.lines.map((line) =>
          line.orientation === 'horizontal' ? (
            <g key={`h${line.at}`}>
              <line
                className="load-chart__limit"
                x1={plot.x}
                x2={right}
                y1={line.at}
                y2={line.at}
                stroke={LIMIT_COLOR}
              />
              <text
                className="load-chart__limit-label"
                x={right - 4}
                y={line.at - 4}
                textAnchor="end"
              >
                {line.label}
              </text>
            </g>
          ) : (
            <g key={`v${line.at}`}>
              <line
                className="load-chart__limit"
                x1={line.at}
                x2={line.at}
                y1={plot.y}
                y2={bottom}
                stroke={LIMIT_COLOR}
              />
              <text
                className="load-chart__limit-label"
                x={line.at - 4}
                y={plot.y + 10}
                textAnchor="end"
              >
                {line.label}
              </text>
            </g>
          ),
        )}
        <line className="load-chart__axis" x1={plot.x} x2={plot.x} y1={plot.y} y2={bottom} />
        <line className="load-chart__axis" x1={plot.x} x2={right} y1={bottom} y2={bottom} />
        <text
          className="load-chart__axis-label"
          x={plot.x + plot.width / 2}
          y={chart.height - 6}
          textAnchor="middle"
        >
          {chart.xLabel}
        </text>
        <text
          className="load-chart__axis-label"
          transform={`translate(13 ${plot.y + plot.height / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {chart.yLabel}
        </text>
      </svg>
    </figure>
  );
}

/** Every chart of the run so far: calls and errors per second, each node's latency. */
export function LoadCharts({ tally, responseLimitMs }: LoadChartsProps): ReactElement {
  const charts = useMemo(
    () => loadCharts(tally, { responseLimitMs, ...SIZE }),
    [tally, responseLimitMs],
  );
  return (
    <div className="load-charts" data-testid="load-charts">
      {charts.map((chart) => (
        <LoadChart key={chart.id} chart={chart} />
      ))}
    </div>
  );
}
