/**
 * One line per call event for people: the timeline `run` prints as the call goes and
 * `sessions show` prints afterwards.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import { formatValue } from '../../shared/variables.ts';

function clip(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

function time(t: number): string {
  return `${(t / 1000).toFixed(1)}s`.padStart(8);
}

/** The detail of an event, without its time; null for events not worth a line. */
export function describeEvent(event: CallEvent): string | null {
  switch (event.type) {
    case 'call_started':
      return `call   ${event.flowName} (${event.flowId}), ${event.source} -> ${event.destination}`;
    case 'node_entered':
      return `node   ${event.node} (${event.nodeType})`;
    case 'prompt_started':
      return event.audio === undefined
        ? `  say  "${clip(event.text)}"`
        : `  play ${event.audio} "${clip(event.text)}"`;
    case 'prompt_ended':
      return event.interrupted ? '  say  (cut short)' : null;
    case 'awaiting_input':
      return `  wait ${event.mode === 'menu' ? 'one key' : 'digits'}, attempt ${event.attempt}, ${event.timeoutMs} ms`;
    case 'key':
      return `  key  ${event.key}${event.buffered ? ' (typed ahead)' : ''}`;
    case 'input_received':
      return `  got  ${event.value}${event.variable ? ` -> ${event.variable}` : ''}`;
    case 'input_failed':
      return `  fail ${event.reason.replace('_', ' ')}${event.value ? ` (${event.value})` : ''}${event.willRetry ? ', retrying' : ', no attempts left'}`;
    case 'variables_changed':
      return `  set  ${event.changes.map((c) => `${c.name}=${clip(formatValue(c.to), 40)}`).join(', ')}`;
    case 'webhook': {
      const x = event.exchange;
      const status = x.response
        ? `${x.response.status} ${x.response.statusText}`.trim()
        : 'no response';
      const verdict = x.ok
        ? 'ok'
        : `${x.error}: ${x.violations.map((v) => (v.key ? `${v.key} ${v.detail}` : v.detail)).join('; ')}`;
      const when = x.onHangup ? ' (sent on hang-up)' : '';
      return `  http ${x.request.method} ${x.request.url}${when} -> ${status}, ${x.timings.totalMs.toFixed(1)} ms, ${clip(verdict, 160)}`;
    }
    case 'webhook_registered':
      return '  http registered, sent when the call ends';
    case 'branch':
      return `  if   ${event.caseIndex === null ? 'no case held, default' : `case ${event.caseIndex}`} -> ${event.next}`;
    case 'data_query':
      return `  data ${event.dataset}: ${event.found ? `row ${event.rowIndex}` : 'no match'}`;
    case 'warning':
      return `  warn ${event.message}`;
    case 'transfer':
      return `  xfer ${event.target}`;
    case 'hangup':
      return `hangup by ${event.by}`;
    case 'call_ended':
      return `ended  ${event.outcome}${event.transferTarget ? ` to ${event.transferTarget}` : ''}, by ${event.endedBy}${event.error ? `: ${event.error.code}: ${event.error.message}` : ''}`;
  }
}

/** The event as a timeline line with its time, or null. */
export function formatEvent(event: CallEvent): string | null {
  const detail = describeEvent(event);
  return detail === null ? null : `${time(event.t)}  ${detail}`;
}
