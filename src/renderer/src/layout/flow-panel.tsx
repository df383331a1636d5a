/**
 * The flow view for whatever the phone shows: the flow file picked for a live call, or the
 * replayed session's flow file. Reloaded when the file changes on disk. Between calls an `http`
 * node can be clicked to send its request on its own (the Send request panel under the graph).
 * Generate tests explores the flow with the phone's environment and proposes test cases.
 */
import { Suspense, useState } from 'react';
import type { ReactElement } from 'react';
import type { Environment } from '../../../shared/contract.ts';
import { SendRequestPanel } from '../features/flow-view/send-request-panel.tsx';
import type { CallView } from '../state/call-view.ts';
import type { FlowDocumentState } from '../state/use-flow-document.ts';
import { FlowView, GenerateTestsDialog } from '../lazy-screens.ts';
import { FlowFileStatus } from '../ui/flow-file-status.tsx';
import { ScreenLoading } from '../ui/screen-loading.tsx';
import './flow-panel.css';

const NO_PATH: string[] = [];

/** What sending a node's request needs from the console. */
export interface FlowPanelRequest {
  /** The environment picked on the phone: the request goes out with it. */
  environment: Environment | null;
  /** False during a call or a replay: the view follows the call then. */
  enabled: boolean;
  onOpenEnvironments(): void;
}

/** Props of {@link FlowPanel}. */
export interface FlowPanelProps {
  flowPath: string | null;
  /** The flow file opened (and kept current) by the console: see useFlowDocument. */
  flow: FlowDocumentState;
  view: CallView;
  /** Absent (presenter mode): nodes cannot be clicked. */
  request?: FlowPanelRequest;
  /** Opens the flow editor on this flow; absent: the flow cannot be edited here. */
  onEdit?: () => void;
  /** The editor holds changes to this flow that are not saved. */
  unsavedEdits?: boolean;
}

/** Draws the flow the phone shows; between calls, clicking an http node opens Send request. */
export function FlowPanel({
  flowPath,
  flow,
  view,
  request,
  onEdit,
  unsavedEdits = false,
}: FlowPanelProps): ReactElement {
  const { document, error, reloads } = flow;
  // The http node picked, with the file it belongs to: another flow starts with none.
  const [picked, setPicked] = useState<{ path: string; nodeId: string } | null>(null);
  // The flow Generate tests was asked for (open while set, for that flow only).
  const [generating, setGenerating] = useState<string | null>(null);
  if (!flowPath) {
    return (
      <div className="empty">
        <p className="empty__title">No flow picked</p>
        <p>Pick a flow on the phone, or replay a session, to see it drawn here.</p>
      </div>
    );
  }
  if (error || !document) return <FlowFileStatus error={error} />;
  // The call (or replay) shown is of another flow when its id differs (another flow picked since
  // it ended): its current node and path mean nothing here.
  const started = view.events.find((e) => e.type === 'call_started');
  const sameFlow =
    !started || started.type !== 'call_started' || started.flowId === document.flow?.id;
  const nodes = document.flow?.nodes;
  const nodeId =
    request?.enabled &&
    picked?.path === document.path &&
    nodes &&
    Object.hasOwn(nodes, picked.nodeId)
      ? picked.nodeId
      : null;
  const node = nodeId && nodes ? nodes[nodeId] : undefined;
  // Generate tests needs a flow that parses and the phone's environment (not in presenter mode).
  const generate =
    request && document.flow
      ? { environment: request.environment, flowName: document.flow.name }
      : null;
  const onNodeClick =
    request?.enabled && nodes
      ? (id: string) =>
          setPicked(nodes[id]?.type === 'http' ? { path: document.path, nodeId: id } : null)
      : undefined;
  return (
    <div
      className={`flow-panel${node?.type === 'http' ? ' flow-panel--split' : ''}`}
      data-reloads={reloads}
    >
      {(onEdit || generate) && (
        <div className="flow-panel__bar">
          {onEdit && (
            <button type="button" className="button button--small" onClick={onEdit}>
              Edit flow
            </button>
          )}
          {generate && (
            <button
              type="button"
              className="button button--small"
              disabled={!generate.environment}
              title={
                generate.environment
                  ? `Explore the flow with ${generate.environment.name} and propose test cases`
                  : 'Pick an environment on the phone first'
              }
              onClick={() => setGenerating(document.path)}
            >
              Generate tests
            </button>
          )}
          {unsavedEdits && (
            <span className="flow-panel__unsaved">unsaved changes in the editor</span>
          )}
        </div>
      )}
      {generate?.environment && generating === document.path && (
        <Suspense fallback={<ScreenLoading label="Generate tests" />}>
          <GenerateTestsDialog
            flowPath={document.path}
            flowName={generate.flowName}
            environmentId={generate.environment.id}
            environmentName={generate.environment.name}
            onClose={() => setGenerating(null)}
          />
        </Suspense>
      )}
      <Suspense fallback={<ScreenLoading label="the flow view" />}>
        <FlowView
          flow={document.flow}
          problems={document.problems}
          currentNode={sameFlow ? view.currentNode : null}
          path={sameFlow ? view.path : NO_PATH}
          readError={document.readError}
          pickedNode={nodeId}
          onNodeClick={onNodeClick}
        />
      </Suspense>
      {request && node?.type === 'http' && nodeId && document.flow && (
        <SendRequestPanel
          key={`${document.path}#${nodeId}`}
          flowPath={document.path}
          flow={document.flow}
          nodeId={nodeId}
          node={node}
          environment={request.environment}
          onOpenEnvironments={request.onOpenEnvironments}
          onClose={() => setPicked(null)}
        />
      )}
    </div>
  );
}
