/**
 * What coverage paints on the flow view: for each node, whether calls entered it and which of its
 * exits they took; for each drawn edge, the exits it stands for and how often they were taken.
 * Pure (no React, no DOM) so it runs under Node in the tests.
 *
 * An edge of the view is one field of a node (`options/1`, `onFail`), while coverage counts exits
 * apart: `onFail` is two exits (the last failure by no input and by invalid input), `onError`
 * four (one per error family). So a drawn edge gathers every exit drawn as its field, and is
 * taken when any of them was. Exits drawn by no edge (retries, endings) stay on their node.
 */
import type { EdgeCoverage, CoverageReport } from '../../../../shared/coverage/coverage-report.ts';
import { toPointer } from '../../../../shared/json-pointer.ts';
import { plural } from '../../lib/plural.ts';

/** How a node or an edge is painted: `none` when coverage says nothing of it (unreachable). */
export type CoverageState = 'taken' | 'untaken' | 'none';

/** A drawn edge under coverage. */
export interface EdgePaint {
  state: Exclude<CoverageState, 'none'>;
  /** Times its exits were taken, all together. */
  count: number;
  /** The exits it stands for (one, or several sharing the field). */
  exits: EdgeCoverage[];
  /** How many of {@link exits} were taken. */
  exitsTaken: number;
}

/** A node under coverage. */
export interface NodePaint {
  state: Exclude<CoverageState, 'none'>;
  /** Times calls entered it. */
  count: number;
  /** Every exit of the node, drawn or not, in the order the report lists them. */
  exits: EdgeCoverage[];
  /** How many of {@link exits} were taken. */
  exitsTaken: number;
}

/** The paint of a whole flow, keyed by node id and by layout edge id (the field's pointer). */
export interface CoveragePaint {
  nodes: Map<string, NodePaint>;
  edges: Map<string, EdgePaint>;
}

/** The layout edge id of an exit drawn as `field` of node `from` (flow-layout.ts's ids). */
export function drawnEdgeId(from: string, field: readonly (string | number)[]): string {
  return toPointer(['nodes', from, ...field]);
}

const taken = (exits: readonly EdgeCoverage[]): number => exits.filter((e) => e.count > 0).length;

/** The paint of `report`. */
export function coveragePaint(report: CoverageReport): CoveragePaint {
  const exitsByNode = new Map<string, EdgeCoverage[]>();
  const exitsByEdge = new Map<string, EdgeCoverage[]>();
  for (const exit of report.edges.list) {
    const ofNode = exitsByNode.get(exit.from);
    if (ofNode) ofNode.push(exit);
    else exitsByNode.set(exit.from, [exit]);
    if (exit.field === null) continue;
    const id = drawnEdgeId(exit.from, exit.field);
    const ofEdge = exitsByEdge.get(id);
    if (ofEdge) ofEdge.push(exit);
    else exitsByEdge.set(id, [exit]);
  }
  const nodes = new Map<string, NodePaint>();
  for (const node of report.nodes.list) {
    const exits = exitsByNode.get(node.id) ?? [];
    nodes.set(node.id, {
      state: node.count > 0 ? 'taken' : 'untaken',
      count: node.count,
      exits,
      exitsTaken: taken(exits),
    });
  }
  const edges = new Map<string, EdgePaint>();
  for (const [id, exits] of exitsByEdge) {
    const count = exits.reduce((sum, e) => sum + e.count, 0);
    edges.set(id, {
      state: count > 0 ? 'taken' : 'untaken',
      count,
      exits,
      exitsTaken: taken(exits),
    });
  }
  return { nodes, edges };
}

/**
 * The edge's label under coverage: its own label, then how often it was taken (`1 · 3×`) or
 * `never`, words and not only colour; when it stands for several exits, how many were taken
 * (`onFail · 2× · 1/2`).
 */
export function paintedEdgeLabel(label: string, paint: EdgePaint): string {
  const parts = [label, paint.count > 0 ? `${paint.count}×` : 'never'];
  if (paint.exits.length > 1) parts.push(`${paint.exitsTaken}/${paint.exits.length}`);
  return parts.join(' · ');
}

/** One line per exit of a node, for its tooltip and its screen-reader list. */
export function exitLines(paint: NodePaint): string[] {
  return paint.exits.map((exit) =>
    exit.count > 0 ? `✓ ${exit.label} (${exit.count}×)` : `✗ ${exit.label} (never)`,
  );
}

/** `entered 3 times, 2 of 4 exits taken`, or `never entered`: for the tooltip and screen readers. */
export function nodeCoverageWords(paint: NodePaint): string {
  const entered = paint.count > 0 ? `entered ${plural(paint.count, 'time')}` : 'never entered';
  if (paint.exits.length === 0) return entered;
  return `${entered}, ${paint.exitsTaken} of ${plural(paint.exits.length, 'exit')} taken`;
}
