/**
 * Loads one test file from disk with everything it needs to run: the YAML parsed and validated,
 * its flow loaded (relative to the test file) and valid, and every node name an expectation
 * mentions present in that flow, so a misspelt node fails loudly instead of passing silently.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Flow } from '../../shared/flow/flow-schema.ts';
import { formatProblem } from '../../shared/flow/validate-flow.ts';
import { loadFlowFile } from '../flows/load-flow-file.ts';
import { closestWord } from './closest-word.ts';
import { parseTestFile } from './parse-test-file.ts';
import type { NodeReference, TestFile } from './test-file-types.ts';
import type { FileProblem } from './yaml-reader.ts';
import type { RecordingLengths } from '../engine/call-engine.ts';

/** A test file ready to run. */
export interface LoadedTestFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the working directory, `/`-separated: the JUnit suite name. */
  displayPath: string;
  test: TestFile;
  flow: Flow;
  /** Absolute path of the flow file. */
  flowPath: string;
  recordings: RecordingLengths;
  /** The flow file relative to the working directory, for reports. */
  flowDisplayPath: string;
}

/** A loaded file, or why it cannot run. */
export type LoadResult =
  { ok: true; file: LoadedTestFile } | { ok: false; problems: FileProblem[] };

/** The path as shown to the user: relative to `cwd`, with `/` on every platform. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path) || path;
  return rel.split(sep).join('/');
}

/** Reads a file as strict UTF-8; a readable message instead of an exception. */
async function readText(path: string): Promise<{ text: string } | { error: string }> {
  try {
    const bytes = await readFile(path);
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'no such file' };
    if (error instanceof TypeError) return { error: 'not valid UTF-8' };
    return { error: (error as Error).message };
  }
}

/** Every node name that the flow lacks, or that names a non-http node as a webhook's sender. */
function checkNodeReferences(
  file: string,
  flow: Flow,
  refs: readonly NodeReference[],
): FileProblem[] {
  const nodeIds = Object.keys(flow.nodes);
  const problems: FileProblem[] = [];
  for (const ref of refs) {
    const node = flow.nodes[ref.name];
    let message: string | null = null;
    if (!node) {
      const guess = closestWord(ref.name, nodeIds);
      message = `flow "${flow.id}" has no node "${ref.name}"${guess ? ` (did you mean "${guess}"?)` : ''}`;
    } else if (ref.httpOnly && node.type !== 'http') {
      message = `node "${ref.name}" is a ${node.type} node; only http nodes send webhooks`;
    }
    if (message)
      problems.push({ file, line: ref.pos.line, col: ref.pos.col, field: ref.field, message });
  }
  return problems;
}

/** Loads and checks the test file at `path` (relative to `cwd`). Never throws for bad input. */
export async function loadTestFile(path: string, cwd: string): Promise<LoadResult> {
  const absolute = resolve(cwd, path);
  const shown = displayPath(absolute, cwd);
  const read = await readText(absolute);
  if ('error' in read) {
    return {
      ok: false,
      problems: [{ file: shown, line: 1, col: 1, field: '', message: read.error }],
    };
  }
  const parsed = parseTestFile(shown, read.text);
  const problems = [...parsed.problems];
  let flow: Flow | null = null;
  let flowPath = '';
  let recordings: RecordingLengths = new Map();
  if (parsed.flow) {
    const { line, col } = parsed.flow.pos;
    const flowAbsolute = resolve(dirname(absolute), parsed.flow.value);
    const loaded = await loadFlowFile(flowAbsolute);
    const shownFlow = displayPath(flowAbsolute, cwd);
    const problem = (message: string): void => {
      problems.push({ file: shown, line, col, field: 'flow', message });
    };
    if (loaded.readError) problem(`${shownFlow}: ${loaded.readError}`);
    else if (!loaded.flow) {
      const errors = loaded.problems.filter((p) => p.severity === 'error');
      problem(
        `${shownFlow} is not a valid flow:\n${errors.map((p) => `    ${formatProblem(p)}`).join('\n')}`,
      );
    } else {
      flow = loaded.flow;
      flowPath = loaded.path;
      recordings = loaded.recordings;
      problems.push(...checkNodeReferences(shown, flow, parsed.nodeRefs));
    }
  }
  // Reading order is not line order (unknown keys are found before values): sort for the reader.
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  if (problems.length > 0 || !parsed.file || !flow) return { ok: false, problems };
  const test = parsed.file;
  return {
    ok: true,
    file: {
      path: absolute,
      displayPath: shown,
      test,
      flow,
      flowPath,
      recordings,
      flowDisplayPath: displayPath(flowPath, cwd),
    },
  };
}
