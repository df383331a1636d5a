/**
 * The load charts' models (src/shared/load/load-charts.ts) from tallies counted by the real
 * recorders: ticks, the response limit line on every latency chart (the axis reaching it whatever
 * the latencies), histogram bins, stacked error codes, empty runs. Scales and the SVG drawing:
 * load-charts-svg.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LatencyHistogram, percentileMs } from '../../src/shared/load/latency-histogram.ts';
import {
  callsPerSecondChart,
  errorsOverTimeChart,
  histogramBins,
  latencyHistogramChart,
  latencyOverTimeChart,
  loadCharts,
} from '../../src/shared/load/load-charts.ts';
import type { ChartModel } from '../../src/shared/load/load-charts.ts';
import {
  EMPTY_TALLY as EMPTY,
  HOSTILE_NODE,
  realisticTally,
  recordRun,
} from './load-charts-fixture.ts';

/** The points of a path's sub-paths (`M x y L x y …`), one array per sub-path. */
function subPaths(d: string): [number, number][][] {
  return d
    .split('M')
    .filter(Boolean)
    .map((part) =>
      [...part.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]),
    );
}

/** The rectangles of a bars path (`M x0 y0 H x1 V y1 H x0 Z` each) as their corners. */
function rects(d: string): { x0: number; x1: number; bottom: number; top: number }[] {
  return [...d.matchAll(/M(-?[\d.]+) (-?[\d.]+)H(-?[\d.]+)V(-?[\d.]+)H-?[\d.]+Z/g)].map((m) => ({
    x0: Number(m[1]),
    bottom: Number(m[2]),
    x1: Number(m[3]),
    top: Number(m[4]),
  }));
}

/** The y of `ms` on a log axis, from two of its decade ticks (what the chart must agree with). */
function logY(model: ChartModel, ms: number): number {
  const decades = model.yTicks.filter((t) => Number.isInteger(Math.log10(t.value)));
  const [a, b] = decades;
  assert.ok(a && b, 'two decade ticks');
  const perDecade = (b.at - a.at) / (Math.log10(b.value) - Math.log10(a.value));
  return a.at + (Math.log10(ms) - Math.log10(a.value)) * perDecade;
}

function assertInPlot(model: ChartModel, y: number): void {
  assert.ok(y >= model.plot.y && y <= model.plot.y + model.plot.height, `${y} inside the plot`);
}

describe('latency over time', () => {
  const tally = realisticTally();

  test('p50, p99 and max per second, on a log axis reaching the 5-second line', () => {
    const chart = latencyOverTimeChart(tally, 'auth');
    assert.equal(chart.yScale, 'log');
    assert.equal(chart.empty, undefined);
    assert.deepEqual(
      chart.series.map((s) => [s.name, s.kind]),
      [
        ['p50', 'line'],
        ['p99', 'line'],
        ['max', 'line'],
      ],
    );
    const [line] = chart.lines;
    assert.ok(line);
    assert.equal(chart.lines.length, 1);
    assert.deepEqual(
      [line.orientation, line.value, line.label],
      ['horizontal', 5000, 'response limit 5 s'],
    );
    assertInPlot(chart, line.at);
    assert.ok(Math.abs(line.at - logY(chart, 5000)) <= 0.2, 'the line sits at 5 s on the axis');
    assert.ok(line.at > chart.plot.y, 'headroom above the limit line');

    // Seconds 12 and 13 had no call: every statistic breaks there.
    const p50 = chart.series[0]?.path ?? '';
    const runs = subPaths(p50);
    assert.deepEqual(
      runs.map((r) => r.length),
      [12, 16],
    );
    // The first point is second 0's p50, at the middle of the second.
    const first = tally.timeline[0]?.nodes.auth?.latency;
    assert.ok(first);
    const [x0, y0] = runs[0]?.[0] ?? [0, 0];
    assert.ok(Math.abs(y0 - logY(chart, percentileMs(first, 50))) <= 0.2);
    const tick0 = chart.xTicks[0];
    const tick1 = chart.xTicks[1];
    assert.ok(tick0 && tick1);
    const perSecond = (tick1.at - tick0.at) / (tick1.value - tick0.value);
    assert.ok(Math.abs(x0 - (tick0.at + 0.5 * perSecond)) <= 0.2);
    // max reaches the timeouts (5003.2 ms): on the line, as far as a pixel tells.
    const maxYs = subPaths(chart.series[2]?.path ?? '')
      .flat()
      .map(([, y]) => y);
    assert.ok(Math.abs(Math.min(...maxYs) - line.at) <= 0.5, 'max drawn on the limit line');
  });

  test('a lower limit is drawn where it is, the axis still reaching the slowest exchange', () => {
    const chart = latencyOverTimeChart(tally, 'auth', { responseLimitMs: 400 });
    const [line] = chart.lines;
    assert.equal(line?.label, 'response limit 400 ms');
    assert.ok(line && Math.abs(line.at - logY(chart, 400)) <= 0.2);
    const top = Math.max(...chart.yTicks.map((t) => t.value));
    assert.ok(top >= 5003.2, `the axis reaches the 5 s timeouts (top tick ${top})`);
    const maxYs = subPaths(chart.series[2]?.path ?? '')
      .flat()
      .map(([, y]) => y);
    assert.ok(Math.min(...maxYs) < line.at - 20, 'max drawn well above the 400 ms line');
    assertInPlot(chart, Math.min(...maxYs));
  });

  test('latencies far below the limit: a scale that shows them, the line still in view', () => {
    const chart = latencyOverTimeChart(tally, HOSTILE_NODE);
    const values = chart.yTicks.map((t) => t.value);
    const p50s = tally.timeline.flatMap((s) => {
      const latency = s.nodes[HOSTILE_NODE]?.latency;
      return latency ? [percentileMs(latency, 50)] : [];
    });
    assert.ok(Math.min(...values) <= Math.min(...p50s), 'the smallest tick is under every p50');
    assert.ok(Math.min(...values) > Math.min(...p50s) / 10, 'and less than a decade under');
    assert.ok(Math.max(...values) >= 5000);
    assertInPlot(chart, chart.lines[0]?.at ?? -1);
    // A 2.4 ms median and a 4.4 ms max (a 1.8× ratio) stay apart, well off the axis.
    const [p50] = subPaths(chart.series[0]?.path ?? '');
    const [max] = subPaths(chart.series[2]?.path ?? '');
    assert.ok(p50?.[0] && max?.[0]);
    assert.ok(p50[0][1] - max[0][1] >= 8, `p50 at ${p50[0][1]}, max at ${max[0][1]}`);
    assert.ok(p50[0][1] < chart.plot.y + chart.plot.height - 8);
  });

  test('a node with no exchange yet, and a bad limit', () => {
    const chart = latencyOverTimeChart(EMPTY, 'auth');
    assert.equal(chart.empty, 'No exchange has ended yet.');
    assert.deepEqual(chart.series, []);
    assert.equal(chart.lines[0]?.value, 5000, 'the line is drawn on an empty chart too');
    assert.ok(chart.xTicks.length > 2 && chart.yTicks.length > 2);
    assert.throws(
      () => latencyOverTimeChart(tally, 'auth', { responseLimitMs: 0 }),
      /responseLimitMs must be a positive number, got 0/,
    );
  });
});

describe('latency histogram', () => {
  test('buckets regrouped into R20 bins, counts kept', () => {
    const histogram = new LatencyHistogram();
    for (const ms of [130, 131.5, 139, 150, 5003.2, 0]) histogram.recordMs(ms);
    assert.deepEqual(histogramBins(histogram.toData()), [
      { lowMs: 0.01, highMs: 0.0112, count: 1 },
      { lowMs: 125, highMs: 140, count: 3 },
      { lowMs: 140, highMs: 160, count: 1 },
      { lowMs: 5000, highMs: 5600, count: 1 },
    ]);
    // The bin of 1 ms holds the bucket of 0.999 ms: below 0.256 ms buckets are exact.
    const fast = new LatencyHistogram();
    fast.recordMs(0.2);
    fast.recordMs(0.999);
    fast.recordMs(1);
    assert.deepEqual(histogramBins(fast.toData()), [
      { lowMs: 0.2, highMs: 0.224, count: 1 },
      { lowMs: 0.9, highMs: 1, count: 1 },
      { lowMs: 1, highMs: 1.12, count: 1 },
    ]);
    const data = realisticTally().nodes.balance?.latency;
    assert.ok(data);
    const bins = histogramBins(data);
    assert.equal(
      bins.reduce((n, b) => n + b.count, 0),
      data.total,
    );
    assert.ok(bins.every((b) => b.lowMs >= 100 && b.highMs <= 315));
  });

  test('bars on a log x axis with the limit as a vertical line; empty', () => {
    const data = realisticTally().nodes.auth?.latency;
    assert.ok(data);
    const chart = latencyHistogramChart(data, 'auth');
    assert.equal(chart.xScale, 'log');
    const [line] = chart.lines;
    assert.equal(line?.orientation, 'vertical');
    assert.ok(line && line.at > chart.plot.x && line.at < chart.plot.x + chart.plot.width);
    const bars = subPaths(chart.series[0]?.path ?? '');
    assert.equal(bars.length, histogramBins(data).length);
    const top = Math.max(...chart.yTicks.map((t) => t.value));
    assert.ok(top >= Math.max(...histogramBins(data).map((b) => b.count)));
    const empty = latencyHistogramChart(new LatencyHistogram().toData(), 'auth');
    assert.equal(empty.empty, 'No exchange has ended yet.');
    assert.equal(empty.lines.length, 1);
  });
});

describe('errors and calls over time', () => {
  const tally = realisticTally();

  test('errors stacked per second, one series per code, codes in the spec order', () => {
    const chart = errorsOverTimeChart(tally);
    assert.deepEqual(
      chart.series.map((s) => s.name),
      ['response_timeout', 'http_status', HOSTILE_NODE],
    );
    assert.ok(chart.series.every((s) => s.kind === 'bars'));
    // Each second's stack: its bars touch, the top one at the second's total.
    const second = tally.timeline[3];
    assert.ok(second);
    const total = Object.values(second.nodes)
      .flatMap((n) => Object.values(n.errors))
      .reduce((a, b) => a + b, 0);
    const scaleTop = chart.yTicks.at(-1);
    const [zero, tick] = chart.yTicks;
    const [t0, t1] = chart.xTicks;
    assert.ok(scaleTop && zero && zero.value === 0 && tick && t0 && t1);
    const yOf = (n: number): number => zero.at + ((scaleTop.at - zero.at) * n) / scaleTop.value;
    const secondWidth = (t1.at - t0.at) / t1.value;
    const x = t0.at + 3.5 * secondWidth;
    const stack = chart.series
      .flatMap((s) => rects(s.path))
      .filter((r) => r.x0 < x && r.x1 > x)
      .sort((a, b) => b.bottom - a.bottom);
    assert.ok(stack.length >= 2, 'two codes in second 3');
    assert.equal(stack[0]?.bottom, zero.at, 'the stack stands on the axis');
    for (let i = 1; i < stack.length; i++) assert.equal(stack[i]?.bottom, stack[i - 1]?.top);
    const highest = stack.at(-1)?.top ?? Number.NaN;
    assert.ok(Math.abs(highest - yOf(total)) <= 0.2, `stack top ${highest} at ${total} errors`);
    assert.ok(chart.yTicks.every((t) => Number.isInteger(t.value)));
    assert.equal(errorsOverTimeChart(EMPTY).empty, 'No webhook error.');
  });

  test('calls per second: the area rises to the busiest second; long runs in m:ss', () => {
    const chart = callsPerSecondChart(tally);
    const busiest = Math.max(...tally.timeline.map((s) => s.completed));
    assert.ok(Math.max(...chart.yTicks.map((t) => t.value)) >= busiest);
    assert.deepEqual(
      chart.series.map((s) => [s.name, s.kind]),
      [
        ['completed', 'area'],
        ['ended in error', 'bars'],
      ],
    );
    assert.match(chart.series[0]?.path ?? '', /Z$/);
    assert.equal(callsPerSecondChart(EMPTY).empty, 'No call has ended yet.');
    const long = recordRun({
      seconds: 300,
      perSecond: () => 1,
      nodes: [{ id: 'auth', latencyMs: () => 5, error: () => null }],
    });
    assert.ok(callsPerSecondChart(long).xTicks.some((t) => t.label === '5:00'));
  });

  test('every chart of a run, in order, with unique ids', () => {
    const ids = loadCharts(tally).map((c) => c.id);
    assert.deepEqual(ids, [
      'calls',
      'errors',
      `latency:${HOSTILE_NODE}`,
      `histogram:${HOSTILE_NODE}`,
      'latency:auth',
      'histogram:auth',
      'latency:balance',
      'histogram:balance',
    ]);
  });
});
