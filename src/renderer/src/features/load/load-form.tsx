/**
 * The Load screen's form: flow and environment (the phone's pickers' lists), how many calls, callers
 * at once or calls per second, the keys every caller presses or a test file whose cases they take
 * turns through, real time, logging; Start and Stop. Locked while a run goes.
 */
import { useId } from 'react';
import type { FormEvent, ReactElement } from 'react';
import type { Environment, FlowEntry, TestFileEntry } from '../../../../shared/contract.ts';
import { environmentOptions, flowOptions } from '../softphone/setup-options.tsx';
import type { LoadFormValues } from './load-form-values.ts';

/** Props of {@link LoadForm}. */
export interface LoadFormProps {
  values: LoadFormValues;
  onChange(values: LoadFormValues): void;
  flows: FlowEntry[];
  environments: Environment[];
  /** The test files of the picked flow. */
  testFiles: TestFileEntry[];
  running: boolean;
  onStart(): void;
  onStop(): void;
}

/** The load's set-up and its Start / Stop buttons. */
export function LoadForm(props: LoadFormProps): ReactElement {
  const { values, flows, environments, testFiles, running } = props;
  const id = useId();
  const set = (patch: Partial<LoadFormValues>): void => props.onChange({ ...values, ...patch });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!running) props.onStart();
  };
  const testFileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;
  return (
    <form className="load-form" onSubmit={submit} aria-label="Load set-up">
      <fieldset className="load-form__fields" disabled={running}>
        <legend className="visually-hidden">Load set-up</legend>
        <div className="field load-form__wide">
          <label className="field__label" htmlFor={`${id}-flow`}>
            Flow
          </label>
          <select
            id={`${id}-flow`}
            value={values.flowPath}
            onChange={(e) => set({ flowPath: e.target.value, testFile: '' })}
          >
            {flows.length === 0 && <option value="">No flows found</option>}
            {flowOptions(flows)}
          </select>
        </div>
        <div className="field load-form__wide">
          <label className="field__label" htmlFor={`${id}-environment`}>
            Environment
          </label>
          <select
            id={`${id}-environment`}
            value={values.environmentId}
            onChange={(e) => set({ environmentId: e.target.value })}
          >
            {environmentOptions(environments)}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-calls`}>
            Calls
          </label>
          <input
            id={`${id}-calls`}
            inputMode="numeric"
            value={values.calls}
            onChange={(e) => set({ calls: e.target.value })}
            autoComplete="off"
          />
        </div>
        <fieldset className="load-form__choice">
          <legend className="field__label">Load</legend>
          <label className="check">
            <input
              type="radio"
              name={`${id}-model`}
              checked={values.model === 'closed'}
              onChange={() => set({ model: 'closed' })}
            />
            Callers at once
          </label>
          <label className="check">
            <input
              type="radio"
              name={`${id}-model`}
              checked={values.model === 'open'}
              onChange={() => set({ model: 'open' })}
            />
            Calls per second
          </label>
        </fieldset>
        <div className="field">
          {values.model === 'closed' ? (
            <>
              <label className="field__label" htmlFor={`${id}-concurrency`}>
                How many at once
              </label>
              <input
                id={`${id}-concurrency`}
                inputMode="numeric"
                value={values.concurrency}
                onChange={(e) => set({ concurrency: e.target.value })}
                autoComplete="off"
              />
            </>
          ) : (
            <>
              <label className="field__label" htmlFor={`${id}-rate`}>
                How many per second
              </label>
              <input
                id={`${id}-rate`}
                inputMode="decimal"
                value={values.rate}
                onChange={(e) => set({ rate: e.target.value })}
                autoComplete="off"
              />
            </>
          )}
        </div>
        <fieldset className="load-form__choice">
          <legend className="field__label">Callers press</legend>
          <label className="check">
            <input
              type="radio"
              name={`${id}-callers`}
              checked={values.callers === 'keys'}
              onChange={() => set({ callers: 'keys' })}
            />
            Keys
          </label>
          <label className="check">
            <input
              type="radio"
              name={`${id}-callers`}
              checked={values.callers === 'file'}
              onChange={() => set({ callers: 'file' })}
            />
            A test file's cases
          </label>
        </fieldset>
        <div className="field load-form__wide">
          {values.callers === 'keys' ? (
            <>
              <label className="field__label" htmlFor={`${id}-keys`}>
                Keys every caller presses
              </label>
              <input
                id={`${id}-keys`}
                className="mono"
                value={values.keys}
                placeholder="12345#1111  (~ waits a prompt out)"
                onChange={(e) => set({ keys: e.target.value })}
                autoComplete="off"
                spellCheck={false}
              />
            </>
          ) : (
            <>
              <label className="field__label" htmlFor={`${id}-test-file`}>
                Test file
              </label>
              <select
                id={`${id}-test-file`}
                value={values.testFile}
                onChange={(e) => set({ testFile: e.target.value })}
              >
                <option value="">
                  {testFiles.length === 0 ? 'No test file for this flow' : 'Pick a test file'}
                </option>
                {testFiles.map((file) => (
                  <option key={file.path} value={file.path} title={file.path}>
                    {testFileName(file.path)} ({file.cases.length} case
                    {file.cases.length === 1 ? '' : 's'})
                  </option>
                ))}
              </select>
            </>
          )}
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={values.realtime}
            onChange={(e) => set({ realtime: e.target.checked })}
          />
          Real time (prompts and timeouts take their time)
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={values.log}
            onChange={(e) => set({ log: e.target.checked })}
          />
          Log every call in Sessions
        </label>
      </fieldset>
      <div className="load-form__actions">
        <button type="submit" className="button button--primary" disabled={running}>
          Start
        </button>
        <button type="button" className="button" disabled={!running} onClick={props.onStop}>
          Stop
        </button>
      </div>
    </form>
  );
}
