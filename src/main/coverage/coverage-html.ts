/**
 * `ivr-console test --coverage-html FILE`: the run's flow coverage as one self-contained page that
 * opens anywhere, offline, and asks for nothing (a Content-Security-Policy of `default-src 'none'`
 * says so to the browser too, as the load report's does). Per flow: bars for nodes and exits, a
 * table of nodes and one of exits with the untaken ones marked; the figures are those of the
 * `coverage` of `test --json`, whose document is embedded as well.
 */
import { escapeXml as esc } from '../../shared/load/chart-svg.ts';
import type { CoverageReport } from '../../shared/coverage/coverage-report.ts';
import { COVERAGE_HTML_CSS } from './coverage-html-css.ts';
import { flowSection } from './coverage-html-sections.ts';
import { selfContainedPage } from '../export/self-contained-page.ts';

/** The id of the `<script type="application/json">` holding the coverage reports. */
export const COVERAGE_JSON_ELEMENT_ID = 'coverage-json';

/** `2026-11-29 04:21:07 UTC` */
function utc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The page (UTF-8 HTML) for `reports`, one section per flow, written at `writtenAt`. */
export function renderCoverageHtml(reports: readonly CoverageReport[], writtenAt: Date): string {
  const title =
    reports.length === 1 && reports[0] ? `Flow coverage: ${reports[0].flow.name}` : 'Flow coverage';
  const flows = reports.length;
  const body =
    flows === 0
      ? '<section class="card"><p>No flow was tested.</p></section>'
      : reports.map((report, index) => flowSection(report, index)).join('\n');
  const main = `<header class="card">
<h1>Flow coverage</h1>
<p class="muted">${flows} flow${flows === 1 ? '' : 's'} · written ${esc(utc(writtenAt))} · every exit counted apart: each menu key, retries and last failures by no input and by invalid input, each webhook error family, each branch case and default.</p>
</header>
${body}
<footer>Written by <code>ivr-console test --coverage-html</code>. The figures are those of <code>test --json</code>'s <code>coverage</code>, embedded in this file as <code>#${COVERAGE_JSON_ELEMENT_ID}</code>.</footer>`;
  return selfContainedPage({
    title,
    generator: 'ivr-console test --coverage-html',
    css: COVERAGE_HTML_CSS,
    main,
    jsonId: COVERAGE_JSON_ELEMENT_ID,
    json: reports,
  });
}
