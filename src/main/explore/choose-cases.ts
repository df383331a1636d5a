/**
 * From every exploring call, the few that together take every exit any of them took: a greedy
 * set cover (the call taking the most exits not yet covered, the earlier of equals), put back in
 * the order they were placed (shorter scripts first), each named by the last exit it newly takes.
 * A case whose exits all end up taken by earlier cases is dropped.
 */
import type { CoverageEdge } from '../../shared/coverage/coverage-edges.ts';
import type { ExploreRun } from './explore-run.ts';

/** A chosen call, with the exits no earlier chosen case takes and its name. */
export interface ChosenCase {
  run: ExploreRun;
  name: string;
  newEdges: string[];
}

/** The calls of a greedy cover of `runs`' exits among `wanted`, at most `maxCases`. */
function greedyCover(runs: readonly ExploreRun[], wanted: ReadonlySet<string>, maxCases: number) {
  const covered = new Set<string>();
  const picked: number[] = [];
  while (picked.length < maxCases) {
    let best = -1;
    let bestGain = 0;
    runs.forEach((run, index) => {
      let gain = 0;
      for (const edge of run.edges) if (wanted.has(edge) && !covered.has(edge)) gain++;
      if (gain > bestGain) {
        best = index;
        bestGain = gain;
      }
    });
    if (best === -1) break;
    picked.push(best);
    for (const edge of (runs[best] as ExploreRun).edges) if (wanted.has(edge)) covered.add(edge);
  }
  return picked.sort((a, b) => a - b);
}

/**
 * The cases to write: a cover of the exits `runs` took (of `edges`, the flow's reachable exits),
 * at most `maxCases`, named uniquely.
 */
export function chooseCases(
  runs: readonly ExploreRun[],
  edges: readonly CoverageEdge[],
  maxCases: number,
): ChosenCase[] {
  const byId = new Map(edges.map((e) => [e.id, e]));
  const wanted = new Set(byId.keys());
  const covered = new Set<string>();
  const names = new Map<string, number>();
  const chosen: ChosenCase[] = [];
  for (const index of greedyCover(runs, wanted, maxCases)) {
    const run = runs[index] as ExploreRun;
    const newEdges = run.edges.filter((e) => wanted.has(e) && !covered.has(e));
    if (newEdges.length === 0) continue;
    for (const edge of newEdges) covered.add(edge);
    // The last exit it newly takes is the one it was reaching for; the earlier ones led there.
    const last = byId.get(newEdges[newEdges.length - 1] as string) as CoverageEdge;
    let name = `${last.from}: ${last.label}`;
    const seen = (names.get(name) ?? 0) + 1;
    names.set(name, seen);
    if (seen > 1) name = `${name} (${seen})`;
    chosen.push({ run, name, newEdges });
  }
  return chosen;
}
