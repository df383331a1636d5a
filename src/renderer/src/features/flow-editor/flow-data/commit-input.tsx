/**
 * A text input (or textarea) that commits on Enter or on leaving it, once per change: the
 * tables' cells. It keeps the text being typed; when the value it shows changes from outside
 * (the commit landed, an undo) the text follows, and a refused text stays for the user to fix.
 * It is never remounted for a new value, so focus stays where the user put it.
 */
import { useState } from 'react';
import type { ReactElement } from 'react';

/** Props of {@link CommitInput}. */
export interface CommitInputProps {
  label: string;
  /** The value's text as the flow holds it now: shown, and what counts as unchanged. */
  initial: string;
  /** Called with the text when it differs from the last one committed. */
  onCommit(text: string): void;
  multiline?: boolean;
  className?: string;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
}

/** The input; Enter commits (Shift+Enter is a new line in a textarea), leaving it commits. */
export function CommitInput(props: CommitInputProps): ReactElement {
  const [text, setText] = useState(props.initial);
  // The last text committed: Enter then leaving the field must not commit (and undo) twice.
  const [committed, setCommitted] = useState(props.initial);
  const [shown, setShown] = useState(props.initial);
  if (shown !== props.initial) {
    // The value changed outside the field: show it (React's "adjust state on a prop change").
    setShown(props.initial);
    setText(props.initial);
    setCommitted(props.initial);
  }
  const commit = (): void => {
    if (text === committed) return;
    setCommitted(text);
    props.onCommit(text);
  };
  const shared = {
    'aria-label': props.label,
    'aria-invalid': props.invalid ? true : undefined,
    'aria-describedby': props.describedBy,
    className: props.className,
    value: text,
    placeholder: props.placeholder,
    autoComplete: 'off',
    spellCheck: false,
    onBlur: commit,
  };
  if (props.multiline) {
    return (
      <textarea
        {...shared}
        rows={2}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            commit();
          }
        }}
      />
    );
  }
  return (
    <input
      {...shared}
      type="text"
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        }
      }}
    />
  );
}
