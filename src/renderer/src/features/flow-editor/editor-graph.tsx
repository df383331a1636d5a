/**
 * The flow editor's canvas, on xyflow: nodes dragged to where the user wants them (their places
 * written to `layout` when the drag ends), connections drawn from a node's named way out to
 * another node, nodes and connections deleted with Delete or Backspace, a click on the canvas
 * placing the node type picked in Add node, a node type dropped from the palette placed where it
 * drops. Everything it changes goes back as an edit of the flow text; what it draws comes from it.
 */
import {
  applyNodeChanges,
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
} from '@xyflow/react';
import type { Connection, Edge, EdgeChange, NodeChange, NodeTypes } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent, ReactElement } from 'react';
import type { NodeType } from '../../../../shared/flow/flow-schema.ts';
import { NODE_TYPES } from '../../../../shared/flow/flow-schema.ts';
import type { LayoutNode } from '../flow-view/flow-layout-types.ts';
import type { NodePosition } from './draft-flow.ts';
import type { EditorGraphNode } from './editor-node.tsx';
import { EditorNodeView } from './editor-node.tsx';
import type { NodeExit } from './node-exits.ts';

const NODE_TYPES_MAP: NodeTypes = { editor: EditorNodeView };

/** The drag-and-drop type of a node type dragged from the Add node palette. */
export const NODE_TYPE_MIME = 'application/x-ivr-node-type';

/** Half a new node's box (16em by about 6em at the app's 14px): it is centred where it lands. */
export const HALF_NODE = { x: 112, y: 42 };

/** A node as the editor draws it. */
export interface EditorNodeSpec {
  node: LayoutNode;
  exits: NodeExit[];
  unknownType: boolean;
  position: NodePosition;
}

/** Props of {@link EditorGraph}. */
export interface EditorGraphProps {
  nodes: EditorNodeSpec[];
  label: string;
  selected: string | null;
  onSelect(id: string | null): void;
  /** A way out of `source` dragged to `target`. */
  onConnect(source: string, exit: string, target: string): void;
  /** Nodes and connections deleted together (one undo step). */
  onDelete(nodes: string[], edges: { source: string; exit: string }[]): void;
  /** Where every node now is, after a drag. */
  onMoved(positions: Map<string, NodePosition>): void;
  /** The type picked in Add node, waiting for a click on the canvas. */
  placing: NodeType | null;
  /** A node of `type` placed at `position` (a click while placing, or a drop). */
  onPlace(type: NodeType, position: NodePosition): void;
}

/** The xyflow node of a spec, keeping what xyflow measured of the node it replaces. */
function toGraphNode(
  spec: EditorNodeSpec,
  selected: boolean,
  old: EditorGraphNode | undefined,
): EditorGraphNode {
  const { node } = spec;
  return {
    id: node.id,
    type: 'editor',
    position: spec.position,
    data: { node, exits: spec.exits, unknownType: spec.unknownType },
    selected,
    ...(old?.measured ? { measured: old.measured } : {}),
    ariaLabel: `${node.id}, ${node.missing ? 'missing node' : node.type}${node.start ? ', start' : ''}`,
    draggable: !node.missing,
    deletable: !node.missing,
    connectable: !node.missing,
  };
}

/** The editable graph; lives inside a ReactFlowProvider (it converts screen to flow positions). */
export function EditorGraph(props: EditorGraphProps): ReactElement {
  const { nodes: specs, selected, placing } = props;
  const flow = useReactFlow<EditorGraphNode>();
  // The whole flow in view once its nodes have been measured (their height depends on their ways
  // out): the fitView prop can run before that, and a tall flow then opens half out of view.
  const measured = useNodesInitialized();
  const fitted = useRef(false);
  useEffect(() => {
    if (!measured || fitted.current) return;
    fitted.current = true;
    void flow.fitView({ maxZoom: 1, padding: 0.08 });
  }, [measured, flow]);
  // xyflow's own copy of the nodes (it moves them while dragging, measures them), rebuilt from the
  // flow text whenever that changes.
  const [local, setLocal] = useState<{ from: EditorNodeSpec[]; nodes: EditorGraphNode[] }>(() => ({
    from: specs,
    nodes: specs.map((s) => toGraphNode(s, s.node.id === selected, undefined)),
  }));
  let nodes = local.nodes;
  if (local.from !== specs || nodes.some((n) => n.selected !== (n.id === selected))) {
    const old = new Map(nodes.map((n) => [n.id, n]));
    nodes = specs.map((s) => toGraphNode(s, s.node.id === selected, old.get(s.node.id)));
    setLocal({ from: specs, nodes });
  }

  // Which connections are selected (so Delete removes them): xyflow asks, the flow text has no say.
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const onEdgesChange = (changes: EdgeChange[]): void => {
    setSelectedEdges((current) => {
      const next = new Set(current);
      for (const change of changes) {
        if (change.type !== 'select') continue;
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
      return next;
    });
  };

  const edges = useMemo(
    () =>
      specs.flatMap(({ node, exits }) =>
        exits
          .filter((exit) => exit.field !== null && exit.target !== null)
          .map((exit): Edge => ({
            id: `${node.id}\u0000${exit.id}`,
            source: node.id,
            sourceHandle: exit.id,
            target: exit.target as string,
            targetHandle: 'in',
            label: exit.label,
            type: 'smoothstep',
            className: `flow-edge flow-edge--editing${
              specs.some((s) => s.node.id === exit.target && !s.node.missing)
                ? ''
                : ' flow-edge--dangling'
            }`,
            markerEnd: { type: MarkerType.ArrowClosed },
            ariaLabel: `${node.id} ${exit.label} to ${exit.target}`,
            data: { exit: exit.id },
            selected: selectedEdges.has(`${node.id}\u0000${exit.id}`),
          })),
      ),
    [specs, selectedEdges],
  );

  const onNodesChange = (changes: NodeChange<EditorGraphNode>[]): void => {
    setLocal((current) => ({ ...current, nodes: applyNodeChanges(changes, current.nodes) }));
    for (const change of changes) {
      if (change.type === 'select' && change.selected) props.onSelect(change.id);
    }
  };

  /** The position of a node centred on the screen point `x`, `y`. */
  const centredAt = (x: number, y: number): NodePosition => {
    const at = flow.screenToFlowPosition({ x, y });
    return { x: at.x - HALF_NODE.x, y: at.y - HALF_NODE.y };
  };

  /**
   * Delete and Backspace remove the selected node or connections. Handled here rather than by
   * xyflow, which reads the selection from its own store: that copy is updated in an effect after
   * the click's render, and a key pressed at once (input outranks effects in Chromium's queue)
   * found nothing selected and deleted nothing.
   */
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Delete' && event.key !== 'Backspace') return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    // The node that has the focus is the one just clicked, even before the selection it made
    // has come back through xyflow.
    const node = target.closest<HTMLElement>('.react-flow__node')?.dataset['id'] ?? selected;
    const cut = edges
      .filter((edge) => edge.selected && edge.source !== node && edge.target !== node)
      .map((edge) => ({ source: edge.source, exit: String(edge.sourceHandle) }));
    if (node === null && cut.length === 0) return;
    event.preventDefault();
    setSelectedEdges(new Set());
    props.onDelete(node === null ? [] : [node], cut);
  };

  const drop = (event: DragEvent): void => {
    const type = event.dataTransfer.getData(NODE_TYPE_MIME) as NodeType;
    if (!NODE_TYPES.includes(type)) return;
    event.preventDefault();
    props.onPlace(type, centredAt(event.clientX, event.clientY));
  };

  return (
    <div
      className={`flow-view__graph editor-graph${placing ? ' editor-graph--placing' : ''}`}
      role="group"
      aria-label={props.label}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(NODE_TYPE_MIME)) event.preventDefault();
      }}
      onDrop={drop}
      onKeyDown={onKeyDown}
    >
      <ReactFlow<EditorGraphNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES_MAP}
        onNodesChange={onNodesChange}
        // Selected in the click itself (a discrete update), not only when xyflow reports it.
        onNodeClick={(_event, node) => props.onSelect(node.id)}
        onEdgesChange={onEdgesChange}
        onConnect={(connection: Connection) => {
          if (connection.sourceHandle && connection.source !== connection.target) {
            props.onConnect(connection.source, connection.sourceHandle, connection.target);
          }
        }}
        onNodeDragStop={(_event, _node, dragged) => {
          const moved = new Map(dragged.map((n) => [n.id, n.position]));
          const positions = new Map(
            nodes
              .filter((n) => !n.data.node.missing)
              .map((n) => [n.id, moved.get(n.id) ?? n.position]),
          );
          props.onMoved(positions);
        }}
        onPaneClick={(event) => {
          if (placing) {
            props.onPlace(placing, centredAt(event.clientX, event.clientY));
          } else props.onSelect(null);
        }}
        deleteKeyCode={null}
        multiSelectionKeyCode={null}
        selectionKeyCode={null}
        minZoom={0.1}
        maxZoom={2}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        colorMode="system"
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
