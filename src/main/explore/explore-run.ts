/**
 * One exploring call: a generated caller's script placed as `ivr-console test` places a case
 * (calls/scripted-call.ts: real engine and webhook client, virtual clock), with what exploring
 * needs of it: the exits it took, where it waited when the script ran out, and the state it was in
 * there (so two scripts that lead to the same state are explored once).
 */
import type { CallEvent } from '../../shared/call-events.ts';
import { addCallCoverage } from '../../shared/coverage/call-coverage.ts';
import type { Flow } from '../../shared/flow/flow-schema.ts';
import { isPerCallVariable } from '../../shared/variables.ts';
import type { VarMap } from '../../shared/variables.ts';
import type { CallEnvironment } from '../calls/call-environment.ts';
import { readDtmfScript } from '../calls/dtmf-script.ts';
import type { RunJson } from '../calls/run-json.ts';
import { toRunJson } from '../calls/run-json.ts';
import { placeScriptedCall } from '../calls/scripted-call.ts';
import type { RecordingLengths } from '../engine/call-engine.ts';

/** A generated caller: where it calls from (null: the default caller) and its keys. */
export interface ExploreCaller {
  source: string | null;
  /** DTMF script (calls/dtmf-script.ts). */
  dtmf: string;
  /** Input attempts answered by the script (the search depth). */
  depth: number;
}

/** Where the caller hung up because its script ran out: an input node's fresh attempt. */
export interface ExploreWait {
  node: string;
  attempt: number;
  /** The call's state there: the node, attempt, variables and registered hang-up requests. */
  state: string;
}

/** What one exploring call did. */
export interface ExploreRun {
  caller: ExploreCaller;
  /** Edge ids the call took, in the order first taken. */
  edges: string[];
  /** Node ids the call entered. */
  nodes: string[];
  run: RunJson;
  events: CallEvent[];
  /** Null when the call ended by itself, or the script ran out in the middle of an entry. */
  wait: ExploreWait | null;
}

/** The flow and the environment every exploring call shares. */
export interface ExploreTarget {
  flow: Flow;
  flowPath: string;
  recordings?: RecordingLengths;
  environment: CallEnvironment;
  /** `--var` values, over the environment's. */
  variables: VarMap;
}

/** The caller's hang-up at a fresh wait, or null (ended by the flow, or mid-entry). */
function waitOf(events: readonly CallEvent[]): ExploreWait | null {
  const last = events.findLast((e) => e.type === 'hangup');
  if (last?.type !== 'hangup' || last.by !== 'caller' || last.node === null) return null;
  const awaiting = events.findLast((e) => e.type === 'awaiting_input');
  const lastKey = events.findLast((e) => e.type === 'key');
  if (awaiting?.type !== 'awaiting_input' || awaiting.node !== last.node) return null;
  // A key after the attempt began: the script ran out inside an entry, not at a new attempt.
  if (lastKey !== undefined && lastKey.seq > awaiting.seq) return null;
  const ended = events.findLast((e) => e.type === 'call_ended');
  const variables = ended?.type === 'call_ended' ? ended.variables : {};
  const kept = Object.entries(variables)
    .filter(([name]) => !isPerCallVariable(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const registered = events.flatMap((e) => (e.type === 'webhook_registered' ? [e.node] : []));
  const state = JSON.stringify([last.node, awaiting.attempt, kept, registered]);
  return { node: last.node, attempt: awaiting.attempt, state };
}

/** Places the call of `caller` and gathers what exploring needs of it. */
export async function exploreRun(
  target: ExploreTarget,
  caller: ExploreCaller,
): Promise<ExploreRun> {
  const read = readDtmfScript(caller.dtmf);
  if ('problem' in read)
    throw new Error(`explore: generated script ${caller.dtmf}: ${read.problem}`);
  const events: CallEvent[] = [];
  const env = target.environment;
  const running = placeScriptedCall({
    flow: target.flow,
    flowPath: target.flowPath,
    ...(target.recordings ? { recordings: target.recordings } : {}),
    steps: read.steps,
    ...(caller.source === null ? {} : { source: caller.source }),
    variables: { ...env.variables, ...target.variables },
    secrets: env.secrets,
    network: env.network,
    limits: env.limits,
    store: null,
    onEvent: (event) => events.push(event),
  });
  const run = toRunJson(await running.done, null);
  const coverage = addCallCoverage(target.flow, events);
  return {
    caller,
    edges: [...coverage.edges.keys()],
    nodes: [...coverage.nodes.keys()],
    run,
    events,
    wait: waitOf(events),
  };
}
