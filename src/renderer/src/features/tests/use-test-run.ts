/**
 * Runs a test file through `tests.run` for the Tests screen and keeps the last report, also
 * across visits to other screens (the run is not repeated just to see it again).
 */
import { useCallback, useRef, useState } from 'react';
import type { TestRunReport } from '../../../../shared/contract.ts';
import { call } from '../../api/ivr-api.ts';

/** A run and how to start one. */
export interface TestRunState {
  report: TestRunReport | null;
  running: boolean;
  /** Why the last run failed (the file cannot be read, an unknown environment…). */
  error: string | null;
  run(path: string, environmentId: string): void;
}

// The last report, kept while the window lives: the Tests screen shows it again when reopened.
let lastReport: TestRunReport | null = null;

/** The Tests screen's run. */
export function useTestRun(): TestRunState {
  const [report, setReport] = useState<TestRunReport | null>(lastReport);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Only the newest run's answer is shown: an older one may come back after it.
  const runs = useRef(0);

  const run = useCallback((path: string, environmentId: string) => {
    const seq = ++runs.current;
    setRunning(true);
    setError(null);
    call('tests.run', { path, environmentId }).then(
      (answer) => {
        if (seq !== runs.current) return;
        lastReport = answer;
        setReport(answer);
        setRunning(false);
      },
      (failed: Error) => {
        if (seq !== runs.current) return;
        setError(failed.message);
        setRunning(false);
      },
    );
  }, []);

  return { report, running, error, run };
}
