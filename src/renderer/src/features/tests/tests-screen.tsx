/**
 * The Tests screen: run a test file (the samples, saved tests, the workspace's `tests/`) with an
 * environment, as `ivr-console test --coverage` does; then on the left the coverage figures, each
 * case passed or failed with its failures, and the exits never taken; on the right, with all the
 * window's height (flows are drawn top to bottom), the flow view painted by coverage.
 */
import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import type { Environment, TestFileEntry, WorkspaceState } from '../../../../shared/contract.ts';
import { call } from '../../api/ivr-api.ts';
import { CoverageFigures, UntakenExits } from './coverage-summary.tsx';
import { CoveredFlow } from './covered-flow.tsx';
import { TestCaseList } from './test-case-list.tsx';
import { baseName, TestsForm } from './tests-form.tsx';
import { useTestRun } from './use-test-run.ts';
import './tests.css';

/** Props of {@link TestsScreen}. */
export interface TestsScreenProps {
  data: { environments: Environment[]; workspace: WorkspaceState | null };
  /** The phone's picks: the first file offered tests the phone's flow. */
  picks: { flowPath: string; environmentId: string };
}

// The picks, kept while the window lives, so coming back to the screen finds them.
let remembered: { path: string; environmentId: string } | null = null;

/** The file to offer first: the one picked before, else one of the phone's flow, else the first. */
function defaultFile(files: TestFileEntry[], flowPath: string): string {
  const runnable = files.filter((f) => f.problems.length === 0);
  const previous = runnable.find((f) => f.path === remembered?.path);
  return (previous ?? runnable.find((f) => f.flowPath === flowPath) ?? runnable[0])?.path ?? '';
}

/** Runs test files and shows their cases and coverage. */
export function TestsScreen({ data, picks }: TestsScreenProps): ReactElement {
  const [files, setFiles] = useState<TestFileEntry[] | null>(null);
  const [path, setPath] = useState(remembered?.path ?? '');
  const [environmentId, setEnvironmentId] = useState(
    remembered?.environmentId ?? picks.environmentId,
  );
  const [listError, setListError] = useState<string | null>(null);
  const test = useTestRun();

  useEffect(() => {
    let alive = true;
    call('tests.list', {}).then(
      (list) => {
        if (!alive) return;
        setFiles(list);
        setPath((current) =>
          list.some((f) => f.path === current) ? current : defaultFile(list, picks.flowPath),
        );
      },
      (failed: Error) => {
        if (!alive) return;
        setFiles([]);
        setListError(failed.message);
      },
    );
    return () => {
      alive = false;
    };
  }, [picks.flowPath]);

  const change = (patch: { path?: string; environmentId?: string }): void => {
    const next = { path: patch.path ?? path, environmentId: patch.environmentId ?? environmentId };
    remembered = next;
    setPath(next.path);
    setEnvironmentId(next.environmentId);
  };
  const report = test.report;

  return (
    <div className="tests" data-testid="tests-screen">
      <section className="panel tests__setup" aria-labelledby="tests-title">
        <h2 className="panel__title" id="tests-title">
          Tests
        </h2>
        <div className="panel__body tests__setup-body">
          <TestsForm
            files={files ?? []}
            loading={files === null}
            environments={data.environments}
            workspaceRoot={data.workspace?.root ?? null}
            path={path}
            environmentId={environmentId}
            running={test.running}
            onChange={change}
            onRun={() => test.run(path, environmentId)}
          />
          {listError && (
            <p className="tests__error" role="alert">
              The test files cannot be listed: {listError}
            </p>
          )}
          {test.error && (
            <p className="tests__error" role="alert">
              {test.error}
            </p>
          )}
          <div className="tests__status" role="status" aria-live="polite">
            {test.running
              ? 'Running the cases…'
              : report && (
                  <span data-testid="tests-result">
                    {baseName(report.file)}: {report.passed} passed, {report.failed} failed in{' '}
                    {Math.round(report.durationMs)} ms
                  </span>
                )}
          </div>
          {report && (
            <>
              <CoverageFigures report={report.coverage} />
              <TestCaseList cases={report.cases} />
              <UntakenExits report={report.coverage} />
            </>
          )}
        </div>
      </section>
      <section className="panel tests__coverage" aria-labelledby="tests-coverage-title">
        <h2 className="panel__title" id="tests-coverage-title">
          Coverage{report ? ` of ${report.coverage.flow.name}` : ''}
        </h2>
        {report ? (
          <CoveredFlow flowPath={report.flowPath} coverage={report.coverage} />
        ) : (
          <div className="panel__body">
            <div className="empty">
              <p className="empty__title">No test run yet</p>
              <p>
                Pick a test file and an environment and press Run: each case is called, and the flow
                is drawn with the nodes and exits the cases took.
              </p>
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
