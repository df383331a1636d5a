/**
 * The `replay --json` document: the verdict, every difference (each with a sentence for people),
 * and both calls' outcome, path and spoken text side by side.
 */
import type { Difference } from './compare-runs.ts';
import { describeCallerScript } from './caller-script.ts';
import { describeDifference } from '../../shared/rerun/describe-difference.ts';
import type { RerunMode, RerunResult } from './rerun-session.ts';
import type { RunRecord } from './run-record.ts';

/** One call in the document. */
export interface RerunJsonRun {
  outcome: RunRecord['outcome'];
  endedBy: RunRecord['endedBy'];
  transferTarget: string | null;
  path: string[];
  spoken: string[];
}

/** A difference with its sentence. */
export type RerunJsonDifference = Difference & { summary: string };

/** The whole `replay --json` document. */
export interface RerunJson {
  sessionId: string;
  flow: string;
  flowPath: string | null;
  mode: RerunMode;
  same: boolean;
  firstDivergence: RerunJsonDifference | null;
  differences: RerunJsonDifference[];
  /** The caller's input as replayed, in `--dtmf` notation. */
  callerScript: string;
  original: RerunJsonRun;
  rerun: RerunJsonRun & { sessionId: string | null };
}

function run(record: RunRecord): RerunJsonRun {
  return {
    outcome: record.outcome,
    endedBy: record.endedBy,
    transferTarget: record.transferTarget,
    path: record.path,
    spoken: record.spoken,
  };
}

function withSummary(d: Difference): RerunJsonDifference {
  return { ...d, summary: describeDifference(d) };
}

/** Builds the document. */
export function toRerunJson(result: RerunResult): RerunJson {
  const first = result.comparison.firstDivergence;
  return {
    sessionId: result.sessionId,
    flow: result.flowId,
    flowPath: result.flowPath,
    mode: result.mode,
    same: result.comparison.same,
    firstDivergence: first ? withSummary(first) : null,
    differences: result.comparison.differences.map(withSummary),
    callerScript: describeCallerScript(result.steps),
    original: run(result.original),
    rerun: { ...run(result.rerun), sessionId: result.rerunSessionId },
  };
}
