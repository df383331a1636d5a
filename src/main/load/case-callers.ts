/**
 * The callers of a test file's cases (`load --cases`, and the Load screen's test file): one per
 * case, its keys and call setup over the file's defaults, the file's variables kept apart so
 * they sit under the run's own (load-plan.ts `callerVariables`). Expectations are not checked
 * under load.
 */
import type { TestFile } from '../call-tests/test-file-types.ts';
import type { LoadCaller } from './load-plan.ts';

/** One caller per case of `test`, in the file's order. */
export function caseCallers(test: TestFile): LoadCaller[] {
  const { defaults } = test;
  return test.cases.map((c) => {
    const source = c.source ?? defaults.source;
    const destination = c.destination ?? defaults.destination;
    const customer = c.customer ?? defaults.customer;
    const projectid = c.projectid ?? defaults.projectid;
    return {
      name: c.name,
      steps: c.steps,
      ...(source ? { source } : {}),
      ...(destination ? { destination } : {}),
      ...(customer ? { customer } : {}),
      ...(projectid ? { projectid } : {}),
      variables: c.variables,
      fileVariables: defaults.variables,
    };
  });
}
