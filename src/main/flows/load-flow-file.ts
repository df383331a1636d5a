/**
 * Reads a flow file from disk and validates it, turning every way that can fail (missing file,
 * too large, not UTF-8, not JSON, not a valid flow) into problems that name the file and the place.
 */
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FlowValidation } from '../../shared/flow/validate-flow.ts';
import { validateFlowText } from '../../shared/flow/validate-flow.ts';
import { readBoundedText } from '../workspace/read-bounded-text.ts';
import { audioReferences, readFlowRecordings } from './flow-recordings.ts';
import type { FlowValidationJob } from './flow-validation-worker.ts';
import workerPath from './flow-validation-worker.ts?modulePath';
import type { RecordingLengths } from '../engine/call-engine.ts';

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
  recordings: RecordingLengths;
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
    return {
      path: absolute,
      readError,
      ok: false,
      flow: null,
      problems: [],
      recordings: new Map(),
    };
  }
  return { path: absolute, readError: null, ...(await validateFlowSource(read.text, absolute)) };
}

/**
 * Validates `text` as if it were the flow file at `path` (absolute): the validator's verdict
 * (off the main thread for a big text) and the recorded prompts', read relative to the file's
 * folder. What loading a file does once it has the text; the editor asks it of unsaved text.
 * Never throws.
 */
export async function validateFlowSource(
  text: string,
  path: string,
): Promise<FlowValidation & { recordings: RecordingLengths }> {
  const validation =
    text.length > INLINE_VALIDATION_LIMIT ? await validateOffThread(text) : validateFlowText(text);
  return withRecordings(validation, text, path);
}

/**
 * Adds the recorded prompts to a validation: their lengths, and an error for each that cannot be
 * played. A flow with other errors has its recordings checked too (every error at once), read
 * from the text, which is parsed again only when it mentions `audio` at all.
 */
async function withRecordings(
  validation: FlowValidation,
  text: string,
  path: string,
): Promise<FlowValidation & { recordings: RecordingLengths }> {
  let references: { id: string; audio: string }[] = [];
  if (validation.flow) references = audioReferences(validation.flow);
  else if (text.includes('"audio"')) {
    try {
      references = audioReferences(JSON.parse(text));
    } catch {
      // Not JSON: the validation already says so.
    }
  }
  if (references.length === 0) return { ...validation, recordings: new Map() };
  const { lengths, problems } = await readFlowRecordings(references, dirname(path));
  if (problems.length === 0) return { ...validation, recordings: lengths };
  const errors = validation.problems.filter((p) => p.severity === 'error');
  const warnings = validation.problems.filter((p) => p.severity !== 'error');
  return {
    ok: false,
    flow: null,
    problems: [...errors, ...problems, ...warnings],
    recordings: lengths,
  };
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
