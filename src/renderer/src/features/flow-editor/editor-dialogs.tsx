/**
 * The two questions the editor asks: the file changed on disk while edits were unsaved (keep
 * mine, load theirs, or show both side by side first), and saving before a call.
 */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { ModalDialog } from '../../ui/modal-dialog.tsx';

/** Props of {@link ConflictDialog}. */
export interface ConflictDialogProps {
  fileName: string;
  mine: string;
  theirs: string;
  onKeepMine(): void;
  onLoadTheirs(): void;
}

/** Asks what to do with a file changed on disk under unsaved edits; Escape keeps the edits. */
export function ConflictDialog(props: ConflictDialogProps): ReactElement {
  const [both, setBoth] = useState(false);
  return (
    <ModalDialog
      title={`${props.fileName} changed on disk`}
      onClose={props.onKeepMine}
      wide={both}
      testId="flow-conflict"
      footer={
        <>
          {!both && (
            <button type="button" className="button" onClick={() => setBoth(true)}>
              Show both
            </button>
          )}
          <button type="button" className="button" onClick={props.onLoadTheirs}>
            Load theirs
          </button>
          <button type="button" className="button button--primary" onClick={props.onKeepMine}>
            Keep mine
          </button>
        </>
      }
    >
      <p>
        The flow file was changed outside the editor while you had unsaved changes. Keep mine saves
        your version over it on the next Save; Load theirs drops your changes (Undo brings them
        back).
      </p>
      {both && (
        <div className="flow-conflict__both">
          <label className="flow-conflict__side">
            <span>Mine (unsaved)</span>
            <textarea readOnly value={props.mine} rows={18} spellCheck={false} />
          </label>
          <label className="flow-conflict__side">
            <span>Theirs (on disk)</span>
            <textarea readOnly value={props.theirs} rows={18} spellCheck={false} />
          </label>
        </div>
      )}
    </ModalDialog>
  );
}

/** Props of {@link SaveBeforeCallDialog}. */
export interface SaveBeforeCallDialogProps {
  onAnswer(save: boolean): void;
}

/** Asks once whether to save the edits before calling the flow. */
export function SaveBeforeCallDialog({ onAnswer }: SaveBeforeCallDialogProps): ReactElement {
  return (
    <ModalDialog
      title="Save the flow before the call?"
      onClose={() => onAnswer(false)}
      testId="save-before-call"
      footer={
        <>
          <button type="button" className="button" onClick={() => onAnswer(false)}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => onAnswer(true)}
            autoFocus
          >
            Save and call
          </button>
        </>
      }
    >
      <p>
        The call runs the flow file as saved. Save your changes first? From now on the editor saves
        before each call without asking.
      </p>
    </ModalDialog>
  );
}
