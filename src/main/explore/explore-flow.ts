/**
 * Path exploration of one flow (issue 14, ../shared/spec/CLI.md `explore`): generated callers
 * through the real engine and webhook client (mocked replies from the environment's mock server),
 * the few calls that together take every exit reached, written as a test file, and every exit not
 * reached with why. Shared by `ivr-console explore` and the console's "Generate tests".
 */
import type { ExploreReport } from '../../shared/contract/coverage-types.ts';
import { emptyCoverage, addCallCoverage } from '../../shared/coverage/call-coverage.ts';
import { coverageEdges } from '../../shared/coverage/coverage-edges.ts';
import { coverageReport } from '../../shared/coverage/coverage-report.ts';
import type { MockSection } from '../../shared/mock-types.ts';
import type { ChosenCase } from './choose-cases.ts';
import { chooseCases } from './choose-cases.ts';
import type { ExploreTarget } from './explore-run.ts';
import type { SearchBounds } from './explore-search.ts';
import { DEFAULT_BOUNDS, searchFlow } from './explore-search.ts';
import { exploredYaml } from './explored-yaml.ts';
import { unreachedEdges } from './unreached-reasons.ts';

/** Cases written at most, unless asked otherwise. */
export const DEFAULT_MAX_CASES = 200;

/** What to explore and how. */
export interface ExploreInput extends ExploreTarget {
  /** The environment's id or name for the report and the file's header; null: none. */
  environmentId: string | null;
  /** Where the test file is meant to go (absolute): its `flow:` is relative to it. */
  outputPath: string;
  maxCases?: number;
  bounds?: Partial<SearchBounds>;
  signal?: AbortSignal;
}

/** The mock rules the environment's calls are answered by, or null. */
export function mocksOf(target: ExploreTarget): MockSection | null {
  return target.environment.network.mock?.nodes ?? null;
}

/** Explores the flow; never writes anything (the report holds the file's text). */
export async function exploreFlow(input: ExploreInput): Promise<ExploreReport> {
  const started = performance.now();
  const bounds: SearchBounds = { ...DEFAULT_BOUNDS, ...input.bounds };
  const mocks = mocksOf(input);
  const search = await searchFlow(input, mocks, bounds, input.signal);
  const edges = coverageEdges(input.flow);
  const cases: ChosenCase[] = chooseCases(search.runs, edges, input.maxCases ?? DEFAULT_MAX_CASES);
  const coverage = emptyCoverage();
  for (const chosen of cases) addCallCoverage(input.flow, chosen.run.events, coverage);
  const report = coverageReport(input.flow, input.flowPath, coverage, cases.length);
  // Exits the search reached but --max-cases left out are unreached by the written cases too.
  const inCases = new Set(cases.flatMap((c) => c.run.edges));
  const unreached = unreachedEdges(input.flow, edges, search, bounds, mocks);
  const leftOut = edges
    .filter((e) => !inCases.has(e.id) && !unreached.some((u) => u.edgeId === e.id))
    .map((e) => ({ edgeId: e.id, label: e.label, reason: 'reached, but beyond --max-cases' }));
  const allUnreached = [...unreached, ...leftOut].sort(
    (a, b) => edges.findIndex((e) => e.id === a.edgeId) - edges.findIndex((e) => e.id === b.edgeId),
  );
  const yaml = exploredYaml({
    flowId: input.flow.id,
    flowPath: input.flowPath,
    filePath: input.outputPath,
    environment: input.environmentId,
    variables: input.variables,
    cases,
    unreached: allUnreached,
  });
  return {
    flowPath: input.flowPath,
    environmentId: input.environmentId,
    cases: cases.map((c) => ({
      name: c.name,
      dtmf: c.run.caller.dtmf,
      source: c.run.caller.source,
      newEdges: c.newEdges,
    })),
    yaml,
    suggestedPath: input.outputPath,
    coverage: report,
    unreached: allUnreached,
    callsPlaced: search.runs.length,
    durationMs: Math.round(performance.now() - started),
  };
}
