/**
 * `test <file.yaml|dir>...`: runs scripted call tests (../shared/spec/CLI.md, "`test` files").
 * Every file is validated, flow included, before any call is placed; then each case runs through
 * the real engine like `run`. Exit 0 when every case passes, 1 when any fails, 2 for usage errors
 * and invalid test files or flows (each problem on stderr as `file:line:col: field: message`).
 *
 * Test calls are not logged unless asked (`--log`, `--db`): a CI suite or a developer's
 * repeated runs would otherwise bury the real sessions in the desktop app's log.
 *
 * `--coverage` (implied by `--coverage-html` and `--min-coverage`) keeps each call's events to
 * count the nodes and exits the cases took, per flow; without it no event is kept.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { collectTestFiles, TestFileError } from '../../call-tests/collect-test-files.ts';
import {
  formatCase,
  formatSuiteHeader,
  formatSummary,
  tally,
} from '../../call-tests/format-results.ts';
import { junitReport } from '../../call-tests/junit-report.ts';
import type { LoadedTestFile } from '../../call-tests/load-test-file.ts';
import { loadTestFile } from '../../call-tests/load-test-file.ts';
import { toTestRunJson } from '../../call-tests/results-json.ts';
import { runTestFiles } from '../../call-tests/run-test-files.ts';
import type { RunProgress } from '../../call-tests/run-test-files.ts';
import { formatFileProblem } from '../../call-tests/yaml-reader.ts';
import type { DemoCrm } from '../../demo-crm/demo-crm-server.ts';
import { writeFileAtomic } from '../../fs/write-file-atomic.ts';
import type { CoverageReport } from '../../../shared/coverage/coverage-report.ts';
import { collectCoverage, flowsBelow } from '../../coverage/collect-coverage.ts';
import { renderCoverageHtml } from '../../coverage/coverage-html.ts';
import { formatCoverage } from '../../coverage/coverage-text.ts';
import { parseMinCoverage } from '../../coverage/min-coverage.ts';
import type { SessionStore } from '../../store/session-store.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT, parseOptions, println, UsageError } from '../cli-io.ts';
import { directToDemoCrm, refuseTwoCrmBases, startDemoCrmWhenAsked } from '../demo-crm-option.ts';
import { ENVIRONMENT_OPTIONS, resolveCliEnvironment } from '../environment-option.ts';
import { parseVarOptions } from '../name-value-options.ts';
import { openSessionLog } from '../session-log-option.ts';

const OPTIONS = {
  'demo-crm': { type: 'boolean' },
  var: { type: 'string', multiple: true },
  ...ENVIRONMENT_OPTIONS,
  junit: { type: 'string' },
  json: { type: 'boolean' },
  log: { type: 'boolean' },
  db: { type: 'string' },
  coverage: { type: 'boolean' },
  'coverage-html': { type: 'string' },
  'min-coverage': { type: 'string' },
} as const;

/** Loads every file; prints every problem of every file and returns null when any has one. */
async function loadAll(paths: string[], io: CliIo): Promise<LoadedTestFile[] | null> {
  const results = await Promise.all(paths.map((path) => loadTestFile(path, io.cwd)));
  const bad = results.filter((r) => !r.ok);
  if (bad.length === 0) return results.flatMap((r) => (r.ok ? [r.file] : []));
  let count = 0;
  for (const result of bad) {
    for (const problem of result.ok ? [] : result.problems) {
      println(io.stderr, formatFileProblem(problem));
      count++;
    }
  }
  println(
    io.stderr,
    `test: ${count} problem${count === 1 ? '' : 's'} in ${bad.length} of ${paths.length} test file${paths.length === 1 ? '' : 's'}; no case was run`,
  );
  return null;
}

/** The test files `args` name; a name that holds none is a usage error. */
async function testFilesNamed(args: readonly string[], cwd: string): Promise<string[]> {
  try {
    return await collectTestFiles(args, cwd);
  } catch (error) {
    if (error instanceof TestFileError) throw new UsageError(`test: ${error.message}`);
    throw error;
  }
}

/** Human progress: a header per file, a line (or a few) per case as it finishes. */
function humanProgress(io: CliIo): RunProgress {
  let first = true;
  return {
    onSuiteStart(file) {
      if (!first) println(io.stdout);
      first = false;
      println(io.stdout, formatSuiteHeader(file));
    },
    onCase(_file, result) {
      for (const line of formatCase(result)) println(io.stdout, line);
    },
  };
}

/** A report file the user named: resolved, and refused when it names a folder. */
async function reportPath(
  option: string,
  value: string | undefined,
  cwd: string,
): Promise<string | null> {
  if (value === undefined) return null;
  const path = resolve(cwd, value);
  if ((await stat(path).catch(() => null))?.isDirectory()) {
    throw new UsageError(`test: --${option} ${value}: is a directory; name the report file`);
  }
  return path;
}

/** `--min-coverage`'s percent, or null when not given. */
function minCoverage(value: string | undefined): number | null {
  if (value === undefined) return null;
  const parsed = parseMinCoverage(value);
  if ('error' in parsed) throw new UsageError(`test: ${parsed.error}`);
  return parsed.percent;
}

/** Prints each flow under `min` % of exits on stderr; true when there was any. */
function reportBelowMinimum(reports: readonly CoverageReport[], min: number, io: CliIo): boolean {
  const below = flowsBelow(reports, min);
  for (const report of below) {
    const where = report.flow.path === null ? '' : ` (${report.flow.path})`;
    println(
      io.stderr,
      `test: flow ${report.flow.id}${where} covers ${report.edges.percent} % of its exits (${report.edges.taken}/${report.edges.total}), below --min-coverage ${min}`,
    );
  }
  return below.length > 0;
}

/** Validates every test file first, then runs each case as a call; resolves to the exit code. */
export async function testCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, 'test');
  if (positionals.length === 0) {
    throw new UsageError('test: name a test file (.yaml) or a directory of them');
  }
  const variables = parseVarOptions('test', values.var, () => 'set it per case in the test file');
  refuseTwoCrmBases('test', values['demo-crm'], variables);
  const junitPath = await reportPath('junit', values.junit, io.cwd);
  const htmlPath = await reportPath('coverage-html', values['coverage-html'], io.cwd);
  const min = minCoverage(values['min-coverage']);
  const withCoverage = values.coverage === true || htmlPath !== null || min !== null;

  const files = await loadAll(await testFilesNamed(positionals, io.cwd), io);
  if (!files) return EXIT.usage;

  let crm: DemoCrm | null = null;
  let store: SessionStore | null = null;
  // The workspace is looked for above the first test file's flow.
  const environment = await resolveCliEnvironment('test', values, files[0]?.flowPath ?? null, io);
  try {
    crm = await startDemoCrmWhenAsked(values['demo-crm'], variables, io);
    if (values.log || values.db !== undefined) store = openSessionLog(values.db, io);
    const started = performance.now();
    const suites = await runTestFiles(
      files,
      {
        // flow < file defaults < environment < --var < case (CLI choices beat the file's)
        variables: { ...environment.variables, ...variables },
        secrets: environment.secrets,
        network: directToDemoCrm(environment.network, values['demo-crm']),
        limits: environment.limits,
        store,
        captureEvents: withCoverage,
      },
      values.json ? {} : humanProgress(io),
      io.signal,
    );
    if (junitPath) {
      await writeFileAtomic(junitPath, junitReport(suites, performance.now() - started), {
        createFolder: true,
      });
      println(io.stderr, `JUnit report written to ${junitPath}`);
    }
    const coverage = withCoverage
      ? collectCoverage(suites, (file) => file.flowDisplayPath)
      : undefined;
    if (htmlPath && coverage) {
      await writeFileAtomic(htmlPath, renderCoverageHtml(coverage, new Date()), {
        createFolder: true,
      });
      println(io.stderr, `Coverage report written to ${htmlPath}`);
    }
    if (values.json) {
      println(io.stdout, JSON.stringify(toTestRunJson(suites, coverage), null, 2));
    } else {
      if (coverage) {
        println(io.stdout);
        for (const line of formatCoverage(coverage)) println(io.stdout, line);
      }
      println(io.stdout);
      println(io.stdout, formatSummary(suites));
    }
    const total = files.reduce((sum, file) => sum + file.test.cases.length, 0);
    const ran = suites.reduce((sum, suite) => sum + suite.cases.length, 0);
    if (ran < total) {
      println(io.stderr, `test: interrupted; ${total - ran} of ${total} cases were not run`);
      return EXIT.failed;
    }
    const belowMinimum = coverage && min !== null && reportBelowMinimum(coverage, min, io);
    return tally(suites).failed > 0 || belowMinimum ? EXIT.failed : EXIT.ok;
  } finally {
    store?.close();
    await crm?.close();
    await environment.close();
  }
}
