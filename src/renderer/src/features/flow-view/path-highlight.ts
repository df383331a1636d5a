/** Which nodes and edges of the flow view a call's path lights up. */

/** What a call's path through the flow lights up. */
export interface PathHighlight {
  /** Every node the path entered. */
  nodes: Set<string>;
  /** Every consecutive pair of the path, as {@link pairKey} keys. */
  edges: Set<string>;
}

/** The key of the edge from `source` to `target` in {@link PathHighlight.edges}. */
export function pairKey(source: string, target: string): string {
  // JSON, so no choice of separator can be confused with characters inside an id.
  return JSON.stringify([source, target]);
}

/**
 * The nodes and edges a path visited. The path says which nodes followed each other, not through
 * which field, so when two edges join the same pair (menu key `9` and `onFail` both to
 * `goodbye`) both count as visited.
 */
export function pathHighlight(path: readonly string[]): PathHighlight {
  const edges = new Set<string>();
  for (let i = 1; i < path.length; i++) {
    edges.add(pairKey(path[i - 1] as string, path[i] as string));
  }
  return { nodes: new Set(path), edges };
}
