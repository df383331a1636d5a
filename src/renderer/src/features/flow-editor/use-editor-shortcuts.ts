/**
 * The editor's keys, anywhere on the page while it is open: Ctrl+S (Cmd+S) saves, Ctrl+Z undoes,
 * Ctrl+Shift+Z and Ctrl+Y redo, Escape cancels placing a node. In a text field Ctrl+Z stays the
 * field's own undo of what is being typed.
 */
import { useEffect } from 'react';
import type { FlowEditorStore } from './flow-editor-store.ts';

/** True for a target that takes typed text (its own Ctrl+Z; a pending edit commits on blur). */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Saves what is on screen: a field being typed in commits when it loses the focus, so it is
 * blurred first and its edit reaches the store before the store writes.
 */
export async function saveFromScreen(store: FlowEditorStore): Promise<void> {
  const active = document.activeElement;
  if (active instanceof HTMLElement && isTextField(active)) active.blur();
  await store.save();
}

/** Listens for the editor's keys while mounted. */
export function useEditorShortcuts(store: FlowEditorStore, onEscape: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onEscape();
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        void saveFromScreen(store);
      } else if ((key === 'z' || key === 'y') && !isTextField(event.target)) {
        event.preventDefault();
        if (key === 'y' || event.shiftKey) store.redo();
        else store.undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, onEscape]);
}
