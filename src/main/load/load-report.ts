/**
 * `ivr-console load --report file.html` (../shared/spec/CLI.md, "`load`"): one self-contained HTML
 * file that opens anywhere, offline, and asks for nothing: no script, font, image or style from
 * anywhere (a Content-Security-Policy of `default-src 'none'` says so to the browser too), the
 * charts inline SVG drawn from the shared chart model (the console's Load screen draws the same
 * models), the numbers those of `load --json`, whose document is embedded as well.
 */
import { loadCharts } from '../../shared/load/load-charts.ts';
import { chartSvg, escapeXml as esc } from '../../shared/load/chart-svg.ts';
import type { ChartModel } from '../../shared/load/chart-model.ts';
import type { LoadJson, LoadTally } from '../../shared/load/load-types.ts';
import { LOAD_REPORT_CSS } from './load-report-css.ts';
import { nodeTableSection, summarySection } from './load-report-sections.ts';
import { selfContainedPage } from '../export/self-contained-page.ts';
import type { ReportContext } from './load-report-sections.ts';

/** What the report is made of. */
export interface LoadReportInput extends ReportContext {
  /** The `load --json` document: every number of the summary and the table comes from it. */
  json: LoadJson;
  /** The merged tally: the charts come from its histograms and timeline. */
  tally: LoadTally;
}

/** The id of the `<script type="application/json">` holding the `load --json` document. */
export const LOAD_JSON_ELEMENT_ID = 'load-json';

function figure(model: ChartModel): string {
  return `<figure class="chart">${chartSvg(model)}</figure>`;
}

/** The charts: the run as a whole, then each webhook node's latency over time and histogram. */
function chartsSection(input: LoadReportInput): string {
  // A finished run: the time axis fits the run, however short (the live screen keeps 10 s).
  const charts = loadCharts(input.tally, { responseLimitMs: input.responseLimitMs, minSeconds: 1 });
  const byId = new Map(charts.map((c) => [c.id, c]));
  const run = ['calls', 'errors'].flatMap((id) => {
    const chart = byId.get(id);
    return chart ? [figure(chart)] : [];
  });
  const nodes = Object.keys(input.tally.nodes)
    .sort((a, b) => a.localeCompare(b))
    .map((node) => {
      const own = [`latency:${node}`, `histogram:${node}`].flatMap((id) => {
        const chart = byId.get(id);
        return chart ? [figure(chart)] : [];
      });
      return `<section class="card" aria-label="${esc(`webhook node ${node}`)}" data-node="${esc(node)}">
<h2 class="node-title">Node <span class="mono">${esc(node)}</span></h2>
<div class="charts">${own.join('')}</div>
</section>`;
    });
  return `<section class="card" aria-labelledby="run-charts-title">
<h2 id="run-charts-title">Calls and errors over time</h2>
<div class="charts">${run.join('')}</div>
</section>
${nodes.join('\n')}`;
}

/** Calls that threw instead of ending (a bug in the console): shown, never expected. */
function crashesSection(tally: LoadTally): string {
  if (tally.crashes.length === 0) return '';
  return `<section class="card crashes" aria-labelledby="crashes-title">
<h2 id="crashes-title" class="bad">Calls that crashed (first ${tally.crashes.length})</h2>
${tally.crashes.map((c) => `<pre>${esc(c)}</pre>`).join('\n')}
</section>`;
}

/**
 * The report as one HTML document (UTF-8): summary, per-node table, charts with the response
 * limit line, and the JSON document in `<script type="application/json" id="load-json">`.
 */
export function renderLoadReport(input: LoadReportInput): string {
  const { json } = input;
  const main = `${summarySection(json, input)}
${nodeTableSection(json)}
${chartsSection(input)}
${crashesSection(input.tally)}
<footer>Written by <code>ivr-console load</code>. The figures are those of <code>load --json</code>, embedded in this file as <code>#${LOAD_JSON_ELEMENT_ID}</code>.</footer>`;
  return selfContainedPage({
    title: `Load report: ${json.flow}`,
    generator: 'ivr-console load',
    css: LOAD_REPORT_CSS,
    main,
    jsonId: LOAD_JSON_ELEMENT_ID,
    json,
  });
}
