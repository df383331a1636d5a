/**
 * Mutates flow files for the fuzz test: deletes and replaces values, rewires edges, nests values
 * deeply, plants catastrophic regexes and secrets in the wrong fields, and sometimes damages the
 * text itself. The walk that picks a place to mutate is iterative and bounded, like the code
 * under test must be.
 */
import type { Random } from './seeded-random.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Holder = Json[] | { [key: string]: Json };

/** Every (holder, key) place of a JSON tree, breadth first, at most `max` of them. */
function places(root: Json, max: number): [Holder, string | number][] {
  const out: [Holder, string | number][] = [];
  const queue: Json[] = [root];
  for (let i = 0; i < queue.length && out.length < max; i++) {
    const value = queue[i];
    if (Array.isArray(value)) {
      value.forEach((inner, index) => {
        out.push([value, index]);
        queue.push(inner);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        out.push([value, key]);
        queue.push(inner);
      }
    }
  }
  return out;
}

function nested(depth: number, leaf: Json): Json {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function hostileValue(random: Random, nodeIds: string[]): Json {
  return random.pick<() => Json>([
    () => null,
    () => random.int(-1e9, 1e9),
    () => -0,
    () => '9007199254740993',
    () => true,
    () => [],
    () => ({}),
    () => 'x'.repeat(random.int(0, 5000)),
    () => '${secret.crm_token}',
    () => '${undefined_name} ${a.b.c} ${',
    () => '^(a+)+$',
    () => random.pick(nodeIds),
    () => 'no_such_node',
    () => nested(random.pick([10, 100, 2000]), 1),
    () => ({ all: [{ any: [{ var: 'x', op: 'matches', value: '(a|a)*$' }] }] }),
  ])();
}

/** Applies a few random mutations to a parsed flow (in place) and returns its text. */
export function mutateFlow(random: Random, flow: { [key: string]: Json }): string {
  const nodes = flow['nodes'];
  const nodeIds =
    typeof nodes === 'object' && nodes !== null && !Array.isArray(nodes) ? Object.keys(nodes) : [];
  // Gentle mutants only swap one string for another, so many stay valid and reach the engine.
  const gentle = random.chance(0.5);
  for (let i = gentle ? 1 : random.int(1, 4); i > 0; i--) {
    const all = places(flow, 5000).filter(
      ([holder, key]) =>
        !gentle || typeof (holder as Record<string | number, Json>)[key] === 'string',
    );
    if (all.length === 0) break;
    const [holder, key] = random.pick(all);
    if (gentle) {
      (holder as Record<string | number, Json>)[key] = random.pick([
        'x'.repeat(random.int(0, 3000)),
        '${undefined_name} ${a.b.c}',
        '${crm_base}/${source}?q=${customer_id}',
        '^(a+)+$',
        random.pick(nodeIds),
        '\u0000\ud83d',
      ]);
      continue;
    }
    const op = random.int(0, 5);
    if (op === 0 && !Array.isArray(holder)) Reflect.deleteProperty(holder, key);
    else if (op === 1 && !Array.isArray(holder)) {
      holder[`${String(key)}_${random.int(0, 9)}`] = (holder as Record<string, Json>)[key] ?? null;
    } else if (op === 2 && typeof nodes === 'object' && nodes !== null && !Array.isArray(nodes)) {
      // A node copied under a new id, pointing back at itself: a loop without input.
      const from = random.pick(nodeIds);
      // A shallow copy: the tree may already be nested too deep for a recursive clone.
      const original = (nodes as Record<string, Json>)[from];
      const copy: Json =
        typeof original === 'object' && original !== null && !Array.isArray(original)
          ? { ...original, next: 'copy' }
          : (original ?? {});
      (nodes as Record<string, Json>)['copy'] = copy;
    } else (holder as Record<string | number, Json>)[key] = hostileValue(random, nodeIds);
  }
  const text = JSON.stringify(flow, null, random.chance(0.5) ? 2 : 0);
  if (!random.chance(0.1)) return text;
  // Damaged text: a byte cut or an unpaired surrogate, as an editor crash might leave it.
  const at = random.int(0, text.length - 1);
  return random.chance(0.5) ? text.slice(0, at) : `${text.slice(0, at)}\ud800${text.slice(at)}`;
}
