/**
 * The right-hand side: variables, webhook inspector and timeline. On a wide window the variables
 * get a column of their own, so they stay in sight next to the timeline; on a narrow one all three
 * are tabs.
 */
import { useState } from 'react';
import type { ReactElement } from 'react';
import type { Scalar } from '../../../shared/variables.ts';
import { InspectorPanel } from '../features/inspector/inspector-panel.tsx';
import { TimelinePanel } from '../features/timeline/timeline-panel.tsx';
import type { TimelineReplay } from '../features/timeline/timeline-panel.tsx';
import { VariablesPanel } from '../features/variables/variables-panel.tsx';
import type { CallView } from '../state/call-view.ts';
import type { TabSpec } from '../ui/tabs.tsx';
import { tabPanelProps, Tabs } from '../ui/tabs.tsx';
import { useMediaQuery } from '../ui/use-media-query.ts';
import type { FlowDocumentState } from '../state/use-flow-document.ts';
import { FlowPanel } from './flow-panel.tsx';
import type { FlowPanelRequest } from './flow-panel.tsx';

/** The tabs of the call details. */
export type TabId = 'variables' | 'webhooks' | 'timeline' | 'flow';

/** The width from which the variables get their own column. */
export const WIDE_QUERY = '(min-width: 1200px)';

/** Props of {@link Workspace}. */
export interface WorkspaceProps {
  view: CallView;
  /** Null during a replay: the log cannot be edited. */
  setVariable: ((name: string, value: Scalar) => Promise<void>) | null;
  /** The flow file the phone shows (drawn in the Flow tab). */
  flowPath: string | null;
  /** That flow file, opened. */
  flow: FlowDocumentState;
  /** Set during a replay: the timeline lists the whole session and jumps. */
  replay?: TimelineReplay | null;
  /** Sending one http node's request from the flow view; absent: its nodes do nothing. */
  request?: FlowPanelRequest;
  /** Opens the flow editor (the Flow tab's Edit flow); absent: no editing now. */
  onEditFlow?: () => void;
  /** The editor holds unsaved changes to the flow shown. */
  unsavedEdits?: boolean;
  /** The tab shown first (the Flow tab on coming back from the editor). */
  initialTab?: TabId;
}

/** Variables, Webhooks, Timeline and Flow as tabs; a wide window gives Variables its own column. */
export function Workspace({
  view,
  setVariable,
  flowPath,
  flow,
  replay,
  request,
  onEditFlow,
  unsavedEdits,
  initialTab,
}: WorkspaceProps): ReactElement {
  const wide = useMediaQuery(WIDE_QUERY);
  const [picked, setPicked] = useState<TabId | null>(initialTab ?? null);
  // The exchange the user picked, remembered with its call: a new call follows its newest again.
  const [exchange, setExchange] = useState<{ callId: string | null; seq: number } | null>(null);

  let tab: TabId = picked ?? (wide ? 'timeline' : 'variables');
  if (wide && tab === 'variables') tab = 'timeline';
  const selectedSeq = exchange && exchange.callId === view.callId ? exchange.seq : null;
  const failed = view.exchanges.filter((e) => !e.exchange.ok).length;

  const tabs: TabSpec<TabId>[] = [
    ...(wide ? [] : [{ id: 'variables' as const, label: 'Variables' }]),
    { id: 'webhooks', label: 'Webhooks', count: view.exchanges.length, alert: failed > 0 },
    {
      id: 'timeline',
      label: 'Timeline',
      count: replay ? replay.events.length : view.events.length,
    },
    { id: 'flow', label: 'Flow' },
  ];
  const openExchange = (seq: number) => {
    setExchange({ callId: view.callId, seq });
    setPicked('webhooks');
  };
  const variables = <VariablesPanel view={view} setVariable={setVariable} />;

  return (
    <>
      {wide && (
        <section className="panel panel--variables" aria-labelledby="variables-title">
          <h2 className="panel__title" id="variables-title">
            Variables
          </h2>
          <div className="panel__body">{variables}</div>
        </section>
      )}
      <section className="panel panel--tabs" aria-label="Call details">
        <Tabs<TabId> label="Call details" tabs={tabs} selected={tab} onSelect={setPicked} />
        {!wide && (
          <div className="panel__body" {...tabPanelProps('variables', tab)}>
            {variables}
          </div>
        )}
        <div className="panel__body panel__body--fill" {...tabPanelProps('webhooks', tab)}>
          <InspectorPanel
            view={view}
            selected={selectedSeq}
            onSelect={(seq) => setExchange({ callId: view.callId, seq })}
          />
        </div>
        <div className="panel__body panel__body--fill" {...tabPanelProps('timeline', tab)}>
          <TimelinePanel view={view} onOpenExchange={openExchange} replay={replay ?? null} />
        </div>
        <div className="panel__body panel__body--fill" {...tabPanelProps('flow', tab)}>
          {tab === 'flow' && (
            <FlowPanel
              flowPath={flowPath}
              flow={flow}
              view={view}
              request={request}
              onEdit={onEditFlow}
              unsavedEdits={unsavedEdits}
            />
          )}
        </div>
      </section>
    </>
  );
}
