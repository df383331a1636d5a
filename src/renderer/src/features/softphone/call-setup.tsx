/**
 * What the next call is: flow, environment, caller and called numbers. Locked while a call runs.
 * Flows come in the picker's groups (the workspace's, those opened before, the samples); an
 * environment whose file has problems cannot be picked, and one whose secrets are not all set
 * says so under the picker, with the way to set them.
 */
import { useId } from 'react';
import type { ReactElement } from 'react';
import type { Environment, FlowEntry } from '../../../../shared/contract.ts';
import { environmentOptions, flowOptions } from './setup-options.tsx';
import { environmentHint } from '../environments/environment-status.ts';

/** The call's set-up values. */
export interface CallSetupValues {
  flowPath: string;
  environmentId: string;
  source: string;
  destination: string;
}

/** Props of {@link CallSetup}. */
export interface CallSetupProps {
  values: CallSetupValues;
  onChange(values: CallSetupValues): void;
  flows: FlowEntry[];
  environments: Environment[];
  locked: boolean;
  /** Opens the Environments screen (to set a missing secret); absent: no button. */
  onOpenEnvironments?: () => void;
}

/** Picks the next call's flow and environment and its two numbers; locked while a call runs. */
export function CallSetup({
  values,
  onChange,
  flows,
  environments,
  locked,
  onOpenEnvironments,
}: CallSetupProps): ReactElement {
  const id = useId();
  const set = (patch: Partial<CallSetupValues>) => onChange({ ...values, ...patch });
  const flow = flows.find((f) => f.path === values.flowPath);
  const environment = environments.find((e) => e.id === values.environmentId);
  const hint = environmentHint(environment);
  return (
    <fieldset className="setup" disabled={locked}>
      <legend className="visually-hidden">Call set-up</legend>
      <div className="field setup__flow">
        <label className="field__label" htmlFor={`${id}-flow`}>
          Flow
        </label>
        <select
          id={`${id}-flow`}
          value={values.flowPath}
          onChange={(e) => set({ flowPath: e.target.value })}
          title={flow?.description ?? undefined}
        >
          {flows.length === 0 && <option value="">No flows found</option>}
          {flows.length > 0 && !flow && values.flowPath && (
            // Opened a moment ago: listed once the flow list has been read again.
            <option value={values.flowPath}>Opening…</option>
          )}
          {flowOptions(flows)}
        </select>
      </div>
      <div className="field setup__environment">
        {/* The hint shares the label's line: the phone must keep fitting the window. */}
        <div className="setup__label-row">
          <label className="field__label" htmlFor={`${id}-environment`}>
            Environment
          </label>
          {hint && (
            <span className="setup__hint" data-testid="environment-hint">
              <span className="setup__hint-text" id={`${id}-environment-hint`} title={hint.text}>
                {hint.text}
              </span>
              {onOpenEnvironments && (
                <button type="button" className="setup__hint-button" onClick={onOpenEnvironments}>
                  {hint.action}
                </button>
              )}
            </span>
          )}
        </div>
        <select
          id={`${id}-environment`}
          value={values.environmentId}
          onChange={(e) => set({ environmentId: e.target.value })}
          title={environment?.description}
          aria-describedby={hint ? `${id}-environment-hint` : undefined}
        >
          {environmentOptions(environments)}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-source`}>
          Caller (source)
        </label>
        <input
          id={`${id}-source`}
          type="tel"
          value={values.source}
          onChange={(e) => set({ source: e.target.value })}
          maxLength={32}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-destination`}>
          Called (destination)
        </label>
        <input
          id={`${id}-destination`}
          type="tel"
          value={values.destination}
          onChange={(e) => set({ destination: e.target.value })}
          maxLength={32}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
    </fieldset>
  );
}
