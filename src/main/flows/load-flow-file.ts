/**
 * Reads a flow file from disk and validates it, turning every way that can fail (missing file,
 * too large, not UTF-8, not JSON, not a valid flow) into problems that name the file and the place.
 */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FlowValidation } from '../../shared/flow/validate-flow.ts';
import { validateFlowText } from '../../shared/flow/validate-flow.ts';
import { readBoundedText } from '../workspace/read-bounded-text.ts';
import type { FlowValidationJob } from './flow-validation-worker.ts';
import workerPath from './flow-validation-worker.ts?modulePath';

/**
 * The largest flow file read (2 MiB, documented in docs/flow-limits.md). Real flows are a few
 * kilobytes. The validator is linear, but the densest flows still take about 0.35 ms per KiB;
 * it runs off the main thread, which only takes in the verdict, and that (the flow and its
 * problems) grows with the file too: at 2 MiB the main thread is held about 100 to 200 ms at
 * worst, at 5 MiB up to half a second (`npm run bench -- --only validation`).
 */
export const MAX_FLOW_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Flow texts longer than this (in UTF-16 units) are validated on a worker thread. Up to here
 * validation takes well under 100 ms even for the densest flows, less than starting a worker.
 */
export const INLINE_VALIDATION_LIMIT = 128 * 1024;

/** A flow file's validation, with the file it came from. */
export interface LoadedFlow extends FlowValidation {
  /** Absolute path. */
  path: string;
  /** Set when the file could not be read at all (not found, a directory, too large, not UTF-8). */
  readError: string | null;
}

// The wording the CLI and the app have always shown for these, kept for flow files.
const FLOW_WORDING = new Map([
  ['does not exist', 'no such file'],
  ['is a folder, not a file', 'is a directory, not a flow file'],
  ['is not valid UTF-8 text', 'not valid UTF-8'],
]);

/** Loads and validates the flow at `path` (relative to `cwd`). Never throws. */
export async function loadFlowFile(path: string, cwd = process.cwd()): Promise<LoadedFlow> {
  const absolute = resolve(cwd, path);
  // Bounded: a huge file, a FIFO or a device named by mistake costs nothing and is left as it is.
  const read = await readBoundedText(absolute, MAX_FLOW_FILE_BYTES);
  if ('error' in read) {
    const readError = FLOW_WORDING.get(read.error) ?? read.error;
    return { path: absolute, readError, ok: false, flow: null, problems: [] };
  }
  const validation =
    read.text.length > INLINE_VALIDATION_LIMIT
      ? await validateOffThread(read.text)
      : validateFlowText(read.text);
  return { path: absolute, readError: null, ...validation };
}

/**
 * Validates `text` on a worker thread of its own. A worker that runs out of memory (a hostile
 * flow) gives one root error saying so; one that cannot run for any other reason (it failed to
 * start or to load) leaves the job to this thread: slower, never wrong.
 */
export function validateOffThread(text: string): Promise<FlowValidation> {
  return new Promise((done) => {
    const job: FlowValidationJob = { kind: 'validate-flow', text };
    let settled = false;
    const settle = (validation: () => FlowValidation): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      done(validation());
    };
    const worker = new Worker(workerPath, { workerData: job });
    // The verdict comes as JSON text: parsing it holds this thread less than structured-clone
    // decoding of the same objects (about 100 ms instead of 200 for the biggest flows).
    worker.once('message', (json: string) => settle(() => JSON.parse(json) as FlowValidation));
    worker.once('error', (error: NodeJS.ErrnoException) =>
      settle(() =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? {
              ok: false,
              flow: null,
              problems: [
                {
                  severity: 'error',
                  pointer: '',
                  code: 'validation-failed',
                  message: 'the flow could not be validated: it needs too much memory',
                },
              ],
            }
          : validateFlowText(text),
      ),
    );
    worker.once('exit', () => settle(() => validateFlowText(text)));
  });
}
