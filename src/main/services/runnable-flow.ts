/**
 * A flow file opened to be run (a call, a re-run): its flow, or a refusal that says why it cannot
 * run, the same words wherever a call is started from.
 */
import type { FlowDocument } from '../../shared/contract.ts';
import type { Flow } from '../../shared/flow/flow-schema.ts';
import { ServiceError } from './service-errors.ts';

/**
 * The flow of `document`.
 *
 * @throws ServiceError `not_found` when the file cannot be read, `conflict` when it has errors
 *   (naming how many and the first)
 */
export function runnableFlow(document: FlowDocument): Flow {
  if (document.readError) {
    throw new ServiceError('not_found', `${document.path}: ${document.readError}`);
  }
  if (!document.flow) {
    const errors = document.problems.filter((p) => p.severity === 'error');
    const first = errors[0];
    throw new ServiceError(
      'conflict',
      `the flow has ${errors.length} error${errors.length === 1 ? '' : 's'}${first ? `, first: ${first.pointer}: ${first.message}` : ''}`,
    );
  }
  return document.flow;
}
