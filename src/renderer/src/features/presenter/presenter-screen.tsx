/**
 * Presenter mode (surface 7): for demos to stakeholders on a shared screen. The phone in large
 * type with a big keypad, the flow drawn beside it following the call, the prompt being spoken as
 * a large caption, PIN digits and secret values masked, and autopilot to play a test case or a
 * logged session hands-free.
 */
import type { ReactElement, ReactNode } from 'react';
import type { TestCaseEntry } from '../../../../shared/contract.ts';
import type { SessionDetail } from '../../../../shared/session-types.ts';
import { FlowPanel } from '../../layout/flow-panel.tsx';
import { maskedDigits } from '../../lib/secret-mask.ts';
import type { CallView } from '../../state/call-view.ts';
import type { FlowDocumentState } from '../../state/use-flow-document.ts';
import { AutopilotPanel } from './autopilot-panel.tsx';
import './presenter.css';

/** Props of {@link PresenterScreen}. */
export interface PresenterScreenProps {
  view: CallView;
  flowPath: string | null;
  /** That flow file, opened: drawn, and read to know which digits are a PIN. */
  flow: FlowDocumentState;
  /** The phone (live or replaying), given the digits to show. */
  phone(digits: string): ReactNode;
  autopilotBusy: boolean;
  onPlaySession(session: SessionDetail, speed: number): void;
  onPlayCase(testCase: TestCaseEntry, flowPath: string, keyMs: number): void;
  onStop(): void;
  onExit(): void;
}

/** Shows the phone, the flow and the spoken prompt large for an audience, with autopilot on top. */
export function PresenterScreen({
  view,
  flowPath,
  flow,
  phone,
  autopilotBusy,
  onPlaySession,
  onPlayCase,
  onStop,
  onExit,
}: PresenterScreenProps): ReactElement {
  const { document } = flow;
  const digits = maskedDigits(view.events, document?.flow ?? null);
  const caption = view.caption;
  return (
    <div className="app app--presenter" data-testid="presenter">
      <header className="presenter-bar">
        <h1 className="presenter-bar__title">
          {view.flowName ?? document?.flow?.name ?? 'IVR Test Console'}
        </h1>
        <AutopilotPanel
          busy={autopilotBusy}
          onPlaySession={onPlaySession}
          onPlayCase={onPlayCase}
          onStop={onStop}
        />
        <button type="button" className="button" onClick={onExit} data-testid="presenter-exit">
          Exit presenter mode
        </button>
      </header>
      <main className="presenter">
        <div className="presenter__phone">{phone(digits)}</div>
        <section className="panel presenter__flow" aria-label="Flow">
          <FlowPanel flowPath={flowPath} flow={flow} view={view} />
        </section>
        <p
          className={`presenter__caption${caption?.status === 'speaking' ? ' is-speaking' : ''}`}
          aria-live="polite"
          data-testid="presenter-caption"
        >
          {caption ? caption.text : '\u00a0'}
        </p>
      </main>
    </div>
  );
}
