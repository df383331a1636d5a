/**
 * The flow editor's toolbar: Add node, Undo, Redo, Save, whether the file is saved, its name, and
 * Close editor.
 */
import type { ReactElement } from 'react';
import type { NodeType } from '../../../../shared/flow/flow-schema.ts';
import { AddNodeMenu } from './add-node-menu.tsx';
import type { EditorSnapshot } from './flow-editor-store.ts';

/** Props of {@link EditorToolbar}. */
export interface EditorToolbarProps {
  snap: EditorSnapshot;
  fileName: string;
  placing: NodeType | null;
  onPick(type: NodeType | null): void;
  onAddNow(type: NodeType): void;
  onUndo(): void;
  onRedo(): void;
  onSave(): void;
  onClose(): void;
}

/** The toolbar; its save state is a live region so a screen reader hears "Saved". */
export function EditorToolbar(props: EditorToolbarProps): ReactElement {
  const { snap } = props;
  return (
    <div className="flow-editor__toolbar" role="toolbar" aria-label="Flow editor">
      <AddNodeMenu placing={props.placing} onPick={props.onPick} onAddNow={props.onAddNow} />
      <button
        type="button"
        className="button"
        disabled={!snap.canUndo}
        onClick={props.onUndo}
        aria-keyshortcuts="Control+Z"
      >
        Undo
      </button>
      <button
        type="button"
        className="button"
        disabled={!snap.canRedo}
        onClick={props.onRedo}
        aria-keyshortcuts="Control+Shift+Z"
      >
        Redo
      </button>
      <button
        type="button"
        className="button button--primary"
        disabled={snap.saving || snap.status !== 'ready'}
        onClick={props.onSave}
        aria-keyshortcuts="Control+S"
      >
        Save
      </button>
      <span
        className={`flow-editor__state${snap.dirty ? ' flow-editor__state--dirty' : ''}`}
        role="status"
        data-testid="editor-state"
      >
        {snap.saving ? 'Saving…' : snap.dirty ? 'Unsaved changes' : 'Saved'}
      </span>
      <span className="flow-editor__file" title={snap.path}>
        {props.fileName}
      </span>
      <button type="button" className="button flow-editor__close" onClick={props.onClose}>
        Close editor
      </button>
    </div>
  );
}
