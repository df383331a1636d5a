/**
 * Who calls in a load run: every caller pressing the `--dtmf` keys, or callers taking turns
 * through the cases of a `--cases` test file (each case's keys and setup; its expectations are
 * not checked under load).
 */
import { resolve } from 'node:path';
import { loadTestFile } from '../../call-tests/load-test-file.ts';
import { caseCallers } from '../../load/case-callers.ts';
import type { LoadCaller } from '../../load/load-plan.ts';
import { UsageError } from '../cli-io.ts';
import { parseDtmfScript } from '../dtmf-option.ts';

/** The callers of `--dtmf` or `--cases` (neither: one caller who presses nothing). */
export async function loadCallers(
  options: { dtmf?: string; cases?: string },
  flowPath: string,
  cwd: string,
): Promise<LoadCaller[]> {
  if (options.dtmf !== undefined && options.cases !== undefined) {
    throw new UsageError('load: --dtmf and --cases both say what callers press; use one');
  }
  if (options.cases === undefined) {
    const keys = options.dtmf ?? '';
    return [{ name: `--dtmf ${keys}`, steps: parseDtmfScript(keys), variables: {} }];
  }
  const loaded = await loadTestFile(options.cases, cwd);
  if (!loaded.ok) {
    const problems = loaded.problems.map(
      (p) => `  ${p.file}:${p.line}:${p.col}${p.field ? ` ${p.field}` : ''}: ${p.message}`,
    );
    throw new UsageError(`load: --cases ${options.cases} cannot be used:\n${problems.join('\n')}`);
  }
  const { file } = loaded;
  if (resolve(file.flowPath) !== resolve(flowPath)) {
    throw new UsageError(
      `load: --cases ${options.cases} tests ${file.flowDisplayPath}, not the flow being loaded`,
    );
  }
  if (file.test.cases.length === 0) {
    throw new UsageError(`load: --cases ${options.cases} has no cases`);
  }
  return caseCallers(file.test);
}
