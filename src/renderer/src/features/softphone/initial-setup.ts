/**
 * The set-up a fresh console starts with: the last call's, where it still makes sense.
 */
import type { Environment, FlowEntry, Settings } from '../../../../shared/contract.ts';
import type { CallSetupValues } from './call-setup.tsx';

/**
 * The last call's flow, environment and numbers; a flow that is gone or now invalid gives way to
 * the first valid one, an unknown environment to the first one.
 */
export function initialSetup(
  lastCall: Settings['lastCall'],
  flows: readonly FlowEntry[],
  environments: readonly Environment[],
): CallSetupValues {
  const remembered = flows.find((f) => f.path === lastCall.flowPath && f.valid);
  const flow = remembered ?? flows.find((f) => f.valid) ?? flows[0];
  const environment = environments.find((e) => e.id === lastCall.environmentId) ?? environments[0];
  return {
    flowPath: flow?.path ?? '',
    environmentId: environment?.id ?? '',
    source: lastCall.source,
    destination: lastCall.destination,
  };
}
