/**
 * One call event as one compact timeline line: a kind (for the colour and the filter) and a text.
 */
import type { CallEvent } from '../../../../shared/call-events.ts';
import { formatDuration } from '../../lib/format-time.ts';
import { valuePreview } from '../../lib/value-preview.ts';
import { shortUrl, statusText } from '../inspector/exchange-summary.ts';

/** The kinds of line, each with its colour. */
export type LineKind =
  | 'call'
  | 'node'
  | 'prompt'
  | 'input'
  | 'key'
  | 'variables'
  | 'webhook'
  | 'branch'
  | 'data'
  | 'warning'
  | 'transfer'
  | 'hangup';

/** What the timeline shows for one call event: a label and a text, coloured by kind. */
export interface TimelineLine {
  kind: LineKind;
  label: string;
  text: string;
  /** True for lines that are bookkeeping rather than something the caller hears or does. */
  quiet: boolean;
  /** Failures and warnings stand out. */
  alert: boolean;
}

const LIST_LIMIT = 4;

function line(kind: LineKind, label: string, text: string, quiet = false, alert = false) {
  return { kind, label, text, quiet, alert };
}

/** The label and one-line text the timeline shows for a call event; long lists are cut short. */
export function describeEvent(event: CallEvent): TimelineLine {
  switch (event.type) {
    case 'call_started':
      return line('call', 'Call', `${event.flowName} · ${event.source} → ${event.destination}`);
    case 'node_entered':
      return line('node', 'Node', `${event.node} (${event.nodeType})`, true);
    case 'prompt_started':
      return event.audio === undefined
        ? line('prompt', 'Prompt', `“${event.text}”`)
        : line('prompt', 'Recording', `“${event.text}” (${event.audio})`);
    case 'prompt_ended':
      return event.interrupted
        ? line('prompt', 'Cut short', `prompt of ${event.node} interrupted`, true)
        : line('prompt', 'Spoken', `prompt of ${event.node} finished`, true);
    case 'awaiting_input':
      return line(
        'input',
        'Waiting',
        `${event.mode === 'menu' ? 'menu choice' : 'digits'} at ${event.node}, attempt ${event.attempt}, ${formatDuration(event.timeoutMs)} timeout`,
        true,
      );
    case 'key':
      return line('key', 'Key', `${event.key}${event.buffered ? ' (typed ahead)' : ''}`);
    case 'input_received':
      return line(
        'input',
        'Input',
        event.variable
          ? `${event.variable} = "${event.value}"`
          : `"${event.value}" at ${event.node}`,
      );
    case 'input_failed':
      return line(
        'input',
        'Input failed',
        `${event.reason.replace('_', ' ')} at ${event.node}${event.value ? ` ("${event.value}")` : ''}, attempt ${event.attempt}${event.willRetry ? ', retrying' : ', giving up'}`,
        false,
        true,
      );
    case 'variables_changed': {
      const shown = event.changes
        .slice(0, LIST_LIMIT)
        .map((c) => `${c.name} = ${valuePreview(c.to)}`)
        .join(', ');
      const more = event.changes.length - LIST_LIMIT;
      return line(
        'variables',
        'Variables',
        `${shown}${more > 0 ? ` and ${more} more` : ''} (${event.source})`,
      );
    }
    case 'webhook': {
      const { exchange } = event;
      return line(
        'webhook',
        'Webhook',
        `${exchange.request.method} ${shortUrl(exchange.request.url)} → ${statusText(exchange)} · ${formatDuration(exchange.timings.totalMs)}${exchange.ok ? '' : ` · ${exchange.error ?? 'error'}`}${exchange.onHangup ? ' · on hang-up' : ''}`,
        false,
        !exchange.ok,
      );
    }
    case 'webhook_registered':
      return line('webhook', 'Registered', `${event.node} will be sent on hang-up`, true);
    case 'branch':
      return line(
        'branch',
        'Branch',
        `${event.node} → ${event.next} (${event.caseIndex === null ? 'default' : `case ${event.caseIndex + 1}`})`,
      );
    case 'data_query':
      return line(
        'data',
        'Data',
        `${event.dataset}: ${event.found ? `row ${(event.rowIndex ?? 0) + 1} found` : 'no match'}`,
      );
    case 'warning':
      return line('warning', 'Warning', `${event.code}: ${event.message}`, false, true);
    case 'transfer':
      return line('transfer', 'Transfer', `to ${event.target}`);
    case 'hangup':
      return line(
        'hangup',
        'Hang-up',
        `by the ${event.by}${event.node ? ` at ${event.node}` : ''}`,
      );
    case 'call_ended':
      return line(
        'call',
        'Ended',
        `${event.outcome}${event.transferTarget ? ` to ${event.transferTarget}` : ''}, by the ${event.endedBy} · ${formatDuration(event.durationMs)}${event.error ? ` · ${event.error.code}: ${event.error.message}` : ''}`,
        false,
        event.outcome === 'error',
      );
  }
}
