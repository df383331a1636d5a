/**
 * The phone's display: call state, timer, the digits typed, the caption of what is being spoken,
 * and what the flow waits for. State and caption are live regions for screen readers.
 */
import type { ReactElement } from 'react';
import { describeEnd } from '../../lib/describe-end.ts';
import type { CallView } from '../../state/call-view.ts';
import { CallTimer } from './call-timer.tsx';

const STATE_LABEL: Record<CallView['phase'], string> = {
  idle: 'Idle',
  connecting: 'Connecting…',
  active: 'In call',
  ended: 'Ended',
};

function awaitingText(view: CallView): string | null {
  const { awaiting } = view;
  if (!awaiting) return null;
  const what = awaiting.mode === 'menu' ? 'Choose an option' : 'Enter digits';
  const attempt = awaiting.attempt > 1 ? ` · attempt ${awaiting.attempt}` : '';
  return `${what} (${awaiting.node})${attempt}`;
}

/** How many digits fit on the display; older ones scroll off to the left, as on a phone. */
const DIGITS_SHOWN = 18;

function shownDigits(digits: string): string {
  return digits.length > DIGITS_SHOWN ? `…${digits.slice(1 - DIGITS_SHOWN)}` : digits;
}

/** Props of {@link PhoneDisplay}. */
export interface PhoneDisplayProps {
  view: CallView;
  /** The digits as shown, when not as typed (presenter mode masks PIN digits). */
  digits?: string;
  /** A replay's recorded call time, instead of the live timer. */
  clockMs?: number;
}

/** Shows call state and timer, the digits typed, the spoken caption and what the flow awaits. */
export function PhoneDisplay({
  view,
  digits = view.digits,
  clockMs,
}: PhoneDisplayProps): ReactElement {
  const caption = view.caption;
  const detail =
    view.phase === 'ended' && view.end
      ? describeEnd(view.end)
      : view.phase === 'active' || view.phase === 'connecting'
        ? (view.flowName ?? ' ')
        : 'Ready to call';
  return (
    <div className={`display display--${view.phase}`} data-testid="phone-display">
      <div className="display__top">
        <div className="display__state" role="status" aria-live="polite" data-testid="call-state">
          <span className="display__dot" aria-hidden="true" />
          <span className="display__state-label">{STATE_LABEL[view.phase]}</span>
          <span className="display__detail" data-testid="call-detail">
            {detail}
          </span>
        </div>
        <CallTimer view={view} {...(clockMs === undefined ? {} : { clockMs })} />
      </div>
      <output
        className="display__digits"
        aria-label="Digits typed"
        title={digits}
        data-testid="digits"
      >
        {shownDigits(digits) || '\u00a0'}
      </output>
      <div className="display__caption" aria-live="polite" data-testid="caption">
        {caption ? (
          <>
            <span className="display__caption-text">{caption.text}</span>
            {caption.status === 'interrupted' && <span className="display__cut"> (cut short)</span>}
          </>
        ) : (
          <span className="display__placeholder">
            {view.phase === 'idle' ? 'Captions of spoken prompts appear here' : '\u00a0'}
          </span>
        )}
      </div>
      <div className="display__bottom">
        <span className="display__awaiting">{awaitingText(view) ?? '\u00a0'}</span>
        {view.sessionId && (
          <span className="display__session" title={`Session ${view.sessionId}`}>
            Session {view.sessionId.slice(0, 8)}
          </span>
        )}
      </div>
    </div>
  );
}
