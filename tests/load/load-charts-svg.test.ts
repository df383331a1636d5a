/**
 * The load charts' scales (src/shared/load/chart-scales.ts) and the SVG drawing of their models
 * (src/shared/load/chart-svg.ts), in which no text from the flow or the CRM can become markup.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  formatAxisMs,
  formatSeconds,
  linearScale,
  logScale,
  niceStep,
} from '../../src/shared/load/chart-scales.ts';
import {
  chartSvg,
  errorsOverTimeChart,
  latencyOverTimeChart,
  loadCharts,
} from '../../src/shared/load/load-charts.ts';
import { EMPTY_TALLY as EMPTY, HOSTILE_NODE, realisticTally } from './load-charts-fixture.ts';

describe('chart scales', () => {
  test('nice steps, linear and log ticks, labels', () => {
    assert.deepEqual([0.7, 3, 7, 23, 180].map(niceStep), [1, 5, 10, 25, 200]);
    const linear = linearScale(37, 200, 0, String);
    assert.deepEqual(
      linear.ticks.map((t) => t.value),
      [0, 10, 20, 30, 40],
    );
    assert.deepEqual(
      linear.ticks.map((t) => t.at),
      [200, 150, 100, 50, 0],
    );
    const counts = linearScale(3, 100, 0, String, { integer: true });
    assert.ok(counts.ticks.every((t) => Number.isInteger(t.value)));
    const log = logScale(1, 1000, 300, 0, formatAxisMs);
    assert.deepEqual(
      log.ticks.map((t) => t.label),
      ['1 ms', '2 ms', '5 ms', '10 ms', '20 ms', '50 ms', '100 ms', '200 ms', '500 ms', '1 s'],
    );
    assert.equal(log.map(1000), 0);
    assert.equal(log.map(10), 200);
    assert.equal(log.map(0), 300, 'a zero latency sits on the axis');
    assert.deepEqual(
      logScale(0.01, 10_000, 300, 0, formatAxisMs).ticks.map((t) => t.label),
      ['0.01 ms', '0.1 ms', '1 ms', '10 ms', '100 ms', '1 s', '10 s'],
    );
    assert.deepEqual([0, 45, 150, 3599].map(formatSeconds), ['0 s', '45 s', '2:30', '59:59']);
  });
});

describe('chartSvg', () => {
  test('draws every model as standalone SVG in which node names and codes stay text', () => {
    for (const model of [...loadCharts(realisticTally()), ...loadCharts(EMPTY)]) {
      const svg = chartSvg(model);
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 640 260"/);
      const tags = new Set([...svg.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]));
      assert.deepEqual(
        [...tags].filter((t) => !['svg', 'title', 'text', 'line', 'path', 'rect'].includes(t!)),
        [],
        `only chart elements in ${model.id}`,
      );
      assert.doesNotMatch(svg, /href|url\(/, 'nothing refers outside the file');
    }
    const hostile = chartSvg(latencyOverTimeChart(realisticTally(), HOSTILE_NODE));
    assert.ok(hostile.includes('&#60;img src=x onerror=alert(1)&#62;&#38;amp;&#34;&#39;'));
    const errors = chartSvg(errorsOverTimeChart(realisticTally()));
    assert.ok(errors.includes('&#60;img src=x'), 'a hostile error code in the legend is escaped');
    assert.match(chartSvg(latencyOverTimeChart(EMPTY, 'auth')), />No exchange has ended yet\.</);
    assert.match(chartSvg(latencyOverTimeChart(EMPTY, 'auth')), />response limit 5 s</);
  });
});
