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

/** Inline styles and nothing else; no script runs (the embedded JSON is data). */
export const COVERAGE_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The id of the `<script type="application/json">` holding the coverage reports. */
export const COVERAGE_JSON_ELEMENT_ID = 'coverage-json';

/** JSON safe inside `<script>`: `<`, `>`, `&` as `\u` escapes, so no label can close it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

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
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(COVERAGE_HTML_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ivr-console test --coverage-html">
<title>${esc(title)}</title>
<style>${COVERAGE_HTML_CSS}</style>
</head>
<body>
<main>
<header class="card">
<h1>Flow coverage</h1>
<p class="muted">${flows} flow${flows === 1 ? '' : 's'} · written ${esc(utc(writtenAt))} · every exit counted apart: each menu key, retries and last failures by no input and by invalid input, each webhook error family, each branch case and default.</p>
</header>
${body}
<footer>Written by <code>ivr-console test --coverage-html</code>. The figures are those of <code>test --json</code>'s <code>coverage</code>, embedded in this file as <code>#${COVERAGE_JSON_ELEMENT_ID}</code>.</footer>
</main>
<script type="application/json" id="${COVERAGE_JSON_ELEMENT_ID}">
${scriptJson(reports)}
</script>
</body>
</html>
`;
}
