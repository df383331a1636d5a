/**
 * The Load screen: many simulated callers through a flow and its webhooks, as `ivr-console load`
 * runs them, on worker threads of the main process so the window (and a call placed on the phone
 * meanwhile) stays responsive. The set-up on the left; on the right how the run goes (a status
 * line, live charts), the per-node table, and the HTML report to export once it has ended.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ReactElement } from 'react';
import type { Environment, FlowEntry, TestFileEntry } from '../../../../shared/contract.ts';
import { toLoadJson } from '../../../../shared/load/load-json.ts';
import { call } from '../../api/ivr-api.ts';
import { LoadCharts } from './load-charts.tsx';
import { LoadForm } from './load-form.tsx';
import {
  initialFormValues,
  rememberedFormValues,
  rememberFormValues,
  toStartInput,
} from './load-form-values.ts';
import type { LoadFormValues } from './load-form-values.ts';
import { LoadProgress } from './load-progress.tsx';
import { LoadTable } from './load-table.tsx';
import { useLoadRun } from './use-load-run.ts';
import './load.css';

/** Props of {@link LoadScreen}. */
export interface LoadScreenProps {
  /** The console's flows and environments (the phone's pickers' lists). */
  data: { flows: FlowEntry[]; environments: Environment[] };
  /** The phone's picks: a new form starts from them. */
  picks: { flowPath: string; environmentId: string };
}

/** Sets up, runs and reports a load. */
export function LoadScreen(props: LoadScreenProps): ReactElement {
  const { flows, environments } = props.data;
  const load = useLoadRun();
  const [values, setValues] = useState<LoadFormValues>(
    () =>
      rememberedFormValues() ?? initialFormValues(props.picks.flowPath, props.picks.environmentId),
  );
  const [testFiles, setTestFiles] = useState<TestFileEntry[]>([]);

  useEffect(() => {
    let alive = true;
    call('tests.list', {}).then(
      (files) => alive && setTestFiles(files.filter((f) => f.problems.length === 0)),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);

  const change = (next: LoadFormValues): void => {
    rememberFormValues(next);
    setValues(next);
  };

  const status = load.status;
  const running = load.starting || status?.phase === 'running';
  const run = status?.run ?? null;
  // The table as the CLI prints it: the result once the run has ended, the counts so far before.
  const result = useMemo(() => {
    if (!status || !run || !status.tally) return null;
    if (status.result) return status.result;
    return toLoadJson({
      flowId: run.flowId,
      calls: run.calls,
      model: run.model,
      durationMs: status.elapsedMs,
      tally: status.tally,
    });
  }, [status, run]);
  const flowFiles = testFiles.filter((f) => f.flowPath === values.flowPath);

  return (
    <div className="load" data-testid="load-screen">
      <section className="panel load__setup" aria-labelledby="load-title">
        <h2 className="panel__title" id="load-title">
          Load
        </h2>
        <div className="panel__body">
          <p className="load__intro">
            Many callers at once through the flow and its webhooks: is every reply still inside the
            platform's limits?
          </p>
          <LoadForm
            values={values}
            onChange={change}
            flows={flows}
            environments={environments}
            testFiles={flowFiles}
            running={running}
            onStart={() => load.start(toStartInput(values))}
            onStop={load.stop}
          />
          {load.error && (
            <p className="load__error" role="alert">
              {load.error}
            </p>
          )}
        </div>
      </section>
      <section className="panel load__run" aria-labelledby="load-run-title">
        <div className="load__run-header">
          <h2 className="panel__title load__run-title" id="load-run-title">
            Run
          </h2>
          <button
            type="button"
            className="button button--small"
            onClick={load.exportReport}
            disabled={status?.phase !== 'finished'}
          >
            Export report
          </button>
        </div>
        <div className="panel__body load__run-body">
          {status && <LoadProgress status={status} />}
          {load.message && <p className="load__message">{load.message}</p>}
          {run ? (
            <>
              <p className="load__about" data-testid="load-about">
                {run.flowId} · {run.environmentName} · {run.calls.toLocaleString()} calls,{' '}
                {run.model.kind === 'closed'
                  ? `${run.model.concurrency} at once`
                  : `${run.model.rate} per second`}{' '}
                · {run.callers.length === 1 ? run.callers[0] : `${run.callers.length} cases`}
                {run.realtime ? ' · real time' : ''}
                {run.logPath ? ' · logged' : ''}
              </p>
              {result && <LoadTable result={result} />}
              {status?.tally && (
                <LoadCharts tally={status.tally} responseLimitMs={run.responseLimitMs} />
              )}
            </>
          ) : (
            <div className="empty">
              <p className="empty__title">No load run yet</p>
              <p>Pick a flow and an environment, say how many calls, and press Start.</p>
            </div>
          )}
        </div>
      </section>
    </div>
  );
}
