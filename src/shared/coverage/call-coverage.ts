/**
 * What one call took of its flow: the nodes it entered and the exits it left them by (see
 * coverage-edges.ts), read from the call's events as the engine emitted them (live, logged or
 * replayed: the same events everywhere).
 */
import type { CallEvent } from '../call-events.ts';
import type { Flow, FlowNode } from '../flow/flow-schema.ts';
import { edgeId, errorFamilyOf } from './coverage-edges.ts';
import type { ExitName } from './coverage-edges.ts';

/** The nodes entered and the exits taken by one call, each with how many times. */
export interface CallCoverage {
  nodes: Map<string, number>;
  /** By edge id (`<node> <exit>`). */
  edges: Map<string, number>;
}

/** An empty tally to add calls to. */
export function emptyCoverage(): CallCoverage {
  return { nodes: new Map(), edges: new Map() };
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Nodes whose only exit is `next`, taken when the next node is entered. */
function leavesByNext(node: FlowNode | undefined): boolean {
  return node?.type === 'play' || node?.type === 'setVariable' || node?.type === 'readBack';
}

/**
 * Adds what the call whose `events` these are took of `flow` to `into` (a new tally when absent),
 * and returns it. Events of nodes the flow does not have (it changed since) are skipped.
 */
export function addCallCoverage(
  flow: Flow,
  events: readonly CallEvent[],
  into: CallCoverage = emptyCoverage(),
): CallCoverage {
  const nodes = flow.nodes;
  const take = (node: string, exit: ExitName): void => {
    if (Object.hasOwn(nodes, node)) bump(into.edges, edgeId(node, exit));
  };
  // A play, setVariable or readBack node left by its `next` once the following node is entered.
  let waitingForNext: string | null = null;
  for (const event of events) {
    switch (event.type) {
      case 'node_entered': {
        if (waitingForNext !== null) {
          const left: FlowNode | undefined = nodes[waitingForNext];
          if (left && 'next' in left && left.next === event.node) take(waitingForNext, 'next');
        }
        if (!Object.hasOwn(nodes, event.node)) {
          waitingForNext = null;
          break;
        }
        bump(into.nodes, event.node);
        waitingForNext = leavesByNext(nodes[event.node]) ? event.node : null;
        break;
      }
      case 'input_received': {
        const node = nodes[event.node];
        if (node?.type === 'menu') take(event.node, `key:${event.value}`);
        else if (node?.type === 'getDigits') take(event.node, 'next');
        break;
      }
      case 'input_failed': {
        const kind = event.reason === 'timeout' ? 'timeout' : 'invalid';
        take(event.node, event.willRetry ? `retry:${kind}` : `fail:${kind}`);
        break;
      }
      case 'webhook': {
        const node = nodes[event.node];
        if (node?.type !== 'http') break;
        if (event.exchange.onHangup) {
          if (node.sendOnHangup) take(event.node, 'hangup');
        } else if (event.exchange.ok) {
          take(event.node, 'next');
        } else {
          take(event.node, `error:${errorFamilyOf(event.exchange.error)}`);
        }
        break;
      }
      case 'webhook_registered':
        take(event.node, 'next');
        break;
      case 'branch':
        take(event.node, event.caseIndex === null ? 'default' : `case:${event.caseIndex}`);
        break;
      case 'data_query': {
        const node = nodes[event.node];
        if (node?.type !== 'queryData') break;
        take(event.node, event.found || node.onNotFound === undefined ? 'next' : 'notFound');
        break;
      }
      default:
        break;
    }
  }
  return into;
}
