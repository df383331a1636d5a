/**
 * Open flow… and Open folder… where paths are typed (browser mode: the page cannot see the
 * computer's files, so the path field is the open dialog), with the recent ones a click away.
 */
import { useId, useState } from 'react';
import type { ReactElement } from 'react';
import { DialogActions, ModalDialog } from '../../ui/modal-dialog.tsx';
import { baseName } from './base-name.ts';

/** What is opened. */
export type OpenKind = 'flow' | 'folder';

/** Props of {@link OpenPathDialog}. */
export interface OpenPathDialogProps {
  kind: OpenKind;
  /** Paths opened before, most recent first. */
  recent: readonly string[];
  /** Opens `path`; rejects with the reason it cannot be opened. */
  onOpen(path: string): Promise<void>;
  onClose(): void;
}

const TEXT: Record<OpenKind, { title: string; help: string; placeholder: string }> = {
  flow: {
    title: 'Open flow',
    help: 'The full path of a flow file (.json) on the computer the console runs on.',
    placeholder: '/home/me/my-ivr/flows/main.json',
  },
  folder: {
    title: 'Open folder',
    help: 'The full path of a workspace folder: its flows, environments/ and tests/ open with it.',
    placeholder: '/home/me/my-ivr',
  },
};

/** The dialog, open while mounted. */
export function OpenPathDialog({
  kind,
  recent,
  onOpen,
  onClose,
}: OpenPathDialogProps): ReactElement {
  const id = useId();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const text = TEXT[kind];

  const open = (chosen: string): void => {
    const trimmed = chosen.trim();
    if (!trimmed) {
      setError('Type the path to open.');
      return;
    }
    setBusy(true);
    setError(null);
    onOpen(trimmed).then(
      () => setBusy(false),
      (reason: Error) => {
        setBusy(false);
        setError(reason.message);
      },
    );
  };

  return (
    <ModalDialog
      title={text.title}
      onClose={onClose}
      onSubmit={() => open(path)}
      wide
      testId={`open-${kind}-dialog`}
      footer={<DialogActions submitLabel="Open" busy={busy} onCancel={onClose} />}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-path`}>
          Path
        </label>
        <input
          id={`${id}-path`}
          type="text"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder={text.placeholder}
          aria-describedby={`${id}-help`}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          spellCheck={false}
          autoFocus
        />
        <p className="field__help" id={`${id}-help`}>
          {text.help}
        </p>
      </div>
      {error && (
        <p className="note note--error" role="alert">
          {error}
        </p>
      )}
      {recent.length > 0 && (
        <section aria-labelledby={`${id}-recent`}>
          <h3 className="dialog__section-title" id={`${id}-recent`}>
            Open recent
          </h3>
          <ul className="path-list">
            {recent.map((entry) => (
              <li key={entry}>
                <button
                  type="button"
                  className="path-list__item"
                  disabled={busy}
                  onClick={() => open(entry)}
                  title={entry}
                >
                  <span className="path-list__name">{baseName(entry)}</span>
                  <span className="path-list__path">{entry}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </ModalDialog>
  );
}
