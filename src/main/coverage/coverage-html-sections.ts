/**
 * The coverage page's parts for one flow: the two summary bars, the node table and the exit
 * table. Every figure is the `test --json` coverage document's own, marked with data attributes
 * (`data-field`, and `data-node` or `data-edge` in the tables) so a test, or a reader's script,
 * finds each; untaken exits say so in words and with a mark, not by colour alone; every text from
 * the flow (names, ids, labels) is escaped.
 */
import { escapeXml as esc } from '../../shared/load/chart-svg.ts';
import type { CoverageRatio, CoverageReport } from '../../shared/coverage/coverage-report.ts';
import { coverageFlowSvg } from './coverage-flow-svg.ts';

/** A number as JSON writes it, marked with its field. */
function num(value: number, field: string): string {
  return `<span data-field="${esc(field)}">${String(value)}</span>`;
}

/**
 * A horizontal bar of `ratio`: inline SVG (no style attribute the CSP would have to allow), with
 * the figure in words beside it for those who cannot see the bar.
 */
function bar(title: string, ratio: CoverageRatio, field: string): string {
  const width = ratio.total === 0 ? 100 : (ratio.taken / ratio.total) * 100;
  return `<div class="bar-block">
<div class="bar-label"><span>${esc(title)}</span><span class="figure">${num(ratio.taken, `${field}.taken`)}/${num(ratio.total, `${field}.total`)} (${num(ratio.percent, `${field}.percent`)} %)</span></div>
<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${esc(`${title}: ${ratio.taken} of ${ratio.total} taken`)}"><rect class="track" x="0" y="0" width="100" height="10" rx="3"/><rect class="fill" x="0" y="0" width="${width.toFixed(2)}" height="10" rx="3"/></svg>
</div>`;
}

/** `✓ taken` / `✗ never taken`: the row's state in words, not only in colour. */
function state(taken: boolean, yes: string, no: string): string {
  return `<td class="state">${taken ? `✓ ${yes}` : `✗ ${no}`}</td>`;
}

function nodeTable(report: CoverageReport): string {
  const rows = report.nodes.list.map(
    (node) => `<tr class="${node.count > 0 ? 'taken' : 'untaken'}" data-node="${esc(node.id)}">
<td class="id">${esc(node.id)}</td><td>${esc(node.type)}</td><td class="num">${num(node.count, 'count')}</td>${state(node.count > 0, 'entered', 'never entered')}</tr>`,
  );
  return `<div class="table-wrap"><table class="nodes">
<thead><tr><th scope="col">Node</th><th scope="col">Type</th><th scope="col" class="num">Entered</th><th scope="col">State</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table></div>`;
}

/** The "to" of an exit that leads to no node: a retry asks again, anything else ends the call. */
function nowhere(exit: string): string {
  if (exit.startsWith('retry:')) return '(asks again)';
  if (exit === 'hangup') return '(after the call)';
  return '(call ends)';
}

function edgeTable(report: CoverageReport): string {
  if (report.edges.list.length === 0) return '<p class="muted">This flow has no exit to take.</p>';
  const rows = report.edges.list.map(
    (edge) => `<tr class="${edge.count > 0 ? 'taken' : 'untaken'}" data-edge="${esc(edge.id)}">
<td class="id">${esc(edge.from)}</td><td class="label">${esc(edge.label)}</td><td class="to">${edge.to === null ? `<span class="muted">${nowhere(edge.exit)}</span>` : esc(edge.to)}</td><td class="num">${num(edge.count, 'count')}</td>${state(edge.count > 0, 'taken', 'never taken')}</tr>`,
  );
  return `<div class="table-wrap"><table class="edges">
<thead><tr><th scope="col">From</th><th scope="col">Exit</th><th scope="col">To</th><th scope="col" class="num">Taken</th><th scope="col">State</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table></div>`;
}

/** One flow's section: title, bars, then its nodes and its exits side by side. */
export function flowSection(report: CoverageReport, index: number): string {
  const { flow, calls, edges } = report;
  const full = edges.taken === edges.total;
  const untaken = edges.total - edges.taken;
  const verdict = full
    ? '<span class="verdict full">✓ every exit taken</span>'
    : `<span class="verdict partial">✗ ${untaken} exit${untaken === 1 ? '' : 's'} never taken</span>`;
  const path = flow.path === null ? '' : `<p class="path mono">${esc(flow.path)}</p>`;
  return `<section class="card flow" aria-labelledby="flow-${index}-title" data-flow="${esc(flow.id)}">
<h2 id="flow-${index}-title">${esc(flow.name)} <span class="muted mono">(${esc(flow.id)})</span> ${verdict}</h2>
${path}<p class="muted">Measured over ${num(calls, 'calls')} call${calls === 1 ? '' : 's'}.</p>
<div class="bars">${bar('Nodes entered', report.nodes, 'nodes')}
${bar('Exits taken', report.edges, 'edges')}</div>
<figure class="drawing">${coverageFlowSvg(report, index)}<figcaption class="muted">Solid: taken · dashed, red: never taken (the exits between two nodes drawn as one arrow; hover for each). Retries stay on their node and are in the table only.</figcaption></figure>
<div class="columns">
<div><h3>Nodes</h3>${nodeTable(report)}</div>
<div><h3>Exits</h3>${edgeTable(report)}</div>
</div>
</section>`;
}
