/**
 * The human report of a replay: what was replayed, the verdict, the first divergence on top, then
 * every difference in call order as `- original` / `+ re-run` lines.
 */
import { describeCallerScript } from './caller-script.ts';
import { describeDifference, differenceSides } from '../../shared/rerun/describe-difference.ts';
import type { Difference } from './compare-runs.ts';
import type { RerunResult } from './rerun-session.ts';
import type { RunRecord } from './run-record.ts';

function ending(record: RunRecord): string {
  if (record.outcome === null) return 'never ended';
  const by = record.endedBy ? ` by ${record.endedBy}` : '';
  const to = record.transferTarget ? ` to ${record.transferTarget}` : '';
  return `${record.outcome}${by}${to}`;
}

function sides(d: Difference, indent: string): string[] {
  const { original, rerun } = differenceSides(d);
  const none = ['(nothing)'];
  return [
    ...(original.length > 0 ? original : none).map((line) => `${indent}- ${line}`),
    ...(rerun.length > 0 ? rerun : none).map((line) => `${indent}+ ${line}`),
  ];
}

/** The report's lines. */
export function formatRerun(result: RerunResult): string[] {
  const { comparison, original, rerun } = result;
  const mode = result.mode === 'mock' ? 'recorded webhook replies' : 'live webhooks';
  const lines = [
    `replay of session ${result.sessionId} (${result.flowId}${result.flowPath ? `, ${result.flowPath}` : ''}) with ${mode}`,
    `caller: ${describeCallerScript(result.steps)}`,
  ];
  if (result.rerunSessionId) lines.push(`re-run logged as session ${result.rerunSessionId}`);
  lines.push('');
  if (comparison.same) {
    lines.push(
      `SAME: the re-run matches the original: ${original.path.length} steps, ${original.spoken.length} prompts, ${original.webhooks.length} webhook exchanges, variables, ${ending(original)}`,
    );
    return lines;
  }
  const count = comparison.differences.length;
  lines.push(`DIFFERENT: ${count} difference${count === 1 ? '' : 's'}`);
  const first = comparison.firstDivergence as Difference;
  lines.push('', `first divergence: ${describeDifference(first)}`, ...sides(first, '  '));
  lines.push('', 'all differences, in call order:');
  comparison.differences.forEach((d, i) => {
    lines.push(`${String(i + 1).padStart(3)}. ${describeDifference(d)}`, ...sides(d, '       '));
  });
  lines.push(
    '',
    `original: ${original.path.length} steps, ${ending(original)}`,
    `re-run:   ${rerun.path.length} steps, ${ending(rerun)}`,
  );
  if (result.unusedSteps > 0) {
    const n = result.unusedSteps;
    lines.push(`(${n} of the caller's steps ${n === 1 ? 'was' : 'were'} not used by the re-run)`);
  }
  return lines;
}
