/**
 * `ivr-console explore` on the three sample flows as users run it (run in this process by the same
 * runCli as the bin, mocked replies from the console's loopback mock server): it reaches every
 * exit the inputs and mocks make reachable, and the file it writes passes `ivr-console test` with
 * the same coverage. The Done-means is the first test: balance against the example
 * workspace's mock environment, then `test --coverage --min-coverage 100`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ExploreReport } from '../../src/shared/contract/coverage-types.ts';
import type { CoverageReport } from '../../src/shared/coverage/coverage-report.ts';
import { tempDir } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import { MENU_MOCK, METER_MOCK, writeIn } from './explore-fixtures.ts';

const MOCK_ENV = 'resources/workspace-example/environments/mock.yaml';

/** Explores with --json and --out; returns the report and the exit status. */
async function explore(flow: string, env: string, out: string, extra: string[] = []) {
  const run = await runCliInProcess([
    'explore',
    flow,
    '--env',
    env,
    '--out',
    out,
    '--json',
    ...extra,
  ]);
  assert.notEqual(run.code, 2, run.stderr);
  return { code: run.code, report: JSON.parse(run.stdout) as ExploreReport };
}

/** Runs the generated file with coverage; returns the flow's coverage. */
async function testFile(file: string, env: string): Promise<CoverageReport> {
  const run = await runCliInProcess(['test', file, '--env', env, '--coverage', '--json']);
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  const doc = JSON.parse(run.stdout) as { failed: number; coverage: CoverageReport[] };
  assert.equal(doc.failed, 0);
  return doc.coverage[0] as CoverageReport;
}

const taken = (report: CoverageReport): string[] =>
  report.edges.list.filter((e) => e.count > 0).map((e) => e.id);

describe('ivr-console explore on the samples', () => {
  test('balance with the example mock environment: every exit, and test --min-coverage 100 passes', async () => {
    const dir = tempDir('ivr-explore-');
    const out = join(dir, 'balance.yaml');
    const { code, report } = await explore('resources/flows/balance.json', MOCK_ENV, out);
    assert.equal(code, 0, JSON.stringify(report.unreached));
    // 32 exits, counted in tests/coverage/test-coverage-cli.test.ts: all reachable with the mocks.
    assert.deepEqual([report.coverage.edges.taken, report.coverage.edges.total], [32, 32]);
    assert.deepEqual(report.unreached, []);
    assert.equal(readFileSync(out, 'utf8'), report.yaml);
    assert.match(report.yaml, /^flow: "\.\.\/.*resources\/flows\/balance\.json"$/m);
    // Each webhook outcome came from a mined input: a PIN and a customer number of the mocks.
    const dtmf = report.cases.map((c) => c.dtmf);
    for (const pin of ['3333', '4444', '5555']) assert.ok(dtmf.includes(`12345#${pin}`), pin);
    assert.ok(dtmf.some((d) => d.startsWith('22222#1111')));

    const run = await runCliInProcess([
      'test',
      out,
      '--env',
      MOCK_ENV,
      '--coverage',
      '--min-coverage',
      '100',
    ]);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /exits {2}32\/32 \(100 %\)/);
  });

  test('meter-reading: every exit (ask_reading has no invalid-input exits: minDigits 1)', async () => {
    const dir = tempDir('ivr-explore-');
    const env = writeIn(dir, 'meter-mock.yaml', METER_MOCK);
    const out = join(dir, 'meter.yaml');
    const { code, report } = await explore('resources/flows/meter-reading.json', env, out);
    assert.equal(code, 0);
    assert.deepEqual([report.coverage.edges.taken, report.coverage.edges.total], [36, 36]);
    assert.deepEqual(report.unreached, []);
    const coverage = await testFile(out, env);
    assert.deepEqual(taken(coverage), taken(report.coverage));
  });

  test('personalised-menu: callers from each dataset number; the error kinds no tier gives', async () => {
    const dir = tempDir('ivr-explore-');
    const env = writeIn(dir, 'menu-mock.yaml', MENU_MOCK);
    const out = join(dir, 'menu.yaml');
    const { code, report } = await explore('resources/flows/personalised-menu.json', env, out);
    assert.equal(code, 1);
    assert.deepEqual([report.coverage.edges.taken, report.coverage.edges.total], [25, 27]);
    assert.deepEqual(
      report.unreached.map((u) => [u.edgeId, u.reason.split(',')[0]]),
      [
        ['offer error:timeout', 'no mock rule of offer gives a timeout error'],
        ['offer error:reply', 'mock rule 1 of offer may give a reply error'],
      ],
    );
    // silver and standard tiers (the error exits) come from callers of the dataset, and a caller
    // no row matches takes onNotFound.
    const sources = new Set(report.cases.map((c) => c.source));
    assert.ok(sources.has('+3619876543') || sources.has('+3613579246'), [...sources].join());
    assert.ok(
      [...sources].some((s) => s !== null && !s.startsWith('+361')),
      'an unknown caller',
    );
    assert.match(report.yaml, /source: "\+36/);
    const coverage = await testFile(out, env);
    assert.deepEqual(taken(coverage), taken(report.coverage));
  });
});
