/**
 * The flow editor (Edit flow): the flow the phone uses drawn on an editable canvas, the selected
 * node's properties (or the flow's own settings) beside it, the live problem list under it, and a
 * toolbar with Add node, Undo, Redo and Save. Every change is an edit of the file's text
 * (editor-edits.ts), so Save writes the file as it was except where the user changed it.
 */
import '@xyflow/react/dist/style.css';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ReactElement } from 'react';
import type { NodeType } from '../../../../shared/flow/flow-schema.ts';
import { call } from '../../api/ivr-api.ts';
import { playRecording } from '../../audio/recording-player.ts';
import { layoutFlow, problemNodeId } from '../flow-view/flow-layout.ts';
import { readDraft } from './draft-flow.ts';
import type { NodePosition } from './draft-flow.ts';
import { ConflictDialog, SaveBeforeCallDialog } from './editor-dialogs.tsx';
import {
  addNode,
  connect,
  deleteNode,
  disconnect,
  moveNodes,
  newNodeId,
  renameNode,
  setNodeValue,
  setStart,
} from './editor-edits.ts';
import { EditorGraph, HALF_NODE } from './editor-graph.tsx';
import type { EditorNodeSpec } from './editor-graph.tsx';
import { EditorProblems } from './editor-problems.tsx';
import { EditorToolbar } from './editor-toolbar.tsx';
import type { FlowEditorStore } from './flow-editor-store.ts';
import { FlowSettingsPanel } from './flow-settings-panel.tsx';
import { knownVariables } from './known-variables.ts';
import { NodePanel } from './node-panel.tsx';
import { nodeExits } from './node-exits.ts';
import { useEditorProblems } from './use-editor-problems.ts';
import { saveFromScreen, useEditorShortcuts } from './use-editor-shortcuts.ts';
import { setFlowValue } from '../../../../shared/flow/flow-text-edits.ts';
import '../flow-view/flow-view.css';
import '../flow-view/flow-node.css';
import '../flow-view/flow-edge.css';
import '../flow-view/flow-problems.css';
import './flow-editor.css';
import type { RawObject as Raw } from './raw-json.ts';
import { isObject } from './raw-json.ts';

/** Props of {@link FlowEditor}. */
export interface FlowEditorProps {
  store: FlowEditorStore;
  /** The picked environment's variable names, known at every node. */
  environmentVariables: string[];
  onClose(): void;
}

/** The editor; its canvas needs xyflow's provider around everything that converts positions. */
export function FlowEditor(props: FlowEditorProps): ReactElement {
  return (
    <ReactFlowProvider>
      <Workbench {...props} />
    </ReactFlowProvider>
  );
}

/** The file name shown in the title and the questions. */
const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

function Workbench({ store, environmentVariables, onClose }: FlowEditorProps): ReactElement {
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const flow = useReactFlow();
  const graphBox = useRef<HTMLDivElement>(null);
  const [picked, setPicked] = useState<string | null>(null);
  /** A node added by keyboard whose id field is still to take the focus. */
  const [naming, setNaming] = useState<string | null>(null);
  const namedFocus = useCallback(() => setNaming(null), []);
  const [focusPointer, setFocusPointer] = useState<string | null>(null);
  const [placing, setPlacing] = useState<NodeType | null>(null);

  const draft = useMemo(() => readDraft(snap.text), [snap.text]);
  const problems = useEditorProblems(snap.path, snap.text, draft.problems);
  const layout = useMemo(
    () => (draft.flow === null ? null : layoutFlow(draft.flow, problems)),
    [draft, problems],
  );
  const rawNodes: Raw = draft.raw && isObject(draft.raw['nodes']) ? draft.raw['nodes'] : {};
  const nodeIds = Object.keys(rawNodes);
  const selected = picked !== null && Object.hasOwn(rawNodes, picked) ? picked : null;

  const specs = useMemo((): EditorNodeSpec[] => {
    if (!layout) return [];
    const nodes = isObject(draft.raw?.['nodes']) ? (draft.raw['nodes'] as Raw) : {};
    return layout.nodes
      .filter((node) => node.id !== '')
      .map((node) => ({
        node,
        exits: node.missing ? [] : nodeExits(nodes[node.id]),
        unknownType: draft.unknownTypes.has(node.id),
        position: draft.positions.get(node.id) ?? { x: node.x, y: node.y },
      }));
  }, [layout, draft]);

  const variables = useMemo(
    () =>
      selected && draft.flow ? knownVariables(draft.flow, selected, environmentVariables) : [],
    [draft, selected, environmentVariables],
  );

  const placed = (): Map<string, NodePosition> =>
    new Map(specs.filter((s) => !s.node.missing).map((s) => [s.node.id, s.position]));

  /** Adds a node of `type` at `position` and selects it; returns its id, or null if refused. */
  const add = (type: NodeType, position: NodePosition): string | null => {
    setPlacing(null);
    const id = newNodeId(snap.text, type);
    if (!store.edit((text) => addNode(text, type, id, position, placed()))) return null;
    setPicked(id);
    return id;
  };

  /** A keyboard add: in the middle of the visible canvas, a step aside for each node there. */
  const addInView = (type: NodeType): void => {
    const box = graphBox.current?.getBoundingClientRect();
    const centre = flow.screenToFlowPosition({
      x: box ? box.left + box.width / 2 : 0,
      y: box ? box.top + box.height / 3 : 0,
    });
    const taken = new Set(specs.map((s) => `${s.position.x},${s.position.y}`));
    let at = { x: Math.round(centre.x - HALF_NODE.x), y: Math.round(centre.y - HALF_NODE.y) };
    while (taken.has(`${at.x},${at.y}`)) at = { x: at.x + 32, y: at.y + 32 };
    // The new node's id field takes the focus as its panel appears: name it, then Tab on.
    setNaming(add(type, at));
  };

  const save = (): Promise<void> => saveFromScreen(store);
  const cancelPlacing = useCallback(() => setPlacing(null), []);
  useEditorShortcuts(store, cancelPlacing);

  const pickProblem = (pointer: string): void => {
    const id = problemNodeId(pointer);
    if (id !== null && Object.hasOwn(rawNodes, id)) {
      setPicked(id);
      // The form focuses a pointer when it changes: cleared first, the same problem picked again
      // (after the focus moved on) focuses its field again.
      setFocusPointer(null);
      requestAnimationFrame(() => setFocusPointer(pointer));
    } else {
      setPicked(null);
      const field = pointer.split('/')[1];
      requestAnimationFrame(() => document.getElementById(`editor-flow-${field}`)?.focus());
    }
  };

  const prompts = {
    list: async () => (await call('prompts.list', { flowPath: snap.path })).map((p) => p.audio),
    play: (audio: string) => {
      void playRecording(() => call('prompts.read', { flowPath: snap.path, audio })).catch(
        () => undefined,
      );
    },
    pick: () => call('prompts.pick', { flowPath: snap.path }),
  };

  const selectedNode = selected ? rawNodes[selected] : undefined;
  const name = typeof draft.raw?.['name'] === 'string' ? draft.raw['name'] : baseName(snap.path);

  return (
    <section className="flow-editor" aria-label={`Flow editor: ${name}`}>
      <EditorToolbar
        snap={snap}
        fileName={baseName(snap.path)}
        placing={placing}
        onPick={setPlacing}
        onAddNow={addInView}
        onUndo={() => store.undo()}
        onRedo={() => store.redo()}
        onSave={() => void save()}
        onClose={onClose}
      />
      {snap.error && (
        <p className="flow-editor__error" role="alert">
          {snap.error}
        </p>
      )}
      {snap.status === 'loading' && <p className="empty">Opening the flow…</p>}
      {snap.status === 'ready' && draft.raw === null && (
        <p className="flow-editor__error" role="alert">
          The file is not a JSON object, so it cannot be edited here: {problems[0]?.message}
        </p>
      )}
      {snap.status === 'ready' && draft.raw !== null && (
        <div className="flow-editor__body">
          <div className="flow-editor__canvas" ref={graphBox}>
            <EditorGraph
              nodes={specs}
              label={`Flow ${name}`}
              selected={selected}
              onSelect={(id) => {
                setPicked(id);
                setFocusPointer(null);
              }}
              onConnect={(source, exit, target) =>
                store.edit((text) => connect(text, source, exit, target))
              }
              onDelete={(nodes, edges) =>
                store.edit((text) => {
                  let next = text;
                  for (const { source, exit } of edges) {
                    const field = nodeExits(rawNodes[source]).find((e) => e.id === exit)?.field;
                    if (field) next = disconnect(next, source, field);
                  }
                  for (const id of nodes) next = deleteNode(next, id);
                  return next;
                })
              }
              onMoved={(positions) => store.edit((text) => moveNodes(text, positions))}
              placing={placing}
              onPlace={add}
            />
            <EditorProblems problems={problems} onPick={pickProblem} />
          </div>
          <div className="flow-editor__side">
            {selected && isObject(selectedNode) ? (
              <NodePanel
                nodeId={selected}
                node={selectedNode}
                nodeIds={nodeIds}
                variables={variables}
                problems={problems.filter((p) => problemNodeId(p.pointer) === selected)}
                isStart={draft.raw['start'] === selected}
                focusPointer={focusPointer}
                focusId={naming === selected}
                onFocusedId={namedFocus}
                prompts={prompts}
                onSet={(path, value) =>
                  store.edit((text) => setNodeValue(text, selected, path, value))
                }
                onRename={(to) => {
                  let next: string;
                  try {
                    next = renameNode(snap.text, selected, to);
                  } catch (error) {
                    return (error as Error).message;
                  }
                  store.edit(() => next);
                  setPicked(to);
                  return null;
                }}
                onSetStart={() => store.edit((text) => setStart(text, selected))}
                onDelete={() => {
                  store.edit((text) => deleteNode(text, selected));
                  setPicked(null);
                }}
              />
            ) : (
              <FlowSettingsPanel
                raw={draft.raw}
                nodeIds={nodeIds}
                onSet={(path, value) => store.edit((text) => setFlowValue(text, path, value))}
              />
            )}
          </div>
        </div>
      )}
      {snap.conflict && (
        <ConflictDialog
          fileName={baseName(snap.path)}
          mine={snap.text}
          theirs={snap.conflict.theirs}
          onKeepMine={() => store.keepMine()}
          onLoadTheirs={() => store.loadTheirs()}
        />
      )}
      {snap.askingToSave && (
        <SaveBeforeCallDialog onAnswer={(yes) => store.answerSaveBeforeCall(yes)} />
      )}
    </section>
  );
}
