/**
 * "Generate tests" on the flow view (`flows.explore`, `tests.saveGenerated`): explores a flow as
 * `ivr-console explore` does, in an environment of the console (its mocks answered by the
 * console's mock server), and saves the generated test file, never over an existing file: a
 * hand-written test must not be lost, so a taken name gets `-2`, `-3`… instead.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ExploreReport } from '../../shared/contract/coverage-types.ts';
import { formatProblem } from '../../shared/flow/validate-flow.ts';
import { exploreFlow } from '../explore/explore-flow.ts';
import { loadFlowFile } from '../flows/load-flow-file.ts';
import type { EnvironmentLibrary } from './environment-library.ts';
import { ServiceError } from './service-errors.ts';
import { isInside } from './test-file-access.ts';

/** Explores flows and saves what it generates. */
export interface FlowExplorer {
  /**
   * Explores the flow at `flowPath` in environment `environmentId`; writes nothing.
   *
   * @throws ServiceError `forbidden` for a flow the page was never shown; `invalid_input` for a
   *   flow that cannot be read or is invalid; what
   *   EnvironmentLibrary.forCall throws for an environment that cannot place calls
   */
  explore(input: {
    flowPath: string;
    environmentId: string;
    maxCases?: number;
  }): Promise<ExploreReport>;
  /**
   * Saves `text` at `path` (a report's `suggestedPath`), or beside it under a free name.
   *
   * @throws ServiceError `forbidden` for a path outside the open workspace's tests/ folder and the
   *   saved-tests folder, or not a .yaml file
   */
  save(input: { path: string; text: string }): Promise<{ path: string }>;
}

/** What the explorer is built from (all already in the console services). */
export interface FlowExplorerDeps {
  environments: EnvironmentLibrary;
  /** The open workspace's folder, or null: its tests/ folder is where generated files go. */
  workspaceRoot: () => string | null;
  /** The saved-tests folder (`<dataDir>/tests`), used without a workspace. */
  savedTestsDir: string;
  /**
   * Throws ServiceError `forbidden` for a flow the page was never shown (the desktop app's
   * grants): exploring places calls against the environment's webhooks, as a call would.
   */
  checkFlow?: (path: string) => void;
}

/** The explorer over `deps`. */
export function createFlowExplorer(deps: FlowExplorerDeps): FlowExplorer {
  const testsFolder = (): string => {
    const root = deps.workspaceRoot();
    return root === null ? resolve(deps.savedTestsDir) : resolve(root, 'tests');
  };
  return {
    async explore({ flowPath, environmentId, maxCases }) {
      deps.checkFlow?.(flowPath);
      const loaded = await loadFlowFile(flowPath);
      if (loaded.readError) {
        throw new ServiceError('invalid_input', `flow ${flowPath}: ${loaded.readError}`);
      }
      if (!loaded.flow) {
        const first = loaded.problems.slice(0, 5).map(formatProblem).join('; ');
        throw new ServiceError('invalid_input', `flow ${flowPath} is not valid: ${first}`);
      }
      const environment = await deps.environments.forCall(environmentId);
      return exploreFlow({
        flow: loaded.flow,
        flowPath: loaded.path,
        recordings: loaded.recordings,
        environment,
        variables: {},
        environmentId,
        outputPath: join(testsFolder(), `${loaded.flow.id}.explored.yaml`),
        ...(maxCases === undefined ? {} : { maxCases }),
      });
    },
    async save({ path, text }) {
      const wanted = resolve(path);
      const allowed = [testsFolder(), resolve(deps.savedTestsDir)];
      if (!allowed.some((folder) => isInside(folder, wanted)) || extname(wanted) !== '.yaml') {
        throw new ServiceError(
          'forbidden',
          `${path}: generated tests are saved as .yaml files in the workspace's tests/ folder or the saved-tests folder`,
        );
      }
      await mkdir(dirname(wanted), { recursive: true });
      const stem = basename(wanted, '.yaml');
      for (let n = 1; ; n++) {
        const candidate = join(dirname(wanted), n === 1 ? `${stem}.yaml` : `${stem}-${n}.yaml`);
        try {
          // `wx`: fails when the file exists, even if it appeared a moment ago.
          await writeFile(candidate, text, { flag: 'wx' });
          return { path: candidate };
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
    },
  };
}
