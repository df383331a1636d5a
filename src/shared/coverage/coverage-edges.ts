/**
 * The exits of a flow that coverage counts (../shared/spec/CLI.md, `test --coverage`): every way
 * out of every node, counted apart. A menu has one exit per key, and an input node four failure
 * exits (a retry after no input or after invalid input, and the last failure of each kind, which
 * goes to `onFail`); a webhook has its success and one exit per error family; a branch one per
 * case and its `default`; a `sendOnHangup` request its registration and its firing at the end.
 * Pure data, shared by the CLI, the console's Test screen and the painted flow view.
 */
import type { Flow, FlowNode } from '../flow/flow-schema.ts';
import type { ViolationCode } from '../webhook-types.ts';

/** Why an input attempt failed, as coverage tells them apart. */
export type InputFailureKind = 'timeout' | 'invalid';

/**
 * The families of webhook errors an `onError` exit is counted by: no connection (`network`), no
 * complete reply in time (`timeout`), a status other than 200 (`status`), a reply that breaks a
 * rule of ../shared/spec/WEBHOOK.md (`reply`).
 */
export const ERROR_FAMILIES = ['network', 'timeout', 'status', 'reply'] as const;

/** One of {@link ERROR_FAMILIES}. */
export type ErrorFamily = (typeof ERROR_FAMILIES)[number];

/** The error family of a webhook error code. */
export function errorFamilyOf(code: ViolationCode | null | undefined): ErrorFamily {
  switch (code) {
    case 'connect_timeout':
    case 'network_error':
    case 'tls_error':
    case null:
    case undefined:
      return 'network';
    case 'response_timeout':
      return 'timeout';
    case 'http_status':
      return 'status';
    default:
      return 'reply';
  }
}

/**
 * An exit's kind, as it appears in edge ids: `next`, `key:<k>`, `retry:<failure>`,
 * `fail:<failure>`, `error:<family>`, `case:<index>` (0-based), `default`, `notFound`, `hangup`
 * (a `sendOnHangup` request fired at the end of the call).
 */
export type ExitName =
  | 'next'
  | `key:${string}`
  | `retry:${InputFailureKind}`
  | `fail:${InputFailureKind}`
  | `error:${ErrorFamily}`
  | `case:${number}`
  | 'default'
  | 'notFound'
  | 'hangup';

/** One exit of one node. */
export interface CoverageEdge {
  /** `<node> <exit>`: unique within the flow (node ids hold no space). */
  id: string;
  from: string;
  exit: ExitName;
  /** The node it leads to; null when the call ends there (hangs up, or ends in error). */
  to: string | null;
  /** For people: `key 1 → read_balance`, `no input, retried`, `webhook error (network) → technical`. */
  label: string;
  /**
   * The field of the node the flow view draws this exit as (`['options', '1']`), or null when it
   * is drawn by no edge (a retry stays on its node; an ending has no target).
   */
  field: (string | number)[] | null;
}

/** The id of `exit` of node `from`. */
export function edgeId(from: string, exit: ExitName): string {
  return `${from} ${exit}`;
}

const FAILURE_WORDS: Record<InputFailureKind, string> = {
  timeout: 'no input',
  invalid: 'invalid input',
};

/** Keys a caller can press at a menu (`MENU_KEY_PATTERN`): 0-9, `*` and `#`. */
const MENU_KEYS = 12;

/**
 * Adds the retry and last-failure exits an input node has. `invalidPossible` is false where no
 * input can be invalid (a getDigits that takes any single key, a menu that takes every key): an
 * exit no caller can take is not counted, so 100 % stays attainable.
 */
function inputFailures(
  add: (exit: ExitName, to: string | null, label: string, field: CoverageEdge['field']) => void,
  node: { retries: number; onFail?: string | undefined },
  invalidPossible: boolean,
): void {
  const kinds: InputFailureKind[] = invalidPossible ? ['timeout', 'invalid'] : ['timeout'];
  for (const kind of kinds) {
    if (node.retries > 0) add(`retry:${kind}`, null, `${FAILURE_WORDS[kind]}, retried`, null);
  }
  for (const kind of kinds) {
    const to = node.onFail ?? null;
    const where = to === null ? 'hang up' : to;
    add(
      `fail:${kind}`,
      to,
      `${FAILURE_WORDS[kind]}, last attempt → ${where}`,
      to ? ['onFail'] : null,
    );
  }
}

/** The exits of one node, in the order a reader of the node sees its fields. */
export function nodeExits(id: string, node: FlowNode): CoverageEdge[] {
  const edges: CoverageEdge[] = [];
  const add = (
    exit: ExitName,
    to: string | null,
    label: string,
    field: CoverageEdge['field'],
  ): void => {
    edges.push({ id: edgeId(id, exit), from: id, exit, to, label, field });
  };
  switch (node.type) {
    case 'play':
    case 'setVariable':
    case 'readBack':
      add('next', node.next, `next → ${node.next}`, ['next']);
      break;
    case 'getDigits':
      add('next', node.next, `digits entered → ${node.next}`, ['next']);
      // Every key but the terminator counts as a digit, and the terminator alone is a timeout
      // (engine/nodes/input-nodes.ts): with minDigits 1 no input is ever too short.
      inputFailures(add, node, node.minDigits > 1);
      break;
    case 'menu':
      for (const [key, to] of Object.entries(node.options)) {
        add(`key:${key}`, to, `key ${key} → ${to}`, ['options', key]);
      }
      inputFailures(add, node, Object.keys(node.options).length < MENU_KEYS);
      break;
    case 'http':
      if (node.sendOnHangup) {
        add('next', node.next, `registered → ${node.next}`, ['next']);
        add('hangup', null, 'sent when the call ended', null);
        break;
      }
      add('next', node.next, `reply ok → ${node.next}`, ['next']);
      for (const family of ERROR_FAMILIES) {
        const to = node.onError ?? null;
        const where = to === null ? 'call ends in error' : to;
        add(`error:${family}`, to, `webhook error (${family}) → ${where}`, to ? ['onError'] : null);
      }
      break;
    case 'queryData':
      add('next', node.next, `row found → ${node.next}`, ['next']);
      if (node.onNotFound !== undefined) {
        add('notFound', node.onNotFound, `no row → ${node.onNotFound}`, ['onNotFound']);
      }
      break;
    case 'branch':
      node.cases.forEach((c, index) => {
        add(`case:${index}`, c.next, `case ${index + 1} → ${c.next}`, ['cases', index, 'next']);
      });
      add('default', node.default, `default → ${node.default}`, ['default']);
      break;
    case 'transfer':
    case 'hangup':
      break;
  }
  return edges;
}

/**
 * Node ids reachable from the start by the flow's edges (an exit to a missing node leads
 * nowhere). Iterative, so a long chain cannot overflow the stack.
 */
export function reachableNodes(flow: Flow): Set<string> {
  const seen = new Set<string>();
  const stack = Object.hasOwn(flow.nodes, flow.start) ? [flow.start] : [];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const edge of nodeExits(id, flow.nodes[id] as FlowNode)) {
      if (edge.to !== null && Object.hasOwn(flow.nodes, edge.to) && !seen.has(edge.to)) {
        stack.push(edge.to);
      }
    }
  }
  return seen;
}

/**
 * Every exit of every node reachable from the start: what coverage is measured against. Nodes
 * no call can reach are left out (validation warns about them), so 100 % is attainable.
 */
export function coverageEdges(flow: Flow): CoverageEdge[] {
  const reachable = reachableNodes(flow);
  const edges: CoverageEdge[] = [];
  for (const [id, node] of Object.entries(flow.nodes)) {
    if (reachable.has(id)) edges.push(...nodeExits(id, node));
  }
  return edges;
}
