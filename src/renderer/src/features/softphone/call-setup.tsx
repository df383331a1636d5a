/**
 * What the next call is: flow, environment, caller and called numbers. Locked while a call runs.
 */
import { useId } from 'react';
import type { ReactElement } from 'react';
import type { Environment, FlowEntry } from '../../../../shared/contract.ts';
import { flowLabel } from './flow-label.ts';

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
}

/** The set-up fields. */
export function CallSetup({
  values,
  onChange,
  flows,
  environments,
  locked,
}: CallSetupProps): ReactElement {
  const id = useId();
  const set = (patch: Partial<CallSetupValues>) => onChange({ ...values, ...patch });
  const flow = flows.find((f) => f.path === values.flowPath);
  const environment = environments.find((e) => e.id === values.environmentId);
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
          {flows.map((f) => (
            <option key={f.path} value={f.path} disabled={!f.valid}>
              {flowLabel(f)}
            </option>
          ))}
        </select>
      </div>
      <div className="field setup__environment">
        <label className="field__label" htmlFor={`${id}-environment`}>
          Environment
        </label>
        <select
          id={`${id}-environment`}
          value={values.environmentId}
          onChange={(e) => set({ environmentId: e.target.value })}
          title={environment?.description}
        >
          {environments.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
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
