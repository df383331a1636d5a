/**
 * The flow graph with nodes numbered and edges in flat arrays, and its strongly connected
 * components in topological order: what lets dataflow over a flow of tens of thousands of nodes
 * run in time linear in nodes + edges, with no recursion (a hostile flow cannot overflow the
 * stack) and no per-node strings or sets.
 */

/** Nodes numbered `0 … size - 1`; the successors of `i` are `targets[offsets[i] … offsets[i + 1])`. */
export interface IndexedGraph {
  ids: string[];
  index: Map<string, number>;
  offsets: Int32Array;
  targets: Int32Array;
}

/** Numbers the nodes of `next` in its order; edges to ids that are not keys of `next` are dropped. */
export function indexGraph(next: ReadonlyMap<string, readonly string[]>): IndexedGraph {
  const ids = [...next.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const offsets = new Int32Array(ids.length + 1);
  const flat: number[] = [];
  ids.forEach((id, i) => {
    for (const to of next.get(id) ?? []) {
      const j = index.get(to);
      if (j !== undefined) flat.push(j);
    }
    offsets[i + 1] = flat.length;
  });
  return { ids, index, offsets, targets: Int32Array.from(flat) };
}

/** The strongly connected components of the nodes reachable from some roots. */
export interface Components {
  /** How many components there are. */
  count: number;
  /**
   * The component of each node, `-1` for a node not reachable from the roots. Components are
   * numbered in topological order: every edge between two components goes to a higher number.
   */
  of: Int32Array;
  /** 1 for a component that holds a cycle (more than one node, or a node that leads to itself). */
  cyclic: Uint8Array;
  /** The members of component `c` are `members[memberOffsets[c] … memberOffsets[c + 1])`. */
  memberOffsets: Int32Array;
  members: Int32Array;
}

/**
 * The components of everything reachable from `roots` (in their order), by Tarjan's algorithm
 * with an explicit stack. Tarjan finishes a component only after every component it leads to,
 * so numbering them backwards from the last gives a topological order. Each component's members
 * are listed in the order they were discovered.
 */
export function reachableComponents(graph: IndexedGraph, roots: Iterable<number>): Components {
  const size = graph.ids.length;
  const { offsets, targets } = graph;
  const order = new Int32Array(size).fill(-1); // discovery index, -1 when not yet seen
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack = new Int32Array(size);
  let stackTop = 0;
  const workNode = new Int32Array(size);
  const workEdge = new Int32Array(size);
  let workTop = 0;
  const finished: number[][] = [];
  let counter = 0;

  const discover = (v: number): void => {
    order[v] = low[v] = counter++;
    stack[stackTop++] = v;
    onStack[v] = 1;
    workNode[workTop] = v;
    workEdge[workTop++] = offsets[v] as number;
  };
  for (const root of roots) {
    if (order[root] !== -1) continue;
    discover(root);
    while (workTop > 0) {
      const v = workNode[workTop - 1] as number;
      const edge = workEdge[workTop - 1] as number;
      if (edge < (offsets[v + 1] as number)) {
        workEdge[workTop - 1] = edge + 1;
        const w = targets[edge] as number;
        if (order[w] === -1) discover(w);
        else if (onStack[w] === 1) low[v] = Math.min(low[v] as number, order[w] as number);
        continue;
      }
      workTop--;
      if (workTop > 0) {
        const parent = workNode[workTop - 1] as number;
        low[parent] = Math.min(low[parent] as number, low[v] as number);
      }
      if (low[v] === order[v]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack[--stackTop] as number;
          onStack[member] = 0;
          component.push(member);
        } while (member !== v);
        finished.push(component);
      }
    }
  }

  const count = finished.length;
  const of = new Int32Array(size).fill(-1);
  const cyclic = new Uint8Array(count);
  const memberOffsets = new Int32Array(count + 1);
  const members = new Int32Array(totalLength(finished));
  let filled = 0;
  for (let c = 0; c < count; c++) {
    const component = finished[count - 1 - c] as number[];
    for (let k = component.length - 1; k >= 0; k--) {
      const v = component[k] as number;
      of[v] = c;
      members[filled++] = v;
    }
    memberOffsets[c + 1] = filled;
  }
  for (let c = 0; c < count; c++) {
    const first = members[memberOffsets[c] as number] as number;
    if ((memberOffsets[c + 1] as number) - (memberOffsets[c] as number) > 1) cyclic[c] = 1;
    else {
      for (let e = offsets[first] as number; e < (offsets[first + 1] as number); e++) {
        if (targets[e] === first) cyclic[c] = 1;
      }
    }
  }
  return { count, of, cyclic, memberOffsets, members };
}

function totalLength(components: number[][]): number {
  let total = 0;
  for (const component of components) total += component.length;
  return total;
}

/** The edges between components, each once: the successors of `c` are `targets[offsets[c] … offsets[c + 1])`. */
export interface ComponentEdges {
  offsets: Int32Array;
  targets: Int32Array;
}

/** The graph of components (a DAG in topological order): edges inside a component are dropped. */
export function componentEdges(graph: IndexedGraph, parts: Components): ComponentEdges {
  const offsets = new Int32Array(parts.count + 1);
  const flat: number[] = [];
  // The last component that recorded an edge to each one, so repeated edges are kept once.
  const seenFrom = new Int32Array(parts.count).fill(-1);
  for (let c = 0; c < parts.count; c++) {
    for (
      let m = parts.memberOffsets[c] as number;
      m < (parts.memberOffsets[c + 1] as number);
      m++
    ) {
      const v = parts.members[m] as number;
      for (let e = graph.offsets[v] as number; e < (graph.offsets[v + 1] as number); e++) {
        const d = parts.of[graph.targets[e] as number] as number;
        if (d === c || seenFrom[d] === c) continue;
        seenFrom[d] = c;
        flat.push(d);
      }
    }
    offsets[c + 1] = flat.length;
  }
  return { offsets, targets: Int32Array.from(flat) };
}
