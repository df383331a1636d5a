/**
 * The editor's changes to the flow text, each a function from text to text built on the
 * minimal-diff edits of flow-text-edits.ts: adding, deleting, connecting, moving, renaming nodes
 * and setting the start. Pure, so every edit kind is tested under Node and undo is just the text
 * before it.
 */
import type { JSONPath } from 'jsonc-parser';
import type { NodeType } from '../../../../shared/flow/flow-schema.ts';
import { NODE_ID_PATTERN } from '../../../../shared/flow/flow-schema.ts';
import { renameFlowNode, setFlowValue } from '../../../../shared/flow/flow-text-edits.ts';
import type { NodePosition } from './draft-flow.ts';
import { ADD_CASE, ADD_OPTION, freeMenuKey, nodeExits } from './node-exits.ts';
import type { RawObject as Raw } from './raw-json.ts';
import { isObject } from './raw-json.ts';

function parse(text: string): Raw {
  const data: unknown = JSON.parse(text);
  if (!isObject(data)) throw new Error('the flow file is not a JSON object');
  return data;
}

const nodesOf = (flow: Raw): Raw => (isObject(flow['nodes']) ? flow['nodes'] : {});

/**
 * What a new node of each type starts with: its type and the fields the user must fill, empty,
 * so the validator points at each until it is filled. Edges are left out: they are drawn.
 */
export const NEW_NODE: Record<NodeType, Raw> = {
  play: { type: 'play', say: '' },
  getDigits: { type: 'getDigits', say: '', variable: '' },
  menu: { type: 'menu', say: '', options: {} },
  http: { type: 'http', method: 'GET', url: '' },
  setVariable: { type: 'setVariable', assign: {} },
  queryData: { type: 'queryData', dataset: '', match: {}, assign: {} },
  branch: { type: 'branch', cases: [] },
  readBack: { type: 'readBack', value: '', sayAs: 'digits' },
  transfer: { type: 'transfer', target: '' },
  hangup: { type: 'hangup', say: '' },
};

/** The first free id for a new node of `type`: `getDigits_1`, `getDigits_2`, … */
export function newNodeId(text: string, type: NodeType): string {
  const nodes = nodesOf(parse(text));
  for (let i = 1; ; i++) {
    const id = `${type}_${i}`;
    if (!Object.hasOwn(nodes, id)) return id;
  }
}

/** Positions rounded to whole pixels: a file that records where a node sits needs no decimals. */
const place = ({ x, y }: NodePosition): NodePosition => ({ x: Math.round(x), y: Math.round(y) });

/**
 * Adds a node of `type` with id `id` at `position`. The first node of an empty flow becomes its
 * start. `placed` are the positions of the nodes already drawn: written to `layout` with the new
 * one, so the picture the user built does not move when the automatic layout would.
 */
export function addNode(
  text: string,
  type: NodeType,
  id: string,
  position: NodePosition,
  placed: ReadonlyMap<string, NodePosition>,
): string {
  const flow = parse(text);
  if (Object.hasOwn(nodesOf(flow), id)) throw new Error(`a node "${id}" exists already`);
  let next = setFlowValue(text, ['nodes', id], NEW_NODE[type]);
  const start = flow['start'];
  if (typeof start !== 'string' || start === '' || Object.keys(nodesOf(flow)).length === 0) {
    next = setFlowValue(next, ['start'], id);
  }
  return moveNodes(next, new Map([...placed, [id, position]]));
}

/** Writes the positions into `layout`, only those that changed. */
export function moveNodes(text: string, positions: ReadonlyMap<string, NodePosition>): string {
  const flow = parse(text);
  const layout = isObject(flow['layout']) ? flow['layout'] : null;
  let next = text;
  if (layout === null && positions.size > 0) {
    const all: Record<string, NodePosition> = {};
    for (const [id, at] of positions) all[id] = place(at);
    return setFlowValue(next, ['layout'], all);
  }
  for (const [id, at] of positions) {
    const rounded = place(at);
    const old = layout?.[id];
    if (isObject(old) && old['x'] === rounded.x && old['y'] === rounded.y) continue;
    next = setFlowValue(next, ['layout', id], rounded);
  }
  return next;
}

/** Every field of every node that leads to `id`. */
function fieldsLeadingTo(flow: Raw, id: string): { node: string; field: JSONPath }[] {
  const found: { node: string; field: JSONPath }[] = [];
  for (const [nodeId, node] of Object.entries(nodesOf(flow))) {
    for (const exit of nodeExits(node)) {
      if (exit.field && exit.target === id) found.push({ node: nodeId, field: exit.field });
    }
  }
  return found;
}

/**
 * Deletes node `id`, the edges that lead to it and its `layout` entry. A menu key that led to it
 * goes with it; any other field that led to it is removed, and the validator says what is now
 * missing. A start that named it stays, so the problem list says the flow needs a new start.
 */
export function deleteNode(text: string, id: string): string {
  const flow = parse(text);
  let next = text;
  for (const { node, field } of fieldsLeadingTo(flow, id)) {
    next = disconnect(next, node, field);
  }
  next = setFlowValue(next, ['nodes', id], undefined);
  const layout = flow['layout'];
  if (isObject(layout) && Object.hasOwn(layout, id)) {
    next = setFlowValue(next, ['layout', id], undefined);
  }
  return next;
}

/**
 * Removes one edge by unsetting its field: a menu key goes whole (a key leads somewhere or is not
 * an option), a branch case keeps its condition and loses its `next` for the user to redraw.
 */
export function disconnect(text: string, nodeId: string, field: JSONPath): string {
  return setFlowValue(text, ['nodes', nodeId, ...field], undefined);
}

/**
 * Connects the handle `exit` of node `source` to node `target`: sets that field, or adds a menu
 * key (the first free one) or a branch case (an `eq` condition still to fill in).
 */
export function connect(text: string, source: string, exit: string, target: string): string {
  const flow = parse(text);
  const node = nodesOf(flow)[source];
  if (!isObject(node)) throw new Error(`there is no node "${source}"`);
  if (exit === ADD_OPTION) {
    const key = freeMenuKey(node);
    if (key === null) throw new Error(`the menu ${source} uses every key already`);
    return setFlowValue(text, ['nodes', source, 'options', key], target);
  }
  if (exit === ADD_CASE) {
    const cases = Array.isArray(node['cases']) ? node['cases'] : [];
    return setFlowValue(text, ['nodes', source, 'cases', cases.length], {
      if: { var: '', op: 'eq', value: '' },
      next: target,
    });
  }
  const known = nodeExits(node).find((e) => e.id === exit);
  if (!known?.field) throw new Error(`${source} has no way out called "${exit}"`);
  return setFlowValue(text, ['nodes', source, ...known.field], target);
}

/** Makes `id` the flow's start. */
export function setStart(text: string, id: string): string {
  return setFlowValue(text, ['start'], id);
}

/**
 * Renames a node with every reference to it.
 *
 * @throws Error naming the problem: an id that is not a valid node id, or one taken already
 */
export function renameNode(text: string, from: string, to: string): string {
  if (!NODE_ID_PATTERN.test(to)) {
    throw new Error(
      `"${to}" cannot be a node id: letters, digits, "_" and "-", starting with a letter or "_"`,
    );
  }
  return renameFlowNode(text, from, to);
}

/** Sets (or, with `undefined`, removes) a value inside node `id`. */
export function setNodeValue(text: string, id: string, path: JSONPath, value: unknown): string {
  return setFlowValue(text, ['nodes', id, ...path], value);
}
