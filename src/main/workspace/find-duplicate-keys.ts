/**
 * Duplicate keys anywhere in a YAML document, each with its field path and the line of the first
 * occurrence. The yaml library can refuse duplicates itself, but only as a bare syntax error that
 * stops reading; found here, they are one problem among the others, with the field named.
 */
import type { Node, Pair } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';

/** A repeated key. */
export interface DuplicateKey {
  /** Dotted path of the repeated key (`variables.crm_base`). */
  field: string;
  /** Offset of the repeated key, and of the first one. */
  offset: number;
  firstOffset: number;
  key: string;
}

/** Deeper than anything valid in an environment: the walk stops here (no stack to exhaust). */
const MAX_WALK_DEPTH = 64;

/**
 * Lists every duplicate key in `node` and below. Aliases are not followed, so the walk is linear
 * in the size of the text whatever the document's aliases would expand to.
 */
export function findDuplicateKeys(node: unknown, field = '', depth = 0): DuplicateKey[] {
  if (depth > MAX_WALK_DEPTH) return [];
  const found: DuplicateKey[] = [];
  if (isMap(node)) {
    const first = new Map<string, number>();
    for (const pair of node.items as Pair<unknown, unknown>[]) {
      const key = pair.key as Node | null;
      const name = isScalar(key) ? String(key.value) : null;
      const path = name === null ? field : field ? `${field}.${name}` : name;
      if (name !== null && key?.range) {
        const seen = first.get(name);
        if (seen === undefined) first.set(name, key.range[0]);
        else found.push({ field: path, offset: key.range[0], firstOffset: seen, key: name });
      }
      found.push(...findDuplicateKeys(pair.value, path, depth + 1));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      found.push(...findDuplicateKeys(item, `${field}[${index}]`, depth + 1));
    });
  }
  return found;
}
