/**
 * Starting a call from the softphone: the flow the page names (granted, and runnable), then the
 * environment it picked (its secrets set), the picks remembered for next time, and the call
 * placed with the environment's variables under the ones typed.
 */
import type { ChannelOutputs, ValidInput } from '../../shared/contract.ts';
import type { CallManager } from './call-manager.ts';
import type { EnvironmentLibrary } from './environment-library.ts';
import type { FlowAccess } from './flow-access.ts';
import { runnableFlow } from './runnable-flow.ts';
import type { SettingsStore } from './settings-store.ts';

/** Starts calls. */
export interface CallStarter {
  /**
   * Places a call through the flow at `input.flowPath`.
   *
   * @throws ServiceError `forbidden` (a path the page was never shown), `not_found` / `conflict`
   *   (unreadable or broken flow, unknown environment, a secret without a value)
   */
  start(input: ValidInput<'call.start'>): Promise<ChannelOutputs['call.start']>;
}

/** What starting a call takes. */
export interface CallStarterDeps {
  flowAccess: FlowAccess;
  environments: EnvironmentLibrary;
  settings: SettingsStore;
  calls: CallManager;
}

/** The call starter over `deps`. */
export function createCallStarter(deps: CallStarterDeps): CallStarter {
  return {
    async start({ flowPath, environmentId, source, destination, variables }) {
      const document = await deps.flowAccess.openToRun(flowPath);
      const flow = runnableFlow(document);
      // After the flow: a broken flow is the first thing to fix, then a missing secret.
      const environment = await deps.environments.forCall(environmentId);
      deps.settings.update({
        lastCall: { flowPath: document.path, environmentId, source, destination },
      });
      const { callId, sessionId } = deps.calls.start({
        flow,
        flowPath: document.path,
        recordings: document.recordings,
        source,
        destination,
        variables: { ...environment.variables, ...variables },
        environment,
      });
      return { callId, sessionId };
    },
  };
}
