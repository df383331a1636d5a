/**
 * What a comparison looks at in one call, read from its event stream, with the position (event
 * `seq`) of each item so differences can be put in call order. The original session and the
 * re-run are read by the same code, so both sides are measured alike.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { VarMap } from '../../shared/variables.ts';
import type { RunRecord } from '../../shared/rerun/rerun-types.ts';

export type { RunRecord } from '../../shared/rerun/rerun-types.ts';

/** Reads a call's events (in `seq` order) into a {@link RunRecord}. */
export function recordFromEvents(events: readonly CallEvent[]): RunRecord {
  const record: RunRecord = {
    outcome: null,
    endedBy: null,
    transferTarget: null,
    error: null,
    path: [],
    pathSeq: [],
    spoken: [],
    spokenSeq: [],
    webhooks: [],
    webhookSeq: [],
    startVariables: {},
    variables: {},
    variableSeq: {},
    endSeq: (events.at(-1)?.seq ?? -1) + 1,
  };
  const variables = new Map<string, VarMap[string]>();
  for (const event of events) {
    switch (event.type) {
      case 'call_started':
        record.startVariables = structuredClone(event.variables);
        for (const [name, value] of Object.entries(event.variables)) {
          variables.set(name, value);
          record.variableSeq[name] = event.seq;
        }
        break;
      case 'node_entered':
        record.path.push(event.node);
        record.pathSeq.push(event.seq);
        break;
      case 'prompt_started':
        record.spoken.push(event.text);
        record.spokenSeq.push(event.seq);
        break;
      case 'webhook':
        record.webhooks.push(event.exchange);
        record.webhookSeq.push(event.seq);
        break;
      case 'variables_changed':
        for (const change of event.changes) {
          variables.set(change.name, change.to);
          record.variableSeq[change.name] = event.seq;
        }
        break;
      case 'call_ended':
        record.outcome = event.outcome;
        record.endedBy = event.endedBy;
        record.transferTarget = event.transferTarget;
        record.error = event.error ? { node: event.error.node, code: event.error.code } : null;
        record.endSeq = event.seq;
        // The engine's own final snapshot wins over the replayed changes.
        for (const [name, value] of Object.entries(event.variables)) variables.set(name, value);
        break;
      default:
        break;
    }
  }
  record.variables = Object.fromEntries(variables);
  return record;
}
