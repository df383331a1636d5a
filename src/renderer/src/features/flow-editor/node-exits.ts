/**
 * The named ways out of a node, one connection handle each: `next`, `onFail`, `onError`,
 * `onNotFound`, each menu key, each branch case and `default`, plus a handle that adds a menu key
 * or a branch case when something is connected to it. Pure.
 */
import type { JSONPath } from 'jsonc-parser';
import { isObject } from './raw-json.ts';

/** One handle a connection can be dragged from. */
export interface NodeExit {
  /** The handle id: the field's path inside the node joined with `/` (`options/1`), or `+key`. */
  id: string;
  /** What the handle shows: `next`, `1`, `case 1`, `default`, `+ key`. */
  label: string;
  /** The node id it leads to now, if any. */
  target: string | null;
  /** The field it sets inside the node; null for the handles that add a key or a case. */
  field: JSONPath | null;
}

/** Handle id that adds a menu option for the next free key. */
export const ADD_OPTION = '+key';
/** Handle id that adds a branch case. */
export const ADD_CASE = '+case';

const target = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The plain edge fields of each type, in the order a reader sees them. */
const FIELDS: Record<string, string[]> = {
  play: ['next'],
  setVariable: ['next'],
  readBack: ['next'],
  getDigits: ['next', 'onFail'],
  menu: ['onFail'],
  http: ['next', 'onError'],
  queryData: ['next', 'onNotFound'],
  branch: ['default'],
};

/** Every handle of a node, from its raw JSON. */
export function nodeExits(node: unknown): NodeExit[] {
  if (!isObject(node)) return [];
  const type = node['type'];
  const exits: NodeExit[] = [];
  if (type === 'menu') {
    const options = isObject(node['options']) ? node['options'] : {};
    for (const [key, to] of Object.entries(options)) {
      exits.push({ id: `options/${key}`, label: key, target: target(to), field: ['options', key] });
    }
    exits.push({ id: ADD_OPTION, label: '+ key', target: null, field: null });
  }
  if (type === 'branch') {
    const cases = Array.isArray(node['cases']) ? node['cases'] : [];
    cases.forEach((entry: unknown, i) => {
      exits.push({
        id: `cases/${i}/next`,
        label: `case ${i + 1}`,
        target: isObject(entry) ? target(entry['next']) : null,
        field: ['cases', i, 'next'],
      });
    });
    exits.push({ id: ADD_CASE, label: '+ case', target: null, field: null });
  }
  for (const field of FIELDS[type as string] ?? []) {
    exits.push({ id: field, label: field, target: target(node[field]), field: [field] });
  }
  return exits;
}

/** The first DTMF key a menu does not use yet (1 to 9, then 0, * and #), or null. */
export function freeMenuKey(node: unknown): string | null {
  const used = isObject(node) && isObject(node['options']) ? node['options'] : {};
  for (const key of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#']) {
    if (!Object.hasOwn(used, key)) return key;
  }
  return null;
}
