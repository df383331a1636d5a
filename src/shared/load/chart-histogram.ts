/**
 * The latency histogram chart of one webhook node. The recorded histogram has up to 128 buckets
 * per power of two (too fine to read); its buckets are regrouped into bins whose edges are the
 * R20 preferred numbers (1, 1.12, 1.25, 1.4, 1.6 … 9 × 10^k ms: twenty per decade, each about
 * 12 % wider than the last), so every bin is as wide on the chart's log axis and its bounds read as
 * round numbers (`125–140 ms`). The response limit is a vertical line.
 */
import type { ChartModel } from './chart-model.ts';
import { formatCount, linearScale, px } from './chart-scales.ts';
import { frameOf, latencyScale, limitLine } from './chart-frame.ts';
import type { LoadChartOptions } from './chart-frame.ts';
import { bucketBounds } from './latency-histogram.ts';
import type { HistogramData } from './latency-histogram.ts';

/** The R20 series (ISO 3): the edges of the bins in each decade. */
const R20 = [
  1, 1.12, 1.25, 1.4, 1.6, 1.8, 2, 2.24, 2.5, 2.8, 3.15, 3.55, 4, 4.5, 5, 5.6, 6.3, 7.1, 8, 9,
];

/** The `k`-th bin edge in ms (k = 0 is 1 ms, k = 20 is 10 ms, k = -20 is 0.1 ms). */
function edge(k: number): number {
  const decade = Math.floor(k / R20.length);
  return Number(((R20[k - decade * R20.length] ?? 1) * 10 ** decade).toPrecision(6));
}

/** The index of the bin holding `ms` (> 0). */
function binOf(ms: number): number {
  let k = Math.floor(Math.log10(ms) * R20.length);
  while (edge(k + 1) <= ms) k++;
  while (edge(k) > ms) k--;
  return k;
}

/** One bin of a regrouped histogram: `[lowMs, highMs)` and how many values fell in it. */
export interface HistogramBin {
  lowMs: number;
  highMs: number;
  count: number;
}

/**
 * `data` regrouped into R20 bins (only those holding values, in order). A recorded bucket (at most
 * 0.8 % wide, far less than a bin) goes to the bin holding its highest value kept within the
 * recorded min and max: the value `percentileMs` reports for it, so a 5,003 ms timeout is counted
 * past a 5 s limit line, as its p99 is. Values under 10 µs (a zero included) go to the 10 µs bin.
 */
export function histogramBins(data: HistogramData): HistogramBin[] {
  const counts = new Map<number, number>();
  for (const [bucket, count] of data.counts) {
    const high = bucketBounds(bucket).high - 1;
    const ms = Math.max(0.01, Math.min(data.maxMicros, Math.max(data.minMicros, high)) / 1000);
    const k = binOf(ms);
    counts.set(k, (counts.get(k) ?? 0) + count);
  }
  return [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([k, count]) => ({ lowMs: edge(k), highMs: edge(k + 1), count }));
}

/** The latency histogram of node `node` (its whole run), with the response limit line. */
export function latencyHistogramChart(
  data: HistogramData,
  node: string,
  options: LoadChartOptions = {},
): ChartModel {
  const frame = frameOf(options);
  const bins = histogramBins(data);
  const x = latencyScale(
    bins.flatMap((b) => [b.lowMs, b.highMs]),
    frame,
    'x',
    12,
  );
  const { plot } = frame;
  const highest = Math.max(0, ...bins.map((b) => b.count));
  const y = linearScale(highest, plot.y + plot.height, plot.y, formatCount, { integer: true });
  const base = y.map(0);
  const path = bins
    .map((b) => {
      const x0 = x.map(b.lowMs);
      const x1 = x.map(b.highMs);
      // A hairline gap between neighbours, so bars read as bins rather than one shape.
      const gap = Math.min(0.5, (x1 - x0) / 4);
      return `M${px(x0 + gap)} ${base}H${px(x1 - gap)}V${y.map(b.count)}H${px(x0 + gap)}Z`;
    })
    .join('');
  return {
    id: `histogram:${node}`,
    width: frame.width,
    height: frame.height,
    plot,
    title: `${node}: latency histogram`,
    xLabel: 'latency (log scale)',
    yLabel: 'exchanges',
    xScale: 'log',
    yScale: 'linear',
    xTicks: x.ticks,
    yTicks: y.ticks,
    series: bins.length > 0 ? [{ name: 'exchanges', kind: 'bars', path, colorIndex: 0 }] : [],
    lines: [limitLine(x, frame, 'x')],
    description: `How many exchanges of webhook node ${node} took each latency, against the response limit.`,
    ...(bins.length > 0 ? {} : { empty: 'No exchange has ended yet.' }),
  };
}
