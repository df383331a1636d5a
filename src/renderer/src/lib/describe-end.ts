/**
 * How a call ended, in words a tester reads at a glance on the phone's display.
 */
import type { CallEnd } from '../state/call-view.ts';

/** `Hung up by the caller`, `Transferred to gold-advisors`, `Error: …`. */
export function describeEnd(end: CallEnd): string {
  switch (end.outcome) {
    case 'transfer':
      return `Transferred to ${end.transferTarget ?? 'an agent'}`;
    case 'error':
      return `Error: ${end.error ? `${end.error.code}: ${end.error.message}` : 'the call failed'}`;
    case 'hangup':
      return end.endedBy === 'caller' ? 'Hung up by the caller' : 'Hung up by the flow';
  }
}
