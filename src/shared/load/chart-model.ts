/**
 * The chart model of a load run: everything a chart shows, computed once from a `LoadTally` by the
 * builders of `load-charts.ts` and drawn as it is by two renderers, the HTML report's SVG strings
 * (`chart-svg.ts`) and the console's Load screen (React). Every coordinate is already in the
 * chart's own user units (an SVG `viewBox="0 0 width height"`), so a renderer does no arithmetic:
 * it strokes or fills each series' `path`, writes each tick's label at `at`, and draws each
 * reference line across the plot. Plain data (no functions), so it can be logged or compared.
 */

/** One axis tick: where it sits and what it says. */
export interface ChartTick {
  /** Its position in user units: an x for an x tick, a y for a y tick. */
  at: number;
  /** The value it marks, in the axis's unit (seconds, milliseconds, a count). */
  value: number;
  /** The text to write beside it (`10 ms`, `1:30`, `250`). */
  label: string;
}

/**
 * How a series is drawn. `line`: stroke `path`, no fill (its sub-paths break where data is
 * missing). `area`: fill `path` (a closed shape down to the x axis) at a low opacity and stroke it.
 * `bars`: fill `path`, which holds one closed rectangle per bar (stacked series already stacked).
 */
export type ChartSeriesKind = 'line' | 'bars' | 'area';

/** One series: its legend name, its shape and its colour. */
export interface ChartSeries {
  /** The legend's text: `p99`, an error code, `completed`. May be anything a CRM sent: escape it. */
  name: string;
  kind: ChartSeriesKind;
  /** An SVG path `d` in user units. Empty when the series has no point in view. */
  path: string;
  /**
   * An index into {@link CHART_COLORS} (renderers with their own palette, e.g. CSS variables for a
   * dark scheme, keep the same order and length). Fixed per series name (p50 0, p99 1, max 2,
   * completed 0), except error codes: by place among the codes seen so far, in the spec's order.
   */
  colorIndex: number;
  /** Drawn dashed (a line that matters less than the others, e.g. `max`). */
  dashed?: boolean;
}

/**
 * A labelled reference line across the plot: the platform's response limit ("the 5-second
 * line"). `horizontal` lines are at a y (a value of the y axis), `vertical` ones at an x.
 */
export interface ChartLine {
  orientation: 'horizontal' | 'vertical';
  /** Its position in user units: a y for a horizontal line, an x for a vertical one. */
  at: number;
  /** The value it marks, in the axis's unit. */
  value: number;
  /** The text written at its end (`response limit 5 s`). */
  label: string;
  /** `limit`: drawn in the danger colour, dashed. */
  kind: 'limit';
}

/** The plot area inside the chart, in user units (axes are its left and bottom edges). */
export interface ChartPlot {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One chart, ready to draw. */
export interface ChartModel {
  /** Stable and unique among a run's charts (`latency:auth`, `errors`): a React key, an HTML id. */
  id: string;
  /** The user-unit size: draw it as `viewBox="0 0 width height"`, scaled to fit. */
  width: number;
  height: number;
  plot: ChartPlot;
  /** Written above the plot. Holds node ids: escape it. */
  title: string;
  /** Written under the x axis and along the y axis. */
  xLabel: string;
  yLabel: string;
  /** `log`: the y ticks are powers of ten and 2 and 5 times them (drawn the same way). */
  yScale: 'linear' | 'log';
  xScale: 'linear' | 'log';
  xTicks: ChartTick[];
  yTicks: ChartTick[];
  /** Drawn in order (first underneath), listed in the legend in order. */
  series: ChartSeries[];
  lines: ChartLine[];
  /** One sentence saying what the chart shows, for screen readers (`aria-label`, `<title>`). */
  description: string;
  /**
   * When set, there is nothing to plot (no exchange yet, no error): write this message in the
   * plot instead of series. Axes, ticks and lines are still given and may be drawn.
   */
  empty?: string;
}

/**
 * The series colours, in {@link ChartSeries.colorIndex} order, on the console's light surface:
 * each keeps at least 3:1 contrast on white (WCAG 1.4.11 for graphics).
 */
export const CHART_COLORS: readonly string[] = [
  '#1f5f99', // accent blue: p50, completed
  '#c2410c', // orange: p99
  '#6d28d9', // violet: max
  '#0f766e', // teal
  '#a16207', // ochre
  '#be185d', // magenta
  '#4d7c0f', // olive
  '#475569', // slate
];

/** The colour of limit lines (the console's `--danger`). */
export const LIMIT_COLOR = '#b42318';

/** The default size of a chart, in user units. */
export const CHART_SIZE = { width: 640, height: 260 } as const;

/**
 * The margins around the plot: above it a title row and a legend row (the renderer lays out the
 * legend from {@link ChartModel.series}), left of it the y tick labels and the y label, under it
 * the x tick labels and the x label.
 */
export const PLOT_MARGIN = { top: 48, right: 20, bottom: 44, left: 64 } as const;
