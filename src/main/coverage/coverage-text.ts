/**
 * `test --coverage` as text, after the results: per flow its nodes and exits taken, every exit no
 * case took (id and label, the list to act on), then the taken ones compactly with their counts.
 * Plain text, no colours: the rest of `test`'s output has none, and CI logs keep it readable.
 */
import type { CoverageReport, CoverageRatio } from '../../shared/coverage/coverage-report.ts';

/** `12/13 (92.3 %)` */
export function formatRatio(ratio: CoverageRatio): string {
  return `${ratio.taken}/${ratio.total} (${ratio.percent} %)`;
}

/** The lines of one flow's coverage. */
export function formatFlowCoverage(report: CoverageReport): string[] {
  const { flow, calls, nodes, edges } = report;
  const where = flow.path === null ? '' : `${flow.path} `;
  const lines = [
    `${where}(flow ${flow.id}, ${calls} call${calls === 1 ? '' : 's'})`,
    `  nodes  ${formatRatio(nodes)}`,
    `  exits  ${formatRatio(edges)}`,
  ];
  const untaken = edges.list.filter((e) => e.count === 0);
  if (untaken.length > 0) {
    lines.push(`  not taken (${untaken.length}):`);
    const width = Math.max(...untaken.map((e) => e.id.length));
    for (const edge of untaken) lines.push(`    ✗ ${edge.id.padEnd(width)}  ${edge.label}`);
  }
  const unentered = nodes.list.filter((n) => n.count === 0);
  if (unentered.length > 0) {
    lines.push(`  nodes never entered: ${unentered.map((n) => n.id).join(', ')}`);
  }
  // Taken exits grouped by node, in the flow's order: `options: key:1 ×1, key:9 ×2`.
  const taken = new Map<string, string[]>();
  for (const edge of edges.list) {
    if (edge.count === 0) continue;
    const list = taken.get(edge.from) ?? [];
    list.push(`${edge.exit} ×${edge.count}`);
    taken.set(edge.from, list);
  }
  if (taken.size > 0) {
    lines.push(`  taken (${edges.taken}):`);
    for (const [node, exits] of taken) lines.push(`    ${node}: ${exits.join(', ')}`);
  }
  return lines;
}

/** Every flow's coverage, a blank line between flows, under a `Coverage` heading. */
export function formatCoverage(reports: readonly CoverageReport[]): string[] {
  const lines = ['Coverage'];
  for (const report of reports) lines.push('', ...formatFlowCoverage(report));
  return lines;
}
