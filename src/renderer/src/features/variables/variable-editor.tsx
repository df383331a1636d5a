/**
 * Inline edit of one user variable mid-call: Enter saves through `call.setVariable`, Escape
 * cancels; a refusal (type, length, the call ended) is shown right under the field.
 */
import { useState } from 'react';
import type { KeyboardEvent, ReactElement } from 'react';
import type { Scalar } from '../../../../shared/variables.ts';
import { parseEditedValue } from './parse-edited-value.ts';

/** Props of {@link VariableEditor}. */
export interface VariableEditorProps {
  name: string;
  current: Scalar;
  onSave(value: Scalar): Promise<void>;
  onClose(): void;
}

/** Edits a user variable mid-call: Enter saves, Escape cancels, a refusal shows under the field. */
export function VariableEditor({
  name,
  current,
  onSave,
  onClose,
}: VariableEditorProps): ReactElement {
  const [text, setText] = useState(String(current));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errorId = `var-edit-error-${name}`;

  const save = async (): Promise<void> => {
    const parsed = parseEditedValue(text, current);
    if (!parsed.ok) return setError(parsed.error);
    setSaving(true);
    try {
      await onSave(parsed.value);
      onClose();
    } catch (failure) {
      setError((failure as Error).message);
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      // Handled here: Escape must not also reach the softphone's hang-up shortcut.
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div className="var-editor">
      <div className="var-editor__row">
        <input
          className="var-editor__input"
          aria-label={`New value of ${name}`}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onKeyDown={onKeyDown}
          disabled={saving}
          // Opening the editor is an explicit request to type into it.
          autoFocus
          spellCheck={false}
        />
        <button type="button" className="button button--small" onClick={() => void save()}>
          Save
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="var-editor__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
