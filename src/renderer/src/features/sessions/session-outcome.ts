/**
 * A session's outcome in words and as a badge class, shared by the list and the detail.
 */
import type { SessionStatus } from '../../../../shared/call-events.ts';
import type { SessionSummary } from '../../../../shared/session-types.ts';

/** The outcomes the filter offers, with their labels. */
export const OUTCOME_LABELS: Record<SessionStatus, string> = {
  hangup: 'Hung up',
  transfer: 'Transferred',
  error: 'Error',
  interrupted: 'Interrupted',
  running: 'Running',
};

/** `Transferred to support-queue`, `Hung up by the caller`, … */
export function describeOutcome(session: SessionSummary): string {
  if (session.status === 'transfer') {
    return `Transferred to ${session.transferTarget ?? 'an agent'}`;
  }
  if (session.status === 'hangup') {
    return session.endedBy === 'caller' ? 'Hung up by the caller' : 'Hung up by the flow';
  }
  return OUTCOME_LABELS[session.status];
}

/** Local date and time of a session's start, to the second (the year only when not this one). */
export function formatStart(epochMs: number, now = Date.now()): string {
  const date = new Date(epochMs);
  const thisYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleString(undefined, {
    ...(thisYear ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
