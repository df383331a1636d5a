/**
 * The flow drawn with xyflow: read-only (no dragging, connecting, selecting or deleting), zoom and
 * pan only, nodes and edges from the layout, the path taken and the current node marked.
 */
import { Controls, MarkerType, ReactFlow } from '@xyflow/react';
import type { AriaLabelConfig, EdgeTypes, NodeTypes } from '@xyflow/react';
import { useMemo } from 'react';
import type { KeyboardEvent, ReactElement } from 'react';
import type { FlowEdgeData, FlowGraphEdge } from './flow-edge.tsx';
import { FlowEdgeView } from './flow-edge.tsx';
import type { FlowLayout, LayoutEdge } from './flow-layout-types.ts';
import { pairKey, pathHighlight } from './path-highlight.ts';
import type { FlowGraphNode } from './flow-node.tsx';
import { FlowNodeView, nodeAriaLabel, nodeHandles } from './flow-node.tsx';
import { FitLayoutButton } from './fit-layout-button.tsx';
import { FollowCurrentNode } from './follow-current-node.ts';
import type { CoveragePaint, EdgePaint } from './coverage-paint.ts';

// Module constants: xyflow re-creates every node when these objects change identity.
const NODE_TYPES: NodeTypes = { flow: FlowNodeView };
const EDGE_TYPES: EdgeTypes = { flow: FlowEdgeView };
/** A flow painted by coverage opens no smaller than this, so its counts can be read. */
const COVERAGE_READABLE_ZOOM = 0.75;
// xyflow's own screen-reader hints talk about selecting, moving and deleting: none applies here.
const ARIA_LABELS: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default':
    'A step of the flow. Tab moves to the next step; the view is read-only.',
  'node.a11yDescription.keyboardDisabled': 'A step of the flow; the view is read-only.',
  'edge.a11yDescription.default': 'A connection between two steps; the view is read-only.',
};

/** Props of {@link FlowGraph}. */
export interface FlowGraphProps {
  layout: FlowLayout;
  currentNode: string | null;
  path: readonly string[];
  /** Accessible name of the graph (`Flow Balance read-back`). */
  label: string;
  /** The node the user picked, marked. */
  pickedNode?: string | null;
  /** A node clicked or activated with Enter or Space; absent: the nodes are for reading. */
  onNodeClick?: (nodeId: string) => void;
  /** Coverage mode: nodes and edges painted taken or never taken. */
  coverage?: CoveragePaint;
}

/** The node id of the focused xyflow node wrapper an Enter or Space landed on, or null. */
function activatedNode(event: KeyboardEvent): string | null {
  if (event.key !== 'Enter' && event.key !== ' ') return null;
  const target = event.target as Element;
  if (!target.classList.contains('react-flow__node')) return null;
  return target.getAttribute('data-id');
}

function edgeClass(edge: LayoutEdge, visited: boolean, paint?: EdgePaint | null): string {
  return [
    'flow-edge',
    `flow-edge--${edge.kind}`,
    edge.dangling && 'flow-edge--dangling',
    visited && 'flow-edge--visited',
    paint !== undefined && `flow-edge--coverage flow-edge--${paint?.state ?? 'uncounted'}`,
  ]
    .filter(Boolean)
    .join(' ');
}

// Marker colours are CSS variables so the arrowheads follow the theme like the strokes do.
function markerColor(edge: LayoutEdge, visited: boolean, paint?: EdgePaint | null): string {
  if (edge.dangling) return 'var(--danger)';
  if (paint) return paint.state === 'taken' ? 'var(--ok)' : 'var(--warn)';
  return visited ? 'var(--accent)' : 'var(--muted)';
}

/** Draws the laid-out flow read-only; clicking an http node, or Enter or Space on it, picks it. */
export function FlowGraph({
  layout,
  currentNode,
  path,
  label,
  pickedNode = null,
  onNodeClick,
  coverage,
}: FlowGraphProps): ReactElement {
  const highlight = useMemo(() => pathHighlight(path), [path]);

  const nodes = useMemo(
    () =>
      layout.nodes.map((node): FlowGraphNode => {
        const current = node.id === currentNode;
        const clickable = onNodeClick !== undefined && node.type === 'http';
        const paint = coverage && (coverage.nodes.get(node.id) ?? null);
        return {
          id: node.id,
          type: 'flow',
          position: { x: node.x, y: node.y },
          width: node.width,
          height: node.height,
          // Known from the layout, so edges never wait for (or lose) xyflow's own measuring.
          handles: nodeHandles(node.width, node.height),
          data: {
            node,
            current,
            visited: highlight.nodes.has(node.id),
            picked: node.id === pickedNode,
            clickable,
            ...(paint === undefined ? {} : { coverage: paint }),
          },
          ariaLabel: nodeAriaLabel(node, current, clickable, paint),
          draggable: false,
          connectable: false,
          selectable: false,
          deletable: false,
        };
      }),
    [layout, currentNode, highlight, pickedNode, onNodeClick, coverage],
  );

  const edges = useMemo(
    () =>
      layout.edges.map((edge): FlowGraphEdge => {
        const visited = highlight.edges.has(pairKey(edge.source, edge.target));
        const paint = coverage && (coverage.edges.get(edge.id) ?? null);
        const data: FlowEdgeData = paint === undefined ? { edge } : { edge, coverage: paint };
        const taken = paint
          ? paint.count > 0
            ? `, taken ${paint.count} times`
            : ', never taken'
          : '';
        return {
          id: edge.id,
          type: 'flow',
          source: edge.source,
          target: edge.target,
          data,
          className: edgeClass(edge, visited, paint),
          animated: visited,
          markerEnd: { type: MarkerType.ArrowClosed, color: markerColor(edge, visited, paint) },
          ariaLabel: `${edge.source} ${edge.label} to ${edge.target}${taken}`,
          selectable: false,
          deletable: false,
          focusable: false,
        };
      }),
    [layout, highlight, coverage],
  );

  return (
    <div
      className="flow-view__graph"
      role="group"
      aria-label={label}
      onKeyDown={(event) => {
        const id = onNodeClick && activatedNode(event);
        if (!id) return;
        // Enter here opens the node; it must not also place a call.
        event.preventDefault();
        onNodeClick(id);
      }}
    >
      <ReactFlow<FlowGraphNode, FlowGraphEdge>
        onNodeClick={onNodeClick ? (_event, node) => onNodeClick(node.id) : undefined}
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        minZoom={0.1}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        edgesReconnectable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        colorMode="system"
        ariaLabelConfig={ARIA_LABELS}
      >
        <Controls showInteractive={false} showFitView={false}>
          <FitLayoutButton layout={layout} />
        </Controls>
        {/* Also the initial fit (no fitView prop): it would land after, and undo, the centring on a
            current node. */}
        <FollowCurrentNode
          layout={layout}
          currentNode={currentNode}
          pickedNode={pickedNode}
          {...(coverage ? { readableZoom: COVERAGE_READABLE_ZOOM } : {})}
        />
      </ReactFlow>
    </div>
  );
}
