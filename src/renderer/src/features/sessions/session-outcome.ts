/**
 * A session's outcome in words, shared by the list and the detail.
 */
import type { SessionStatus } from '../../../../shared/call-events.ts';
import type { SessionSummary } from '../../../../shared/session-types.ts';
import { describeEnd } from '../../lib/describe-end.ts';

/** The outcomes the filter offers, with their labels. */
export const OUTCOME_LABELS: Record<SessionStatus, string> = {
  hangup: 'Hung up',
  transfer: 'Transferred',
  error: 'Error',
  interrupted: 'Interrupted',
  running: 'Running',
};

/** `Transferred to support-queue`, `Hung up by the caller`, … (the phone display's words). */
export function describeOutcome(session: SessionSummary): string {
  const { status, endedBy, transferTarget } = session;
  if ((status === 'transfer' || status === 'hangup') && endedBy !== null) {
    return describeEnd({ outcome: status, endedBy, transferTarget, error: null, durationMs: 0 });
  }
  return OUTCOME_LABELS[status];
}
