/**
 * Who calls in a load run started from the console: every caller pressing the keys typed (the
 * `--dtmf` notation), or callers taking turns through the cases of a test file the console lists
 * (its keys and call setup; expectations are not checked under load), as `ivr-console load` does
 * with `--dtmf` and `--cases`.
 */
import { dirname, resolve } from 'node:path';
import { loadTestFile } from '../call-tests/load-test-file.ts';
import { readDtmfScript } from '../calls/dtmf-script.ts';
import { caseCallers } from '../load/case-callers.ts';
import type { LoadCaller } from '../load/load-plan.ts';
import { ServiceError } from './service-errors.ts';

/** Where callers come from. */
export interface LoadCallerSource {
  /** The keys every caller presses; empty presses none. */
  keys?: string | undefined;
  /** A test file (absolute), instead of keys. */
  testFile?: string | undefined;
}

/** The one caller of typed keys. */
export function keyCallers(keys: string): LoadCaller[] {
  const read = readDtmfScript(keys);
  if ('problem' in read) throw new ServiceError('invalid_input', `keys: ${read.problem}`);
  return [{ name: `--dtmf ${keys.trim()}`, steps: read.steps, variables: {} }];
}

/**
 * The callers of a test file: one per case, with the file's defaults under each case's own.
 *
 * @throws ServiceError `invalid_input` when the file cannot be used (its problems listed), tests
 *   another flow than `flowPath`, or has no cases
 */
export async function testFileCallers(testFile: string, flowPath: string): Promise<LoadCaller[]> {
  const loaded = await loadTestFile(testFile, dirname(testFile));
  if (!loaded.ok) {
    const problems = loaded.problems
      .slice(0, 3)
      .map((p) => `${p.file}:${p.line}:${p.col}${p.field ? ` ${p.field}` : ''}: ${p.message}`);
    throw new ServiceError(
      'invalid_input',
      `test file ${testFile} cannot be used: ${problems.join('; ')}`,
    );
  }
  const { file } = loaded;
  if (resolve(file.flowPath) !== resolve(flowPath)) {
    throw new ServiceError(
      'invalid_input',
      `test file ${testFile} tests ${file.flowPath}, not the flow being loaded (${flowPath})`,
    );
  }
  if (file.test.cases.length === 0)
    throw new ServiceError('invalid_input', `test file ${testFile} has no cases`);
  return caseCallers(file.test);
}

/** The callers of `source`: a test file's cases, else the typed keys (none: pressing nothing). */
export function loadCallers(source: LoadCallerSource, flowPath: string): Promise<LoadCaller[]> {
  if (source.testFile !== undefined) return testFileCallers(source.testFile, flowPath);
  return Promise.resolve(keyCallers(source.keys ?? ''));
}
