/**
 * The flow view for whatever the phone shows: the flow file picked for a live call, or the
 * replayed session's flow file. Reloaded when the file changes on disk.
 */
import type { ReactElement } from 'react';
import { FlowView } from '../features/flow-view/flow-view.tsx';
import type { CallView } from '../state/call-state.ts';
import type { FlowDocumentState } from '../state/use-flow-document.ts';
import './flow-panel.css';

/** Props of {@link FlowPanel}. */
export interface FlowPanelProps {
  flowPath: string | null;
  /** The flow file opened (and kept current) by the console: see useFlowDocument. */
  flow: FlowDocumentState;
  view: CallView;
}

/** The panel. */
export function FlowPanel({ flowPath, flow, view }: FlowPanelProps): ReactElement {
  const { document, error, reloads } = flow;
  if (!flowPath) {
    return (
      <div className="empty">
        <p className="empty__title">No flow picked</p>
        <p>Pick a flow on the phone, or replay a session, to see it drawn here.</p>
      </div>
    );
  }
  if (error) {
    return (
      <div className="empty" role="alert">
        <p className="empty__title">The flow file cannot be opened</p>
        <p>{error}</p>
      </div>
    );
  }
  if (!document) return <p className="empty">Opening the flow…</p>;
  return (
    <div className="flow-panel" data-reloads={reloads}>
      <FlowView
        flow={document.flow}
        problems={document.problems}
        currentNode={view.currentNode}
        path={view.path}
        readError={document.readError}
      />
    </div>
  );
}
