/**
 * A text field's draft: what the user types, kept apart from the node's value until committed
 * (blur, Enter), and replaced by the node's value when that changes from outside (undo, a rename,
 * the file reloaded). Adjusted during render rather than by remounting the input, so the focus
 * and the caret stay where they are when the field's own commit comes back as the new value.
 */
import { useState } from 'react';

/** The draft of `value`, and its setter. */
export function useDraft(value: string): [string, (text: string) => void] {
  const [base, setBase] = useState(value);
  const [draft, setDraft] = useState(value);
  if (value !== base) {
    setBase(value);
    setDraft(value);
  }
  return [draft, setDraft];
}

/** Calls `commit` on Enter (not Shift+Enter, which a text area keeps for a new line). */
export function commitOnEnter(
  event: { key: string; shiftKey: boolean; preventDefault(): void },
  commit: () => void,
): void {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    commit();
  }
}
