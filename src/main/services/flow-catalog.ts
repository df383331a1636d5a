/**
 * The flows the console offers: the samples shipped in `resources/flows`, plus any flow file the
 * user opened (remembered for the session). Each entry carries its validation verdict.
 */
import { readdir } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { FlowDocument, FlowEntry } from '../../shared/contract.ts';
import { loadFlowFile } from '../flows/load-flow-file.ts';
import { ServiceError } from './service-errors.ts';

/** Lists and opens flow files. */
export interface FlowCatalog {
  list(): Promise<FlowEntry[]>;
  open(path: string): Promise<FlowDocument>;
}

/** A catalog over `samplesDir`. */
export function createFlowCatalog(samplesDir: string): FlowCatalog {
  const opened = new Set<string>();
  const entry = async (path: string, sample: boolean): Promise<FlowEntry> => {
    const loaded = await loadFlowFile(path);
    const errors = loaded.problems.filter((p) => p.severity === 'error').length;
    let raw: { id?: unknown; name?: unknown; description?: unknown } = {};
    if (loaded.flow) raw = loaded.flow;
    return {
      path: loaded.path,
      id: typeof raw.id === 'string' ? raw.id : null,
      name:
        typeof raw.name === 'string' ? raw.name : (loaded.path.split(/[\\/]/).pop() ?? loaded.path),
      description: typeof raw.description === 'string' ? raw.description : null,
      sample,
      group: sample ? 'sample' : 'recent',
      label: loaded.path.split(/[\\/]/).pop() ?? loaded.path,
      valid: loaded.ok,
      errors: loaded.readError ? 1 : errors,
      warnings: loaded.problems.length - errors,
    };
  };
  return {
    async list() {
      // A missing samples folder (a stripped-down install) just means no samples.
      const names = await readdir(samplesDir)
        .then((all) => all.filter((n) => extname(n) === '.json').sort())
        .catch(() => []);
      const samples = await Promise.all(names.map((n) => entry(join(samplesDir, n), true)));
      const others = await Promise.all([...opened].map((p) => entry(p, false)));
      return [...samples, ...others];
    },
    async open(path) {
      if (extname(path).toLowerCase() !== '.json') {
        throw new ServiceError('invalid_input', `flow files are .json files, not "${path}"`);
      }
      const loaded = await loadFlowFile(resolve(path));
      if (!loaded.readError) opened.add(loaded.path);
      return {
        path: loaded.path,
        flow: loaded.flow,
        problems: loaded.problems,
        readError: loaded.readError,
      };
    },
  };
}
