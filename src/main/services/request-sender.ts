/**
 * "Send request" from the flow view: one `http` node of a flow the page names, rendered with the
 * environment it picked and fired on its own (calls/send-request.ts). No call, nothing logged.
 */
import type { SentRequest, ValidInput } from '../../shared/contract.ts';
import { sendRequest, SendRequestError } from '../calls/send-request.ts';
import type { EnvironmentLibrary } from './environment-library.ts';
import type { FlowAccess } from './flow-access.ts';
import { runnableFlow } from './runnable-flow.ts';
import { ServiceError } from './service-errors.ts';

/** Sends one node's request. */
export interface RequestSender {
  /**
   * @throws ServiceError `not_found` for an unknown node or one that is not `http`, and what
   *   opening the flow and the environment throws
   */
  send(input: ValidInput<'request.send'>): Promise<SentRequest>;
}

/** The request sender over the environments and flow access. */
export function createRequestSender(deps: {
  environments: EnvironmentLibrary;
  flowAccess: FlowAccess;
}): RequestSender {
  return {
    async send({ flowPath, nodeId, environmentId, variables }) {
      const environment = await deps.environments.forCall(environmentId);
      const flow = runnableFlow(await deps.flowAccess.openToRun(flowPath));
      try {
        return await sendRequest({ flow, nodeId, environment, variables: variables ?? {} });
      } catch (error) {
        if (error instanceof SendRequestError) throw new ServiceError('not_found', error.message);
        throw error;
      }
    },
  };
}
