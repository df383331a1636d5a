/**
 * The flows the console offers, in the picker's three groups: the open workspace's flows, the
 * flows opened before (remembered across restarts), and the samples shipped in
 * `resources/flows`. Each entry carries its validation verdict.
 */
import { readdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { FlowDocument, FlowEntry, FlowGroup } from '../../shared/contract.ts';
import { loadFlowFile } from '../flows/load-flow-file.ts';
import { ServiceError } from './service-errors.ts';
import type { RecordingLengths } from '../engine/call-engine.ts';

/** Where the flows besides the samples come from. */
export interface FlowSources {
  /** The open workspace's flows (absolute path, and relative to the workspace). */
  workspaceFlows(): Promise<{ path: string; relative: string }[]>;
  /** Flow files opened before, most recent first. */
  recentFlows(): string[];
}

/** Lists and opens flow files. */
export interface FlowCatalog {
  list(): Promise<FlowEntry[]>;
  /** The flow at `path` for the page: its text's verdict and the flow. */
  open(path: string): Promise<FlowDocument>;
  /** The same, with what a call needs besides: the recorded prompts' lengths. */
  openToRun(path: string): Promise<RunnableFlowDocument>;
  /** The sample flows' folder. */
  readonly samplesDir: string;
}

/** A flow document with what only the main process needs to run it. */
export interface RunnableFlowDocument extends FlowDocument {
  recordings: RecordingLengths;
}

const NO_SOURCES: FlowSources = {
  workspaceFlows: async () => [],
  recentFlows: () => [],
};

/** A catalog over `samplesDir` and `sources`. */
export function createFlowCatalog(
  samplesDir: string,
  sources: FlowSources = NO_SOURCES,
): FlowCatalog {
  const entry = async (path: string, group: FlowGroup, label: string): Promise<FlowEntry> => {
    const loaded = await loadFlowFile(path);
    const errors = loaded.problems.filter((p) => p.severity === 'error').length;
    let raw: { id?: unknown; name?: unknown; description?: unknown } = {};
    if (loaded.flow) raw = loaded.flow;
    return {
      path: loaded.path,
      group,
      label,
      id: typeof raw.id === 'string' ? raw.id : null,
      name: typeof raw.name === 'string' ? raw.name : label,
      description: typeof raw.description === 'string' ? raw.description : null,
      sample: group === 'sample',
      valid: loaded.ok,
      errors: loaded.readError ? 1 : errors,
      warnings: loaded.problems.length - errors,
    };
  };
  const openToRun = async (path: string): Promise<RunnableFlowDocument> => {
    if (extname(path).toLowerCase() !== '.json') {
      throw new ServiceError('invalid_input', `flow files are .json files, not "${path}"`);
    }
    const loaded = await loadFlowFile(resolve(path));
    return {
      path: loaded.path,
      flow: loaded.flow,
      problems: loaded.problems,
      readError: loaded.readError,
      recordings: loaded.recordings,
    };
  };
  return {
    samplesDir,
    async list() {
      // A missing samples folder (a stripped-down install) just means no samples.
      const names = await readdir(samplesDir)
        .then((all) => all.filter((n) => extname(n) === '.json').sort())
        .catch(() => []);
      const workspace = await sources.workspaceFlows();
      const listed = new Set(workspace.map((f) => f.path));
      const samplePaths = names.map((n) => join(samplesDir, n));
      for (const path of samplePaths) listed.add(path);
      // A recent flow that is also in the workspace or a sample is listed once, in that group.
      const recent = sources.recentFlows().filter((p) => !listed.has(p));
      return Promise.all([
        ...workspace.map((f) => entry(f.path, 'workspace', f.relative)),
        ...recent.map((p) => entry(p, 'recent', basename(p))),
        ...samplePaths.map((p) => entry(p, 'sample', basename(p))),
      ]);
    },
    async open(path) {
      const { recordings: _recordings, ...document } = await openToRun(path);
      return document;
    },
    openToRun,
  };
}
