/**
 * What every load chart shares: its size and plot area, the options of the builders, the time
 * axis (seconds from the run's start) and the latency axis (log, always reaching the limit line).
 */
import { CHART_SIZE, PLOT_MARGIN } from './chart-model.ts';
import type { ChartLine, ChartPlot } from './chart-model.ts';
import {
  decadeDomain,
  formatAxisMs,
  formatSeconds,
  linearScale,
  logScale,
} from './chart-scales.ts';
import type { Scale } from './chart-scales.ts';
import type { LoadSecond } from './load-types.ts';

/** The platform's response limit when none is given: "the 5-second line". */
export const DEFAULT_RESPONSE_LIMIT_MS = 5000;

/** The lowest latency a log axis shows (10 µs): a loopback answer rounds up to it. */
const MIN_LATENCY_MS = 0.01;

/** Options of every chart builder. */
export interface LoadChartOptions {
  /** The platform's response limit in ms, drawn as a labelled line (default 5000). */
  responseLimitMs?: number;
  /** The chart's size in user units (default 640 × 260). */
  width?: number;
  height?: number;
  /**
   * The time axis spans at least this many seconds (default 10), so a live chart's axis does not
   * rescale every second at the start of a run.
   */
  minSeconds?: number;
}

/** A chart's size and plot area. */
export interface Frame {
  width: number;
  height: number;
  plot: ChartPlot;
  limitMs: number;
}

/** The frame of `options`; a limit that is not a positive number is an error naming it. */
export function frameOf(options: LoadChartOptions = {}): Frame {
  const width = options.width ?? CHART_SIZE.width;
  const height = options.height ?? CHART_SIZE.height;
  const limitMs = options.responseLimitMs ?? DEFAULT_RESPONSE_LIMIT_MS;
  if (!(limitMs > 0) || !Number.isFinite(limitMs)) {
    throw new RangeError(`chart option responseLimitMs must be a positive number, got ${limitMs}`);
  }
  const plot = {
    x: PLOT_MARGIN.left,
    y: PLOT_MARGIN.top,
    width: width - PLOT_MARGIN.left - PLOT_MARGIN.right,
    height: height - PLOT_MARGIN.top - PLOT_MARGIN.bottom,
  };
  if (plot.width < 40 || plot.height < 40) {
    throw new RangeError(`chart size ${width} × ${height} leaves no room for the plot`);
  }
  return { width, height, plot, limitMs };
}

/** The time axis: 0 to the end of the last second counted (at least `minSeconds`). */
export function timeScale(
  timeline: readonly LoadSecond[],
  frame: Frame,
  options: LoadChartOptions,
): Scale {
  const last = timeline.reduce((max, s) => Math.max(max, s.second + 1), 0);
  const seconds = Math.max(last, options.minSeconds ?? 10);
  const { plot } = frame;
  // Whole seconds only: the timeline counts per second, a 0.25 s tick would promise more.
  return linearScale(seconds, plot.x, plot.x + plot.width, formatSeconds, {
    count: 8,
    integer: true,
  });
}

/**
 * The latency axis, log scale, from the decade under the smallest value to the decade over the
 * larger of the largest value and the limit (with a fifth of headroom, so the limit line never
 * sits on the top edge). Why log rather than linear or a broken axis: a run's latencies are
 * long-tailed (a 3 ms median and a 5,003 ms timeout in the same second) and the question the chart
 * answers is "how far from the limit", which a log axis shows at every scale (each decade the
 * same height) where a linear one flattens everything under the limit into its bottom pixel and a
 * broken axis hides the very distance being asked about. One kind of scale for every run also
 * keeps a live chart steady: it only gains a decade, never switches kind.
 */
export function latencyScale(
  values: readonly number[],
  frame: Frame,
  along: 'x' | 'y',
  maxTicks?: number,
): Scale {
  // Loops, not Math.min(...values): a day-long run has more values than a call takes arguments.
  let smallest = Number.POSITIVE_INFINITY;
  let largest = frame.limitMs;
  for (const v of values) {
    if (v > 0 && v < smallest) smallest = v;
    if (v > largest) largest = v;
  }
  const min = Math.max(MIN_LATENCY_MS, Number.isFinite(smallest) ? smallest : 1);
  const max = largest * 1.2;
  const [low, high] = decadeDomain(Math.min(min, frame.limitMs), max);
  const { plot } = frame;
  // No more ticks than fit with room for their labels (a label every 24 units at least).
  return along === 'y'
    ? logScale(
        low,
        high,
        plot.y + plot.height,
        plot.y,
        formatAxisMs,
        maxTicks ?? Math.floor(plot.height / 24),
      )
    : logScale(low, high, plot.x, plot.x + plot.width, formatAxisMs, maxTicks);
}

/** The labelled limit line on a latency axis. */
export function limitLine(scale: Scale, frame: Frame, along: 'x' | 'y'): ChartLine {
  return {
    orientation: along === 'y' ? 'horizontal' : 'vertical',
    at: scale.map(frame.limitMs),
    value: frame.limitMs,
    label: `response limit ${formatAxisMs(frame.limitMs)}`,
    kind: 'limit',
  };
}
