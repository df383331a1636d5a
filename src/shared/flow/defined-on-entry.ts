/**
 * Which variables may be defined on entry to each node: the dataflow behind the validator's
 * "unknown variable" warnings.
 *
 * A name is defined on entry to a node when the flow's start defines it (system variables and
 * the flow's `variables`) or when some node on a path from the start to it (the node itself, if
 * it lies on a loop) defines it; a webhook with a reply may define any name. Nothing ever
 * undefines a name, so this is reachability over the graph's strongly connected components,
 * taken in topological order: each component's names are its predecessors' plus its own. Only
 * the names some node reads and some other node defines are tracked, as bits, a bounded number
 * of words at a time, so time is linear in nodes + edges (times names / 1024) and memory stays
 * bounded however many variables a hostile flow defines.
 */
import { SYSTEM_VARIABLES } from '../variables.ts';
import type { Flow, FlowNode } from './flow-schema.ts';
import { successors } from './flow-graph.ts';
import type { DefinedOnEntry, NameSet } from './flow-references.ts';
import { nodeDefinitions, nodeReadRoots } from './flow-references.ts';
import { componentEdges, indexGraph, reachableComponents } from './indexed-graph.ts';
import type { ComponentEdges, Components } from './indexed-graph.ts';

/** 32-bit words of names tracked per component in one pass (1,024 names). */
const WORDS_PER_PASS = 32;

/**
 * For every node reachable from the start, what may be defined on entry to it. Its `names`
 * answer for the start's names and for every name the node itself reads (which is all the
 * validator asks); nodes that cannot be reached are absent. `next` is `successors(flow.nodes)`,
 * passed when the caller has it already.
 */
export function definedOnEntry(
  flow: Flow,
  next: ReadonlyMap<string, readonly string[]> = successors(flow.nodes),
): Map<string, DefinedOnEntry> {
  const entry = new Map<string, DefinedOnEntry>();
  if (!Object.hasOwn(flow.nodes, flow.start)) return entry;
  const graph = indexGraph(next);
  const parts = reachableComponents(graph, [graph.index.get(flow.start) as number]);
  const initial: ReadonlySet<string> = new Set([
    ...SYSTEM_VARIABLES,
    ...Object.keys(flow.variables),
  ]);
  const nodeOf = (v: number): FlowNode => flow.nodes[graph.ids[v] as string] as FlowNode;

  // Names defined by some reachable node; of those, the ones some reachable node reads (and the
  // start does not define) are tracked, each as a bit.
  const reachable = parts.members;
  const definedSomewhere = new Set<string>();
  const anyByComponent = new Uint8Array(parts.count);
  for (const v of reachable) {
    const defs = nodeDefinitions(nodeOf(v));
    for (const name of defs.names) definedSomewhere.add(name);
    if (defs.any) anyByComponent[parts.of[v] as number] = 1;
  }
  const tracked = new Map<string, number>();
  const reads: BitOf = { at: [], bit: [] };
  for (const v of reachable) {
    for (const root of nodeReadRoots(nodeOf(v))) {
      if (initial.has(root) || !definedSomewhere.has(root)) continue;
      let bit = tracked.get(root);
      if (bit === undefined) tracked.set(root, (bit = tracked.size));
      reads.at.push(v);
      reads.bit.push(bit);
    }
  }
  const defs: BitOf = { at: [], bit: [] };
  for (const v of reachable) {
    for (const name of nodeDefinitions(nodeOf(v)).names) {
      const bit = tracked.get(name);
      if (bit === undefined) continue;
      defs.at.push(parts.of[v] as number);
      defs.bit.push(bit);
    }
  }

  const dag = componentEdges(graph, parts);
  const afterWebhook = webhookOnEntry(parts, dag, anyByComponent);
  const answered = namesOnEntry(parts, dag, defs, reads, tracked.size);
  const names = [...tracked.keys()];
  for (const v of reachable) {
    const yes = answered.get(v);
    const scope: NameSet =
      yes === undefined
        ? initial
        : withInitial(initial, new Set(yes.map((bit) => names[bit] as string)));
    entry.set(graph.ids[v] as string, {
      names: scope,
      afterWebhook: afterWebhook[parts.of[v] as number] === 1,
    });
  }
  return entry;
}

/** Pairs of a place (a node or a component) and a tracked name's bit, as two parallel lists. */
interface BitOf {
  at: number[];
  bit: number[];
}

/** The start's names plus those found for one node, without copying the start's. */
function withInitial(initial: ReadonlySet<string>, found: ReadonlySet<string>): NameSet {
  return { has: (name) => initial.has(name) || found.has(name) };
}

/** Per component: 1 when a webhook's reply may have defined anything on entry to it. */
function webhookOnEntry(
  parts: Components,
  dag: ComponentEdges,
  anyByComponent: Uint8Array,
): Uint8Array {
  const onEntry = new Uint8Array(parts.count);
  for (let c = 0; c < parts.count; c++) {
    // On a loop, a reply received in the component is there again on the way back round.
    if (parts.cyclic[c] === 1 && anyByComponent[c] === 1) onEntry[c] = 1;
    if (onEntry[c] === 0 && anyByComponent[c] === 0) continue;
    for (let e = dag.offsets[c] as number; e < (dag.offsets[c + 1] as number); e++) {
      onEntry[dag.targets[e] as number] = 1;
    }
  }
  return onEntry;
}

/**
 * For each node, which of the names it reads (as bits of the tracked names) may be defined on
 * entry. One pass over the components per 1,024 names (the definitions and reads of each pass
 * sorted out beforehand); each component's bits are what its predecessors pushed forward plus,
 * on a loop, its own.
 */
function namesOnEntry(
  parts: Components,
  dag: ComponentEdges,
  defs: BitOf,
  reads: BitOf,
  tracked: number,
): Map<number, number[]> {
  const answered = new Map<number, number[]>();
  const namesPerPass = WORDS_PER_PASS * 32;
  const passes = Math.ceil(tracked / namesPerPass);
  const defsByPass = byPass(defs, passes, namesPerPass);
  const readsByPass = byPass(reads, passes, namesPerPass);
  for (let pass = 0; pass < passes; pass++) {
    const first = pass * namesPerPass;
    const words = Math.min(WORDS_PER_PASS, Math.ceil((tracked - first) / 32));
    const onEntry = new Uint32Array(parts.count * words);
    // First what each component defines itself, then what leaves it: entry plus its own.
    const leaving = new Uint32Array(parts.count * words);
    for (const i of defsByPass[pass] as number[]) {
      setBit(leaving, (defs.at[i] as number) * words, (defs.bit[i] as number) - first);
    }
    for (let c = 0; c < parts.count; c++) {
      const base = c * words;
      let any = 0;
      for (let w = base; w < base + words; w++) {
        const out = (onEntry[w] as number) | (leaving[w] as number);
        leaving[w] = out;
        any |= out;
      }
      if (any === 0) continue;
      // On a loop every member comes back round, so each enters with what the others define.
      if (parts.cyclic[c] === 1) onEntry.set(leaving.subarray(base, base + words), base);
      for (let e = dag.offsets[c] as number; e < (dag.offsets[c + 1] as number); e++) {
        const target = (dag.targets[e] as number) * words;
        for (let w = 0; w < words; w++) {
          onEntry[target + w] = (onEntry[target + w] as number) | (leaving[base + w] as number);
        }
      }
    }
    for (const i of readsByPass[pass] as number[]) {
      const v = reads.at[i] as number;
      const bit = reads.bit[i] as number;
      if (!hasBit(onEntry, (parts.of[v] as number) * words, bit - first)) continue;
      const list = answered.get(v);
      if (list) list.push(bit);
      else answered.set(v, [bit]);
    }
  }
  return answered;
}

/** The indexes of `pairs`, grouped by the pass that handles their bit. */
function byPass(pairs: BitOf, passes: number, namesPerPass: number): number[][] {
  const groups: number[][] = Array.from({ length: passes }, () => []);
  pairs.bit.forEach((bit, i) => (groups[Math.floor(bit / namesPerPass)] as number[]).push(i));
  return groups;
}

function setBit(bits: Uint32Array, base: number, bit: number): void {
  const word = base + (bit >>> 5);
  bits[word] = (bits[word] as number) | (1 << (bit & 31));
}

function hasBit(bits: Uint32Array, base: number, bit: number): boolean {
  return ((bits[base + (bit >>> 5)] as number) & (1 << (bit & 31))) !== 0;
}
