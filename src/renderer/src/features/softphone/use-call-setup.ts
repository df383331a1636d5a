/**
 * What the next call is (flow, environment, numbers), kept by the console rather than by the
 * phone: it survives a visit to another screen (setting a secret on the Environments screen), a
 * replay taking the phone's place, and presenter mode; and the console can switch the phone to a
 * flow it just opened.
 */
import { useState } from 'react';
import type { Environment, FlowEntry, Settings } from '../../../../shared/contract.ts';
import type { CallSetupValues } from './call-setup.tsx';
import { initialSetup } from './initial-setup.ts';

/** The set-up and how to change it. */
export interface CallSetupState {
  /** Null until the console's data has loaded. */
  values: CallSetupValues | null;
  set(values: CallSetupValues): void;
  /** Switches the phone to the flow at `path` (opened, created, or played by autopilot). */
  pickFlow(path: string): void;
  /** Switches the phone to the environment `id`. */
  pickEnvironment(id: string): void;
}

/** Sources of the first set-up: the last call's, where it still makes sense. */
export interface CallSetupSources {
  lastCall: Settings['lastCall'] | null;
  flows: readonly FlowEntry[];
  environments: readonly Environment[];
}

/** The set-up, starting from the last call's once `lastCall` is known. */
export function useCallSetup({ lastCall, flows, environments }: CallSetupSources): CallSetupState {
  const [picked, setPicked] = useState<CallSetupValues | null>(null);
  let values = picked ?? (lastCall ? initialSetup(lastCall, flows, environments) : null);
  // An environment that went away with its workspace gives way to the first one.
  if (
    values &&
    environments.length > 0 &&
    !environments.some((e) => e.id === values?.environmentId)
  )
    values = { ...values, environmentId: environments[0]?.id ?? '' };
  const current = values;
  // On the latest pick (a flow opened after an await must not undo a change made meanwhile).
  const update = (patch: Partial<CallSetupValues>): void =>
    setPicked((latest) => {
      const base = latest ?? current;
      return base ? { ...base, ...patch } : latest;
    });
  return {
    values,
    set: setPicked,
    pickFlow: (path) => update({ flowPath: path }),
    pickEnvironment: (id) => update({ environmentId: id }),
  };
}
