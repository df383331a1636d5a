/**
 * New flow…: a name, an optional file name, and what to start from (a blank flow, or a copy of a
 * sample), written into the open workspace's `flows/` folder. Without a workspace there is
 * nowhere to write it: the dialog says so and offers Open folder….
 */
import { useId, useState } from 'react';
import type { ReactElement } from 'react';
import type { FlowEntry, WorkspaceState } from '../../../../shared/contract.ts';
import { DialogActions, ModalDialog } from '../../ui/modal-dialog.tsx';
import { fileNameFromTitle } from '../../../../shared/file-name.ts';

/** What the dialog asks `flows.create` for. */
export interface NewFlowInput {
  name: string;
  fileName?: string;
  template: string;
}

/** Props of {@link NewFlowDialog}. */
export interface NewFlowDialogProps {
  workspace: WorkspaceState | null;
  /** The sample flows, to copy from. */
  samples: readonly FlowEntry[];
  /** Creates the flow; rejects with the reason it cannot be. */
  onCreate(input: NewFlowInput): Promise<void>;
  onOpenFolder(): void;
  onClose(): void;
}

/** The file name main will derive from a name, for the hint. */
function suggestedFileName(name: string): string {
  return fileNameFromTitle(name, '.json');
}

/** The dialog, open while mounted. */
export function NewFlowDialog({
  workspace,
  samples,
  onCreate,
  onOpenFolder,
  onClose,
}: NewFlowDialogProps): ReactElement {
  const id = useId();
  const [name, setName] = useState('');
  const [fileName, setFileName] = useState('');
  const [template, setTemplate] = useState('blank');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!workspace?.root) {
    return (
      <ModalDialog
        title="New flow"
        onClose={onClose}
        testId="new-flow-dialog"
        footer={
          <>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button button--primary" onClick={onOpenFolder}>
              Open folder…
            </button>
          </>
        }
      >
        <p>No workspace folder is open.</p>
        <p className="muted">
          A new flow is written into the <code>flows/</code> folder of a workspace, next to its
          environments and tests. Open the folder first (any folder will do: it becomes the
          workspace).
        </p>
      </ModalDialog>
    );
  }

  const create = (): void => {
    if (!name.trim()) {
      setError('Enter a name for the flow.');
      return;
    }
    setBusy(true);
    setError(null);
    onCreate({
      name: name.trim(),
      ...(fileName.trim() ? { fileName: fileName.trim() } : {}),
      template,
    }).then(
      () => setBusy(false),
      (reason: Error) => {
        setBusy(false);
        setError(reason.message);
      },
    );
  };
  const suggested = suggestedFileName(fileName || name);

  return (
    <ModalDialog
      title="New flow"
      onClose={onClose}
      onSubmit={create}
      testId="new-flow-dialog"
      footer={<DialogActions submitLabel="Create" busy={busy} onCancel={onClose} />}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>
          Name
        </label>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
          placeholder="Card activation"
          autoComplete="off"
          autoFocus
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-file`}>
          File name (optional)
        </label>
        <input
          id={`${id}-file`}
          type="text"
          value={fileName}
          onChange={(e) => setFileName(e.target.value)}
          maxLength={120}
          placeholder={suggestedFileName(name) || 'from the name'}
          aria-describedby={`${id}-file-help`}
          autoComplete="off"
          spellCheck={false}
        />
        <p className="field__help" id={`${id}-file-help`}>
          Written to{' '}
          <code>
            {workspace.name}/flows/{suggested || '…'}.json
          </code>
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-template`}>
          Start from
        </label>
        <select
          id={`${id}-template`}
          value={template}
          onChange={(e) => setTemplate(e.target.value)}
        >
          <option value="blank">Blank</option>
          {samples.length > 0 && (
            <optgroup label="A copy of a sample">
              {samples.map((sample) => (
                <option key={sample.path} value={sample.path}>
                  {sample.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      {error && (
        <p className="note note--error" role="alert">
          {error}
        </p>
      )}
    </ModalDialog>
  );
}
