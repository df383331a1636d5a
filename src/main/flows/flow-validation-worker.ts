/**
 * Validates one flow text on a worker thread, so that a big flow (up to the file size limit)
 * never holds the main process while it is checked. `load-flow-file.ts` imports this module
 * with `?modulePath`: bundled, that is the path of the worker chunk electron-vite emits; run
 * from source, Node loads this module and takes its default export, its own path.
 */
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { validateFlowText } from '../../shared/flow/validate-flow.ts';

/** What the worker is started with. */
export interface FlowValidationJob {
  kind: 'validate-flow';
  text: string;
}

const job = workerData as FlowValidationJob | null | undefined;
// Only a worker started for this job validates: imported anywhere else, this module does nothing.
if (!isMainThread && parentPort !== null && job?.kind === 'validate-flow') {
  // As JSON text, which the main thread takes in faster than a structured clone.
  parentPort.postMessage(JSON.stringify(validateFlowText(job.text)));
}

/** This module's own file, the worker to start when the app runs from source. */
export default fileURLToPath(import.meta.url);
