/**
 * A flow's coverage over a set of calls, as the CLI prints it (`test --coverage`, `--json`), the
 * HTML page shows it and the flow view paints it: every reachable node and exit with how many
 * times the calls took it, and the share of exits taken.
 */
import type { Flow } from '../flow/flow-schema.ts';
import type { CallCoverage } from './call-coverage.ts';
import { coverageEdges, reachableNodes } from './coverage-edges.ts';
import type { CoverageEdge } from './coverage-edges.ts';

/** One node and how many times calls entered it. */
export interface NodeCoverage {
  id: string;
  type: string;
  count: number;
}

/** One exit and how many times calls took it. */
export interface EdgeCoverage extends CoverageEdge {
  count: number;
}

/** Taken out of total, and the share in percent (100 when there is nothing to take). */
export interface CoverageRatio {
  total: number;
  taken: number;
  percent: number;
}

/** A flow's coverage. */
export interface CoverageReport {
  flow: { id: string; name: string; path: string | null };
  /** How many calls it was measured over. */
  calls: number;
  nodes: CoverageRatio & { list: NodeCoverage[] };
  edges: CoverageRatio & { list: EdgeCoverage[] };
}

/** The share of `taken` in `total`, in percent rounded down to 0.1 (so 99.96 never shows 100). */
export function percentOf(taken: number, total: number): number {
  if (total === 0) return 100;
  return Math.floor((taken / total) * 1000) / 10;
}

/** The report of `coverage`, counted over `calls` calls of `flow`. */
export function coverageReport(
  flow: Flow,
  flowPath: string | null,
  coverage: CallCoverage,
  calls: number,
): CoverageReport {
  const reachable = reachableNodes(flow);
  const nodeList: NodeCoverage[] = [];
  for (const [id, node] of Object.entries(flow.nodes)) {
    if (reachable.has(id))
      nodeList.push({ id, type: node.type, count: coverage.nodes.get(id) ?? 0 });
  }
  const edgeList = coverageEdges(flow).map((edge) => ({
    ...edge,
    count: coverage.edges.get(edge.id) ?? 0,
  }));
  const nodesTaken = nodeList.filter((n) => n.count > 0).length;
  const edgesTaken = edgeList.filter((e) => e.count > 0).length;
  return {
    flow: { id: flow.id, name: flow.name, path: flowPath },
    calls,
    nodes: {
      total: nodeList.length,
      taken: nodesTaken,
      percent: percentOf(nodesTaken, nodeList.length),
      list: nodeList,
    },
    edges: {
      total: edgeList.length,
      taken: edgesTaken,
      percent: percentOf(edgesTaken, edgeList.length),
      list: edgeList,
    },
  };
}
