/**
 * Whether the flow editor is open beside the phone, its store, and the phone's session as the
 * editor changes it: a call placed while the editor is open runs the flow as edited, so the edits
 * are saved first (the user is asked once).
 */
import { useState } from 'react';
import type { CallSession } from '../../state/use-call-session.ts';
import type { FlowEditorStore } from './flow-editor-store.ts';
import { useEditorStore, useUnsavedEdits } from './flow-editor-store.ts';

/** What the app needs to show the editor. */
export interface FlowEditorMode {
  /** The editor's store when the editor is open, else null. */
  open: FlowEditorStore | null;
  /** The editor holds unsaved edits of the flow shown (marked in the Flow tab). */
  unsaved: boolean;
  /** The session for the phone. */
  session: CallSession;
  /** Opens the editor. */
  edit(): void;
  /** Closes it; the call details come back on the Flow tab. */
  close(): void;
  /** The editor was closed once: the call details open on the Flow tab. */
  backToFlow: boolean;
}

/** The editor's mode for the flow at `flowPath`; never open during a replay or presenter mode. */
export function useFlowEditorMode(
  flowPath: string | null,
  session: CallSession,
  blocked: boolean,
): FlowEditorMode {
  const [editing, setEditing] = useState(false);
  const [backToFlow, setBackToFlow] = useState(false);
  const active = editing && !blocked && flowPath !== null;
  const store = useEditorStore(blocked ? null : flowPath, active);
  const unsaved = useUnsavedEdits(store);
  const open = active ? store : null;
  return {
    open,
    unsaved,
    session: open
      ? {
          ...session,
          start: async (input) => {
            if (await open.beforeCall()) await session.start(input);
          },
        }
      : session,
    edit: () => setEditing(true),
    close: () => {
      setEditing(false);
      setBackToFlow(true);
    },
    backToFlow,
  };
}
