/**
 * Scripted call tests as the console uses them: a session saved as a test case (appended to
 * `<dataDir>/tests/<flow id>.yaml`, a file `ivr-console test` runs as is), and every case of the
 * sample and saved test files listed for presenter mode's autopilot.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import type { Document } from 'yaml';
import type { SavedTestCase, TestCaseEntry, TestFileEntry } from '../../shared/contract.ts';
import type { SessionDetail } from '../../shared/session-types.ts';
import { loadTestFile } from '../call-tests/load-test-file.ts';
import { sessionToTestCase } from '../call-tests/session-to-test-case.ts';
import { writeFileAtomic } from '../fs/write-file-atomic.ts';
import type { FlowCatalog } from './flow-catalog.ts';
import { ServiceError } from './service-errors.ts';

/** Saves and lists test cases. */
export interface TestCaseLibrary {
  /**
   * Appends `session` as a case to its flow's saved-tests file (created when new).
   *
   * @throws ServiceError `conflict` for a session that never ended or has no flow file
   */
  saveSession(session: SessionDetail, name?: string): Promise<SavedTestCase>;
  /**
   * Every test file in the samples and saved folders and in the open workspace's `tests/`, with
   * its cases or why it cannot run.
   */
  list(): Promise<TestFileEntry[]>;
}

const YAML_FILE = /\.ya?ml$/i;

/** The `flow:` of a test file in `dir`: relative when the flow is nearby, else absolute. */
function flowReference(dir: string, flowPath: string): string {
  const rel = relative(dir, flowPath);
  if (rel === '' || isAbsolute(rel)) return flowPath;
  return rel.split(sep).join('/');
}

function caseNames(doc: Document): Set<string> {
  const cases = doc.get('cases');
  const names = new Set<string>();
  if (!isSeq(cases)) return names;
  for (const item of cases.items) {
    if (isMap(item)) {
      const name = item.get('name');
      if (typeof name === 'string') names.add(name);
    }
  }
  return names;
}

function uniqueName(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted} (${n})`)) return `${wanted} (${n})`;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && YAML_FILE.test(entry.name))
    .map((entry) => join(dir, entry.name))
    .sort();
}

/**
 * The library over the sample tests in `samplesDir`, saved ones in `savedDir` and those of the
 * open workspace (`<workspace>/tests/`, ../shared/spec/WORKSPACE.md), when `workspaceRoot` names one.
 */
export function createTestCaseLibrary(
  samplesDir: string,
  savedDir: string,
  flows: FlowCatalog,
  workspaceRoot: () => string | null = () => null,
): TestCaseLibrary {
  // One save at a time: two saves racing on one file would each append to the old text.
  let queue: Promise<unknown> = Promise.resolve();

  const save = async (session: SessionDetail, name?: string): Promise<SavedTestCase> => {
    if (session.flowPath === null) {
      throw new ServiceError('conflict', `session ${session.id} has no flow file to test`);
    }
    const document = await flows.open(session.flowPath);
    const flowVariables = document.flow?.variables ?? {};
    const wanted =
      name?.trim() ||
      `${session.flowName}: ${session.status} after ${session.eventCount} events (${session.id.slice(0, 8)})`;
    const safeId = session.flowId.replace(/[^A-Za-z0-9_-]/g, '_') || 'flow';
    const file = join(savedDir, `${safeId}.yaml`);
    const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw new ServiceError('failed', `cannot read ${file}: ${error.message}`);
    });
    let doc: Document;
    if (existing === null) {
      doc = parseDocument(
        `# Test cases saved from the IVR Test Console's Sessions screen.\n` +
          `# Run: ivr-console test ${file} (add --demo-crm for calls made against the built-in demo CRM)\n` +
          `flow: ${JSON.stringify(flowReference(savedDir, document.path))}\ncases: []\n`,
      );
    } else {
      doc = parseDocument(existing);
      const flowValue = doc.get('flow');
      if (
        doc.errors.length > 0 ||
        typeof flowValue !== 'string' ||
        resolve(savedDir, flowValue) !== document.path
      ) {
        throw new ServiceError(
          'conflict',
          `${file} exists and is not this flow's saved-tests file (it is not valid YAML or names another flow); move it aside`,
        );
      }
    }
    let testCase;
    try {
      testCase = sessionToTestCase(session, flowVariables, uniqueName(wanted, caseNames(doc)));
    } catch (error) {
      throw new ServiceError('conflict', (error as Error).message);
    }
    let cases = doc.get('cases');
    if (!isSeq(cases)) {
      cases = new YAMLSeq();
      doc.set('cases', cases);
    }
    (cases as YAMLSeq).flow = false;
    (cases as YAMLSeq).items.push(doc.createNode(testCase));
    const yaml = doc.toString({ lineWidth: 0 });
    await writeFileAtomic(file, yaml, { createFolder: true });
    return { path: file, caseName: testCase.name, caseCount: (cases as YAMLSeq).items.length };
  };

  return {
    saveSession(session, name) {
      const run = queue.then(() => save(session, name));
      queue = run.catch(() => undefined);
      return run;
    },
    async list() {
      const root = workspaceRoot();
      const folders = [samplesDir, savedDir, ...(root === null ? [] : [join(root, 'tests')])];
      // A workspace may be the samples' own folder: each file once.
      const files = [
        ...new Set((await Promise.all(folders.map((dir) => yamlFiles(resolve(dir))))).flat()),
      ];
      return Promise.all(
        files.map(async (path): Promise<TestFileEntry> => {
          const loaded = await loadTestFile(path, dirname(path));
          const saved = resolve(dirname(path)) === resolve(savedDir);
          if (!loaded.ok) {
            return {
              path,
              saved,
              flowPath: null,
              flowName: null,
              cases: [],
              problems: loaded.problems.map((p) => `line ${p.line}: ${p.message}`),
            };
          }
          const { test, flow, flowPath } = loaded.file;
          const cases: TestCaseEntry[] = test.cases.map((c) => ({
            name: c.name,
            source: c.source ?? test.defaults.source ?? null,
            destination: c.destination ?? test.defaults.destination ?? null,
            variables: { ...test.defaults.variables, ...c.variables },
            dtmf: c.dtmf,
            steps: [...c.steps],
          }));
          return { path, saved, flowPath, flowName: flow.name, cases, problems: [] };
        }),
      );
    },
  };
}
