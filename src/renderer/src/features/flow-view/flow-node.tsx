/**
 * One flow node in the graph: id, type and summary, with a start badge and error/warning counts.
 * The problem messages are its tooltip and, for screen readers, a list inside the node.
 */
import { Handle, Position } from '@xyflow/react';
import type { Node, NodeHandle, NodeProps } from '@xyflow/react';
import type { ReactElement } from 'react';
import type { LayoutNode } from './flow-layout-types.ts';
import { plural } from '../../lib/plural.ts';
import type { NodePaint } from './coverage-paint.ts';
import { exitLines, nodeCoverageWords } from './coverage-paint.ts';
import { NodeCoverageBadges } from './node-coverage.tsx';

/** What the graph passes to each node (a type alias: xyflow wants a plain record type). */
export type FlowNodeData = {
  node: LayoutNode;
  /** The call is at this node now. */
  current: boolean;
  /** The call's path went through this node. */
  visited: boolean;
  /** Picked by the user (its request is open beside the graph). */
  picked?: boolean;
  /** Clicking it opens its request (an http node between calls). */
  clickable?: boolean;
  /**
   * Coverage mode: how calls went through it; null when coverage counts it not (no call can
   * reach it). Absent outside coverage mode.
   */
  coverage?: NodePaint | null;
};

/** The xyflow node type of the flow view. */
export type FlowGraphNode = Node<FlowNodeData, 'flow'>;

/** Counts of a node's problems by severity. */
export function problemCounts(node: LayoutNode): { errors: number; warnings: number } {
  const errors = node.problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: node.problems.length - errors };
}

/** The hover text: what the node does in full, then every problem, then its exits' coverage. */
function tooltip(node: LayoutNode, coverage: NodePaint | null | undefined): string {
  const lines = [`${node.id} (${node.type})`, node.fullSummary];
  if (node.missing) lines.push('No node has this id.');
  for (const p of node.problems) lines.push(`${p.severity}: ${p.message}`);
  if (coverage) lines.push(nodeCoverageWords(coverage), ...exitLines(coverage));
  return lines.join('\n');
}

/** Side of xyflow's handle dot in pixels (`.react-flow__handle` in its stylesheet). */
const HANDLE_SIZE = 6;

/**
 * Where the two handles of a `width` × `height` box sit, relative to its top-left corner: the
 * target at the top centre, the source at the bottom centre, as {@link FlowNodeView} draws them.
 * Given to xyflow up front so that it never needs to measure them: it drops measured handles
 * whenever it gets a new node object (every call step, since the nodes are not kept in state
 * with `onNodesChange`) and draws no edge for a node whose handles it does not know. When steps
 * come in quick succession (autopilot, fast replay) the re-measuring can be lost for good, and
 * every edge with it.
 */
export function nodeHandles(width: number, height: number): NodeHandle[] {
  const x = width / 2 - HANDLE_SIZE / 2;
  const size = { width: HANDLE_SIZE, height: HANDLE_SIZE };
  return [
    { type: 'target', position: Position.Top, x, y: -HANDLE_SIZE / 2, ...size },
    { type: 'source', position: Position.Bottom, x, y: height - HANDLE_SIZE / 2, ...size },
  ];
}

/** A short spoken name for the node's wrapper (xyflow puts it on the focusable element). */
export function nodeAriaLabel(
  node: LayoutNode,
  current: boolean,
  clickable = false,
  coverage?: NodePaint | null,
): string {
  const { errors, warnings } = problemCounts(node);
  const parts = [`${node.id}, ${node.missing ? 'missing node' : node.type}`];
  if (node.start) parts.push('start');
  if (coverage) parts.push(nodeCoverageWords(coverage));
  if (current) parts.push('current step');
  if (clickable) parts.push('Enter opens its request');
  if (errors > 0) parts.push(plural(errors, 'error'));
  if (warnings > 0) parts.push(plural(warnings, 'warning'));
  return parts.join(', ');
}

/** The custom node component registered under the type `flow`. */
export function FlowNodeView({ data }: NodeProps<FlowGraphNode>): ReactElement {
  const { node, current, visited, picked = false, clickable = false, coverage } = data;
  const { errors, warnings } = problemCounts(node);
  const covered = coverage === undefined ? undefined : (coverage?.state ?? 'none');
  const classes = [
    'flow-node',
    `flow-node--${node.type}`,
    node.start && 'flow-node--start',
    node.missing && 'flow-node--missing',
    visited && 'flow-node--visited',
    current && 'flow-node--current',
    picked && 'flow-node--picked',
    clickable && 'flow-node--clickable',
    covered && `flow-node--coverage-${covered}`,
    errors > 0 ? 'flow-node--error' : warnings > 0 && 'flow-node--warning',
  ].filter(Boolean);
  return (
    <div
      className={classes.join(' ')}
      data-node-id={node.id}
      data-coverage={covered}
      aria-current={current ? 'step' : undefined}
      title={tooltip(node, coverage)}
    >
      {/* Edges attach to handles; they are drawn from dagre's routes, so the handles stay hidden. */}
      <Handle
        type="target"
        position={Position.Top}
        isConnectable={false}
        className="flow-node__handle"
      />
      <div className="flow-node__head">
        <span className="flow-node__id">{node.id}</span>
        <span className="flow-node__type">{node.missing ? 'missing' : node.type}</span>
      </div>
      <p className="flow-node__summary">{node.summary}</p>
      {(node.start || errors > 0 || warnings > 0 || coverage) && (
        <div className="flow-node__badges">
          {node.start && <span className="badge flow-node__start">start</span>}
          {coverage && <NodeCoverageBadges paint={coverage} />}
          {errors > 0 && <span className="badge badge--error">{plural(errors, 'error')}</span>}
          {warnings > 0 && (
            <span className="badge badge--warning">{plural(warnings, 'warning')}</span>
          )}
        </div>
      )}
      {node.problems.length > 0 && (
        <ul className="visually-hidden" aria-label={`Problems of ${node.id}`}>
          {node.problems.map((p, index) => (
            <li key={index}>
              {p.severity}: {p.message}
            </li>
          ))}
        </ul>
      )}
      {coverage && coverage.exits.length > 0 && (
        <ul className="visually-hidden" aria-label={`Exits of ${node.id}`}>
          {exitLines(coverage).map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
      <Handle
        type="source"
        position={Position.Bottom}
        isConnectable={false}
        className="flow-node__handle"
      />
    </div>
  );
}
