/**
 * Add node: every node type of the flow format. Picked with the mouse, the type waits for a click
 * on the canvas where the node goes; dragged, it goes where it is dropped; picked with the
 * keyboard, it is placed in view at once and its properties open.
 */
import { useState } from 'react';
import type { ReactElement } from 'react';
import type { NodeType } from '../../../../shared/flow/flow-schema.ts';
import { NODE_TYPES } from '../../../../shared/flow/flow-schema.ts';
import { NODE_TYPE_MIME } from './editor-graph.tsx';
import './add-node-menu.css';

/** Props of {@link AddNodeMenu}. */
export interface AddNodeMenuProps {
  placing: NodeType | null;
  /** A type picked by mouse: place it with the next click on the canvas. */
  onPick(type: NodeType | null): void;
  /** A type picked by keyboard: add it now. */
  onAddNow(type: NodeType): void;
}

/** The Add node button and its list of types. */
export function AddNodeMenu({ placing, onPick, onAddNow }: AddNodeMenuProps): ReactElement {
  const [open, setOpen] = useState(false);
  return (
    <div className="add-node">
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          onPick(null);
        }}
      >
        Add node
      </button>
      {open && (
        <ul
          className="add-node__menu"
          role="menu"
          aria-label="Node types"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        >
          {NODE_TYPES.map((type, index) => (
            <li key={type} role="none">
              <button
                type="button"
                role="menuitem"
                className="add-node__type"
                draggable
                autoFocus={index === 0}
                onDragStart={(event) => {
                  event.dataTransfer.setData(NODE_TYPE_MIME, type);
                  event.dataTransfer.effectAllowed = 'copy';
                }}
                onDragEnd={() => setOpen(false)}
                onClick={(event) => {
                  setOpen(false);
                  // A click from the keyboard (Enter, Space) has no pointer position: add it now.
                  if (event.detail === 0) onAddNow(type);
                  else onPick(type);
                }}
              >
                {type}
              </button>
            </li>
          ))}
        </ul>
      )}
      {placing && (
        <span className="add-node__hint" role="status">
          Click on the canvas to place the {placing} node (Escape cancels)
        </span>
      )}
    </div>
  );
}
