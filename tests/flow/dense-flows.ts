/**
 * Builders of hostile flows for the validator's tests and `npm run bench`: dense menus, long
 * `setVariable` cycles and deep nesting, the shapes an outside audit used to make validation take
 * minutes or overflow the stack. Plain data, no randomness unless a seed is given.
 */

const MENU_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'];

/** A flow as plain JSON data. */
export type FlowData = Record<string, unknown>;

/**
 * `menus` menus of 12 options each (to the next 12 menus, wrapping around) whose `onFail` goes to
 * a `setVariable` that defines a variable of its own and reads the previous one, then goes on to
 * the next menu: about `2 × menus` nodes and `13 × menus` edges, every variable flowing
 * everywhere.
 */
export function denseMenuFlow(menus: number): FlowData {
  const nodes: Record<string, unknown> = {};
  for (let i = 0; i < menus; i++) {
    const options: Record<string, string> = {};
    MENU_KEYS.forEach((key, k) => (options[key] = `m${(i + k + 1) % menus}`));
    nodes[`m${i}`] = {
      type: 'menu',
      say: `Menu ${i}, last choice \${v${(i + menus - 1) % menus}}.`,
      options,
      onFail: `s${i}`,
    };
    nodes[`s${i}`] = {
      type: 'setVariable',
      assign: { [`v${i}`]: `\${v${(i + menus - 1) % menus}} ${i}` },
      next: `m${(i + 1) % menus}`,
    };
  }
  return { id: 'dense-menus', name: 'Dense menus', start: 'm0', nodes };
}

/**
 * A cycle of `length` `setVariable` nodes, each defining its own variable and reading the next
 * one's (defined only once the cycle has gone round), entered from a menu that can also hang up.
 */
export function setVariableCycle(length: number): FlowData {
  const nodes: Record<string, unknown> = {
    ask: { type: 'menu', say: 'Go round?', options: { '1': 's0', '2': 'bye' } },
    bye: { type: 'hangup', say: 'Bye.' },
  };
  for (let i = 0; i < length; i++) {
    nodes[`s${i}`] = {
      type: 'setVariable',
      assign: { [`v${i}`]: `\${v${(i + 1) % length}}` },
      next: i === length - 1 ? 's0' : `s${i + 1}`,
    };
  }
  return { id: 'set-cycle', name: 'setVariable cycle', start: 'ask', nodes };
}

/** `count` hangup nodes and nothing else: the most nodes (and warnings) per byte of flow file. */
export function manyHangups(count: number): FlowData {
  const nodes: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) nodes[`h${i}`] = { type: 'hangup' };
  return { id: 'hangups', name: 'Hangups', start: 'h0', nodes };
}

/** `{"a": {"a": … {"a": leaf}}}` nested `levels` objects deep, built without recursion. */
export function nestedObjects(levels: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** A branch condition nested `levels` deep in `all` / `any` lists, alternating. */
export function nestedCondition(levels: number): unknown {
  let condition: unknown = { var: 'source', op: 'exists' };
  for (let i = 0; i < levels; i++)
    condition = i % 2 === 0 ? { all: [condition] } : { any: [condition] };
  return condition;
}

/** A small deterministic pseudo-random generator (mulberry32), so failures can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A small random flow: setVariable, getDigits, http (some sending on hang-up), menu, branch and
 * hangup nodes wired at random (edges to missing nodes included), reading and defining a few
 * variables, so dataflow answers can be compared with a reference implementation.
 */
export function randomFlow(random: () => number, size: number): FlowData {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const ids = Array.from({ length: size }, (_, i) => `n${i}`);
  const target = (): string => (random() < 0.05 ? 'missing' : pick(ids));
  const names = ['a', 'b', 'c', 'd', 'e', 'caller_id', 'f.g'];
  const read = (): string => `\${${pick(names)}}`;
  const nodes: Record<string, unknown> = {};
  for (const id of ids) {
    const kind = pick(['set', 'set', 'digits', 'http', 'menu', 'branch', 'hangup']);
    switch (kind) {
      case 'set':
        nodes[id] = {
          type: 'setVariable',
          assign: { [pick(names.slice(0, 5))]: read() },
          next: target(),
        };
        break;
      case 'digits':
        nodes[id] = {
          type: 'getDigits',
          say: read(),
          variable: pick(names.slice(0, 5)),
          next: target(),
        };
        break;
      case 'http':
        nodes[id] = {
          type: 'http',
          method: 'GET',
          url: `http://127.0.0.1/${read()}`,
          sendOnHangup: random() < 0.3,
          ...(random() < 0.5 ? { setVariable: pick(names.slice(0, 5)) } : {}),
          next: target(),
        };
        break;
      case 'menu':
        nodes[id] = { type: 'menu', say: read(), options: { '1': target(), '2': target() } };
        break;
      case 'branch':
        nodes[id] = {
          type: 'branch',
          cases: [{ if: { any: [{ var: pick(names), op: 'exists' }] }, next: target() }],
          default: target(),
        };
        break;
      default:
        nodes[id] = { type: 'hangup', say: read() };
    }
  }
  const variables = random() < 0.5 ? { [pick(names.slice(0, 5))]: 'x' } : {};
  return { id: 'random', name: 'Random', start: pick(ids), variables, nodes };
}
