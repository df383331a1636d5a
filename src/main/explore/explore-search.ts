/**
 * The search: breadth-first over the generated callers' scripts. A call placed with a script
 * hangs up where the flow waits beyond it; that wait's node says which answers to try next, each
 * a longer script. Scripts that lead to the same state (node, attempt, variables) are followed
 * once. Calls run a few at a time (a mocked `timeout` fault costs real time), their results taken
 * in script order, so the same flow and environment always give the same runs.
 */
import { coverageEdges } from '../../shared/coverage/coverage-edges.ts';
import type { Flow } from '../../shared/flow/flow-schema.ts';
import type { MockSection } from '../../shared/mock-types.ts';
import type { ExploreCaller, ExploreRun, ExploreTarget } from './explore-run.ts';
import { exploreRun } from './explore-run.ts';
import { digitCandidates, menuCandidates, sourceCandidates } from './input-candidates.ts';

/** How far the search goes. */
export interface SearchBounds {
  /** Input attempts answered per call. */
  maxDepth: number;
  /** Calls placed in all. */
  maxCalls: number;
  /** Calls in progress at once. */
  concurrency: number;
}

/** The defaults of {@link SearchBounds}. */
export const DEFAULT_BOUNDS: Readonly<SearchBounds> = {
  maxDepth: 12,
  maxCalls: 3000,
  concurrency: 4,
};

/** What the search found. */
export interface SearchResult {
  runs: ExploreRun[];
  /** True when a bound cut the search short (some script was not followed). */
  depthCut: boolean;
  callsCut: boolean;
  /** States reached again by another script (a loop, or two ways to one place). */
  revisits: number;
}

/** The answers to try at `node`'s wait. */
function candidatesAt(flow: Flow, mocks: MockSection | null, node: string): string[] {
  const n = flow.nodes[node];
  if (n?.type === 'getDigits') return digitCandidates(flow, mocks, n);
  if (n?.type === 'menu') return menuCandidates(n);
  return [];
}

/** Runs `callers` at most `concurrency` at a time; results in the callers' order. */
async function runAll(
  target: ExploreTarget,
  callers: readonly ExploreCaller[],
  concurrency: number,
  signal: AbortSignal | undefined,
): Promise<ExploreRun[]> {
  const results: ExploreRun[] = new Array<ExploreRun>(callers.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < callers.length && !signal?.aborted) {
      const index = next++;
      results[index] = await exploreRun(target, callers[index] as ExploreCaller);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return results.filter((r) => r !== undefined);
}

/** Explores `target` within `bounds`; stops early once every reachable exit is taken. */
export async function searchFlow(
  target: ExploreTarget,
  mocks: MockSection | null,
  bounds: SearchBounds,
  signal?: AbortSignal,
): Promise<SearchResult> {
  const flow = target.flow;
  const wanted = new Set(coverageEdges(flow).map((e) => e.id));
  const taken = new Set<string>();
  const seen = new Set<string>();
  const runs: ExploreRun[] = [];
  const result: SearchResult = { runs, depthCut: false, callsCut: false, revisits: 0 };
  let level: ExploreCaller[] = sourceCandidates(flow, mocks).map((source) => ({
    source,
    dtmf: '',
    depth: 0,
  }));
  while (level.length > 0 && !signal?.aborted) {
    const room = bounds.maxCalls - runs.length;
    if (level.length > room) {
      result.callsCut = true;
      level = level.slice(0, room);
    }
    const done = await runAll(target, level, bounds.concurrency, signal);
    const next: ExploreCaller[] = [];
    for (const run of done) {
      runs.push(run);
      for (const edge of run.edges) if (wanted.has(edge)) taken.add(edge);
      const wait = run.wait;
      if (wait === null) continue;
      if (seen.has(wait.state)) {
        result.revisits++;
        continue;
      }
      seen.add(wait.state);
      if (run.caller.depth >= bounds.maxDepth) {
        result.depthCut = true;
        continue;
      }
      for (const answer of candidatesAt(flow, mocks, wait.node)) {
        const { source, dtmf, depth } = run.caller;
        next.push({ source, dtmf: dtmf + answer, depth: depth + 1 });
      }
    }
    if (taken.size === wanted.size || result.callsCut) break;
    level = next;
  }
  return result;
}
