/**
 * The side panel for the selected node: its id (renamed with every reference), Set as start,
 * Delete node, and the properties form built from the flow schema.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import type { FlowProblem } from '../../../../shared/flow/validate-flow.ts';
import { NodePropertiesForm } from './properties/node-properties-form.tsx';
import type { NodePropertiesFormProps } from './properties/node-properties-form.tsx';

/** Props of {@link NodePanel}. */
export interface NodePanelProps {
  nodeId: string;
  node: Record<string, unknown>;
  nodeIds: string[];
  variables: string[];
  problems: FlowProblem[];
  isStart: boolean;
  focusPointer: string | null;
  /** A node just added by keyboard: its id field takes the focus as it appears, to be named. */
  focusId?: boolean;
  /** The id field took the focus asked for by `focusId`. */
  onFocusedId?(): void;
  prompts: NodePropertiesFormProps['prompts'];
  onSet(path: (string | number)[], value: unknown): void;
  /** Renames the node; returns an error message, or null when renamed. */
  onRename(to: string): string | null;
  onSetStart(): void;
  onDelete(): void;
}

/** The node's id field: commits on Enter or leaving it; a refused name says why. */
function RenameField({
  nodeId,
  onRename,
  focusId,
  onFocusedId,
}: Pick<NodePanelProps, 'nodeId' | 'onRename' | 'focusId' | 'onFocusedId'>): ReactElement {
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Focused as the field is committed, not a frame later: a later frame can land before a slow
  // machine has drawn the new node's panel, and the typed name would go nowhere.
  useLayoutEffect(() => {
    if (!focusId || !input.current) return;
    input.current.focus();
    input.current.select();
    onFocusedId?.();
  }, [focusId, nodeId, onFocusedId]);
  const commit = (value: string): void => {
    const to = value.trim();
    if (to === nodeId) return setError(null);
    setError(onRename(to));
  };
  return (
    <div className="field">
      <label htmlFor="editor-node-id">id</label>
      <input
        id="editor-node-id"
        key={nodeId}
        ref={input}
        className="input input--mono"
        defaultValue={nodeId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'editor-node-id-error' : 'editor-node-id-help'}
        onBlur={(event) => commit(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit(event.currentTarget.value);
          }
        }}
      />
      {error ? (
        <p className="field__error" id="editor-node-id-error" role="alert">
          {error}
        </p>
      ) : (
        <p className="field__help" id="editor-node-id-help">
          Renaming changes every reference to this node.
        </p>
      )}
    </div>
  );
}

/** The selected node's panel. */
export function NodePanel(props: NodePanelProps): ReactElement {
  const type = typeof props.node['type'] === 'string' ? props.node['type'] : 'unknown type';
  return (
    <section className="editor-side" aria-label={`Properties of ${props.nodeId}`}>
      <h3 className="editor-side__title">
        <span className="flow-node__id">{props.nodeId}</span>{' '}
        <span className="editor-side__type">{type}</span>
      </h3>
      <RenameField
        nodeId={props.nodeId}
        onRename={props.onRename}
        focusId={props.focusId}
        onFocusedId={props.onFocusedId}
      />
      <div className="editor-side__actions">
        <button
          type="button"
          className="button"
          disabled={props.isStart}
          onClick={props.onSetStart}
        >
          {props.isStart ? 'Start node' : 'Set as start'}
        </button>
        <button type="button" className="button button--danger" onClick={props.onDelete}>
          Delete node
        </button>
      </div>
      <NodePropertiesForm
        key={props.nodeId}
        nodeId={props.nodeId}
        node={props.node}
        nodeIds={props.nodeIds}
        variables={props.variables}
        problems={props.problems}
        onSet={props.onSet}
        focusPointer={props.focusPointer}
        prompts={props.prompts}
      />
    </section>
  );
}
