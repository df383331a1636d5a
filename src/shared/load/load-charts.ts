/**
 * The charts of a load run (../shared/spec/CLI.md, "`load`"), as {@link ChartModel}s computed from
 * a `LoadTally`: calls completed per second, webhook error codes per second (stacked), and per
 * webhook node its latency over time (p50, p99, max per second) and its latency histogram, each
 * latency chart with the platform's response limit drawn as a labelled line. Pure TypeScript: the
 * HTML report draws them with {@link chartSvg}, the console's Load screen with React.
 */
import { VIOLATION_CODES } from '../webhook-types.ts';
import { CHART_COLORS } from './chart-model.ts';
import type { ChartModel, ChartSeries } from './chart-model.ts';
import { formatCount, linearScale, px } from './chart-scales.ts';
import type { Scale } from './chart-scales.ts';
import { frameOf, latencyScale, limitLine, timeScale } from './chart-frame.ts';
import type { LoadChartOptions } from './chart-frame.ts';
import { latencyHistogramChart } from './chart-histogram.ts';
import { percentileMs } from './latency-histogram.ts';
import type { LoadTally } from './load-types.ts';

export { DEFAULT_RESPONSE_LIMIT_MS } from './chart-frame.ts';
export type { LoadChartOptions } from './chart-frame.ts';
export { histogramBins, latencyHistogramChart } from './chart-histogram.ts';
export type { HistogramBin } from './chart-histogram.ts';
export { chartSvg } from './chart-svg.ts';
export * from './chart-model.ts';

/** A polyline through `points`, broken wherever a point is missing (null). */
function linePath(points: readonly ([number, number] | null)[]): string {
  const parts: string[] = [];
  let run: [number, number][] = [];
  const flush = (): void => {
    const [first, ...rest] = run;
    // A lone point becomes a short dash, so a second with data between gaps stays visible.
    if (first && rest.length === 0) parts.push(`M${px(first[0] - 2)} ${first[1]}h4`);
    else if (first)
      parts.push(`M${first[0]} ${first[1]}${rest.map(([x, y]) => `L${x} ${y}`).join('')}`);
    run = [];
  };
  for (const point of points) {
    if (point) run.push(point);
    else flush();
  }
  flush();
  return parts.join('');
}

/** A rectangle from `x0` to `x1` between `y0` (bottom) and `y1` (top), as a closed sub-path. */
function rect(x0: number, x1: number, y0: number, y1: number): string {
  return `M${x0} ${y0}H${x1}V${y1}H${x0}Z`;
}

/** One bar per second, 80 % of the second wide. */
function barSpan(time: Scale, second: number): [number, number] {
  const x0 = time.map(second);
  const x1 = time.map(second + 1);
  const gap = (x1 - x0) * 0.1;
  return [px(x0 + gap), px(x1 - gap)];
}

/**
 * Latency over time of one webhook node: its p50, p99 and max of the exchanges that ended in each
 * second, on a log axis that always reaches the response limit, drawn as a horizontal line.
 */
export function latencyOverTimeChart(
  tally: LoadTally,
  node: string,
  options: LoadChartOptions = {},
): ChartModel {
  const frame = frameOf(options);
  const time = timeScale(tally.timeline, frame, options);
  const rows = tally.timeline.flatMap((s) => {
    const latency = s.nodes[node]?.latency;
    if (latency === undefined || latency.total === 0) return [];
    return [
      {
        second: s.second,
        p50: percentileMs(latency, 50),
        p99: percentileMs(latency, 99),
        max: latency.maxMicros / 1000,
      },
    ];
  });
  const y = latencyScale(
    rows.flatMap((r) => [r.p50, r.max]),
    frame,
    'y',
  );
  const statistic = (key: 'p50' | 'p99' | 'max'): string => {
    const points: ([number, number] | null)[] = [];
    let previous = Number.NaN;
    for (const row of rows) {
      if (row.second !== previous + 1) points.push(null);
      points.push([time.map(row.second + 0.5), y.map(row[key])]);
      previous = row.second;
    }
    return linePath(points);
  };
  const series: ChartSeries[] = [
    { name: 'p50', kind: 'line', path: statistic('p50'), colorIndex: 0 },
    { name: 'p99', kind: 'line', path: statistic('p99'), colorIndex: 1 },
    { name: 'max', kind: 'line', path: statistic('max'), colorIndex: 2, dashed: true },
  ];
  return {
    id: `latency:${node}`,
    width: frame.width,
    height: frame.height,
    plot: frame.plot,
    title: `${node}: latency over time`,
    xLabel: 'time since start',
    yLabel: 'latency (log scale)',
    xScale: 'linear',
    yScale: 'log',
    xTicks: time.ticks,
    yTicks: y.ticks,
    series: rows.length > 0 ? series : [],
    lines: [limitLine(y, frame, 'y')],
    description: `Latency of webhook node ${node} per second (p50, p99 and max) against the response limit.`,
    ...(rows.length > 0 ? {} : { empty: 'No exchange has ended yet.' }),
  };
}

/** Error codes in the order of the spec's list (unknown ones after, by name). */
function codeOrder(a: string, b: string): number {
  const rank = (code: string): number => {
    const i = (VIOLATION_CODES as readonly string[]).indexOf(code);
    return i === -1 ? VIOLATION_CODES.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** Webhook errors per second, every node together, one stacked series per error code. */
export function errorsOverTimeChart(tally: LoadTally, options: LoadChartOptions = {}): ChartModel {
  const frame = frameOf(options);
  const time = timeScale(tally.timeline, frame, options);
  const perSecond = tally.timeline.map((s) => {
    const codes: Record<string, number> = {};
    for (const node of Object.values(s.nodes)) {
      for (const [code, n] of Object.entries(node.errors)) codes[code] = (codes[code] ?? 0) + n;
    }
    return { second: s.second, codes };
  });
  const codes = [...new Set(perSecond.flatMap((s) => Object.keys(s.codes)))].sort(codeOrder);
  const highest = perSecond.reduce((most, s) => Math.max(most, sum(Object.values(s.codes))), 0);
  const { plot } = frame;
  const y = linearScale(highest, plot.y + plot.height, plot.y, formatCount, { integer: true });
  const paths = new Map(codes.map((code) => [code, '']));
  for (const { second, codes: counts } of perSecond) {
    const [x0, x1] = barSpan(time, second);
    let below = 0;
    for (const code of codes) {
      const n = counts[code] ?? 0;
      if (n === 0) continue;
      paths.set(code, (paths.get(code) ?? '') + rect(x0, x1, y.map(below), y.map(below + n)));
      below += n;
    }
  }
  return {
    id: 'errors',
    width: frame.width,
    height: frame.height,
    plot,
    title: 'Webhook errors per second, by code',
    xLabel: 'time since start',
    yLabel: 'errors',
    xScale: 'linear',
    yScale: 'linear',
    xTicks: time.ticks,
    yTicks: y.ticks,
    // Colours by place among the codes seen, in the spec's order: distinct for the first eight
    // (a run rarely has more), at the cost of a shift when a new code appears mid-run.
    series: codes.map((code, i) => ({
      name: code,
      kind: 'bars',
      path: paths.get(code) ?? '',
      colorIndex: (i + 1) % CHART_COLORS.length,
    })),
    lines: [],
    description: 'Webhook exchanges that failed in each second, stacked by error code.',
    ...(codes.length > 0 ? {} : { empty: 'No webhook error.' }),
  };
}

/** Calls completed per second (an area), and of them those that ended in error (bars). */
export function callsPerSecondChart(tally: LoadTally, options: LoadChartOptions = {}): ChartModel {
  const frame = frameOf(options);
  const time = timeScale(tally.timeline, frame, options);
  const highest = tally.timeline.reduce((most, s) => Math.max(most, s.completed), 0);
  const { plot } = frame;
  const y = linearScale(highest, plot.y + plot.height, plot.y, formatCount, { integer: true });
  const bySecond = new Map(tally.timeline.map((s) => [s.second, s]));
  const last = tally.timeline.reduce((max, s) => Math.max(max, s.second + 1), 0);
  // A step area over every second up to the last one counted: a second with no entry had none.
  let area = `M${time.map(0)} ${y.map(0)}`;
  for (let second = 0; second < last; second++) {
    const top = y.map(bySecond.get(second)?.completed ?? 0);
    area += `V${top}H${time.map(second + 1)}`;
  }
  area += `V${y.map(0)}Z`;
  let failed = '';
  for (const s of tally.timeline) {
    if (s.failed === 0) continue;
    const [x0, x1] = barSpan(time, s.second);
    failed += rect(x0, x1, y.map(0), y.map(s.failed));
  }
  const series: ChartSeries[] = [{ name: 'completed', kind: 'area', path: area, colorIndex: 0 }];
  if (failed !== '')
    series.push({ name: 'ended in error', kind: 'bars', path: failed, colorIndex: 1 });
  return {
    id: 'calls',
    width: frame.width,
    height: frame.height,
    plot,
    title: 'Calls completed per second',
    xLabel: 'time since start',
    yLabel: 'calls',
    xScale: 'linear',
    yScale: 'linear',
    xTicks: time.ticks,
    yTicks: y.ticks,
    series: last > 0 ? series : [],
    lines: [],
    description: 'Calls that ended in each second, and of them those that ended in error.',
    ...(last > 0 ? {} : { empty: 'No call has ended yet.' }),
  };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Every chart of a run, in the order the report and the Load screen show them: calls per second,
 * errors by code, then for each webhook node (by id) its latency over time and its histogram.
 */
export function loadCharts(tally: LoadTally, options: LoadChartOptions = {}): ChartModel[] {
  const nodes = Object.entries(tally.nodes).sort((a, b) => a[0].localeCompare(b[0]));
  return [
    callsPerSecondChart(tally, options),
    errorsOverTimeChart(tally, options),
    ...nodes.flatMap(([node, figures]) => [
      latencyOverTimeChart(tally, node, options),
      latencyHistogramChart(figures.latency, node, options),
    ]),
  ];
}
