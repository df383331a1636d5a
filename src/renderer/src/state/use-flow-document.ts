/**
 * The flow file behind the phone, opened through the contract and opened again whenever main
 * reports that it changed on disk, so the flow view shows what the designer just saved.
 */
import { useEffect, useState } from 'react';
import type { FlowDocument } from '../../../shared/contract.ts';
import { call, getApi } from '../api/ivr-api.ts';

/** The document, or why it could not be opened. */
export interface FlowDocumentState {
  document: FlowDocument | null;
  error: string | null;
  /** Times the file was reloaded after a change on disk (0 until the first change). */
  reloads: number;
}

const EMPTY: FlowDocumentState = { document: null, error: null, reloads: 0 };

/** Opens `path` (null: nothing) and keeps it current. */
export function useFlowDocument(path: string | null): FlowDocumentState {
  // Kept with the path it belongs to: another path shows nothing until its own answer arrives.
  const [state, setState] = useState<FlowDocumentState & { path: string | null }>({
    ...EMPTY,
    path: null,
  });

  useEffect(() => {
    if (!path) return undefined;
    let alive = true;
    let reloads = 0;
    const open = (): void => {
      call('flows.open', { path }).then(
        (document) => alive && setState({ path, document, error: null, reloads }),
        (error: Error) =>
          alive && setState({ path, document: null, error: error.message, reloads }),
      );
    };
    open();
    const unsubscribe = getApi()?.subscribe((event) => {
      if (event.kind === 'flow_changed' && event.path === path) {
        reloads += 1;
        open();
      }
    });
    return () => {
      alive = false;
      unsubscribe?.();
    };
  }, [path]);

  return path !== null && state.path === path ? state : EMPTY;
}
