/**
 * New environment…: a name and, optionally, the file's base name (its id), written into the
 * workspace's `environments/` folder as a YAML file that documents every field it can hold.
 */
import { useId, useState } from 'react';
import type { ReactElement } from 'react';
import { DialogActions, ModalDialog } from '../../ui/modal-dialog.tsx';

/** What `environments.create` is asked for. */
export interface NewEnvironmentInput {
  name: string;
  fileName?: string;
}

/** Props of {@link NewEnvironmentDialog}. */
export interface NewEnvironmentDialogProps {
  /** Creates it; rejects with the reason it cannot be. */
  onCreate(input: NewEnvironmentInput): Promise<void>;
  onClose(): void;
}

/** The dialog, open while mounted. */
export function NewEnvironmentDialog({
  onCreate,
  onClose,
}: NewEnvironmentDialogProps): ReactElement {
  const id = useId();
  const [name, setName] = useState('');
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = (): void => {
    if (!name.trim()) {
      setError('Enter a name for the environment.');
      return;
    }
    setBusy(true);
    setError(null);
    onCreate({ name: name.trim(), ...(fileName.trim() ? { fileName: fileName.trim() } : {}) }).then(
      () => setBusy(false),
      (reason: Error) => {
        setBusy(false);
        setError(reason.message);
      },
    );
  };

  return (
    <ModalDialog
      title="New environment"
      onClose={onClose}
      onSubmit={create}
      testId="new-environment-dialog"
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
          maxLength={200}
          placeholder="Staging CRM"
          onChange={(e) => setName(e.target.value)}
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
          maxLength={80}
          placeholder="staging"
          onChange={(e) => setFileName(e.target.value)}
          aria-describedby={`${id}-file-help`}
          autoComplete="off"
          spellCheck={false}
        />
        <p className="field__help" id={`${id}-file-help`}>
          Saved as <code>environments/&lt;file name&gt;.yaml</code>; from the name when empty.
        </p>
      </div>
      {error && (
        <p className="note note--error" role="alert">
          {error}
        </p>
      )}
    </ModalDialog>
  );
}
