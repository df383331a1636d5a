/**
 * A node of the flow editor: the flow view's box (id, type, summary, start and problem badges)
 * with one input handle on top and, along the bottom, one named handle per way out (`next`,
 * `onFail`, each menu key, each case, `default`, and `+ key` / `+ case` to add one). A connection
 * is drawn by dragging from a way out to another node.
 */
import { Handle, Position, useUpdateNodeInternals } from '@xyflow/react';
import type { Node, NodeProps } from '@xyflow/react';
import { useEffect } from 'react';
import type { ReactElement } from 'react';
import type { LayoutNode } from '../flow-view/flow-layout-types.ts';
import { problemCounts } from '../flow-view/flow-node.tsx';
import type { NodeExit } from './node-exits.ts';
import './editor-node.css';
import { plural } from '../../lib/plural.ts';

/** What the editor graph passes to each node. */
export type EditorNodeData = {
  node: LayoutNode;
  exits: NodeExit[];
  /** The type is not one the flow format knows. */
  unknownType: boolean;
};

/** The xyflow node type of the editor. */
export type EditorGraphNode = Node<EditorNodeData, 'editor'>;

/** The custom node component registered under the type `editor`. */
export function EditorNodeView({ data, selected }: NodeProps<EditorGraphNode>): ReactElement {
  const { node, exits, unknownType } = data;
  const { errors, warnings } = problemCounts(node);
  const classes = [
    'flow-node',
    'flow-node--editing',
    `flow-node--${node.type}`,
    node.start && 'flow-node--start',
    node.missing && 'flow-node--missing',
    selected && 'flow-node--picked',
    errors > 0 ? 'flow-node--error' : warnings > 0 && 'flow-node--warning',
  ].filter(Boolean);
  const type = node.missing ? 'missing' : unknownType ? 'unknown type' : node.type;
  // xyflow measures a node's handles when the node resizes; a way out added in a row that had
  // room (a second case) changes no size, so it is told, or its edge would not be drawn.
  const updateInternals = useUpdateNodeInternals();
  const handleIds = exits.map((exit) => exit.id).join('\u0000');
  useEffect(() => {
    updateInternals(node.id);
  }, [updateInternals, node.id, handleIds]);
  return (
    <div className={classes.join(' ')} data-node-id={node.id}>
      <Handle type="target" position={Position.Top} id="in" className="editor-node__in" />
      <div className="flow-node__head">
        <span className="flow-node__id">{node.id}</span>
        <span className="flow-node__type">{type}</span>
      </div>
      <p className="flow-node__summary">{node.summary || '\u00a0'}</p>
      {(node.start || errors > 0 || warnings > 0) && (
        <div className="flow-node__badges">
          {node.start && <span className="badge flow-node__start">start</span>}
          {errors > 0 && <span className="badge badge--error">{plural(errors, 'error')}</span>}
          {warnings > 0 && (
            <span className="badge badge--warning">{plural(warnings, 'warning')}</span>
          )}
        </div>
      )}
      {exits.length > 0 && (
        <div className="editor-node__exits">
          {exits.map((exit) => (
            <span
              key={exit.id}
              className={`editor-node__exit${exit.field ? '' : ' editor-node__exit--add'}`}
              data-exit={exit.id}
              title={
                exit.field
                  ? `${exit.label}: drag to the next step`
                  : `Drag to a step to add a ${exit.id === '+key' ? 'menu key' : 'case'}`
              }
            >
              {exit.label}
              <Handle
                type="source"
                position={Position.Bottom}
                id={exit.id}
                className="editor-node__out"
                aria-label={`${node.id} ${exit.label}`}
              />
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
