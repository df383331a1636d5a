/**
 * The console's test run (`createTestRunner`, what the Tests screen's `tests.run` calls) on the
 * real console services: a sample test file run in the built-in demo CRM environment, its cases
 * and the balance flow's coverage exactly as `ivr-console test --coverage` counts them (13 of 32
 * exits, see tests/coverage/test-coverage-cli.test.ts for the hand count), no session logged; a
 * failing case of a workspace test file worded as the CLI words it; and every refusal.
 */
import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { dispatchRequest } from '../../src/main/ipc/dispatch-request.ts';
import { ServiceError } from '../../src/main/services/service-errors.ts';
import { createTestRunner } from '../../src/main/services/test-runner.ts';
import type { TestRunner } from '../../src/main/services/test-runner.ts';
import { ROOT } from '../helpers/project-root.ts';
import { startTestConsole } from '../helpers/console-services.ts';
import type { TestConsole } from '../helpers/console-services.ts';
import { tempDir } from '../helpers/temp-dir.ts';

let app: TestConsole;
let workspace: string;
let runner: TestRunner;

/** The refusal `run` answers `input` with. */
async function refusal(input: { path: string; environmentId: string }): Promise<ServiceError> {
  try {
    await runner.run(input);
  } catch (error) {
    assert.ok(error instanceof ServiceError, String(error));
    return error;
  }
  return assert.fail(`accepted ${JSON.stringify(input)}`);
}

before(async () => {
  workspace = join(tempDir('ivr-ws-test-run-'), 'my-ivr');
  cpSync(join(ROOT, 'resources/workspace-example'), workspace, { recursive: true });
  writeFileSync(
    join(workspace, 'tests', 'failing.yaml'),
    [
      'flow: ../flows/balance.json',
      'cases:',
      '  - name: expects a transfer, gets a hang-up',
      "    dtmf: '12345#9999'",
      '    expect:',
      '      outcome: transfer',
      '      path_includes: [denied]',
      '  - name: passes',
      "    dtmf: '12345#9999'",
      '    expect: { outcome: hangup }',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(workspace, 'tests', 'broken.yaml'),
    'flow: ../flows/missing.json\ncases: []\n',
  );
  app = await startTestConsole({ workspace });
  const { services } = app;
  runner = createTestRunner({
    environments: services.environments,
    tests: services.tests,
    workspaceRoot: () => services.workspace.root(),
  });
});
after(async () => {
  await app?.services.close();
});

describe('the console test runner', () => {
  test('a sample test file in the demo environment: every case, the coverage, nothing logged', async () => {
    const path = join(ROOT, 'resources/tests/balance.yaml');
    const report = await runner.run({ path, environmentId: 'demo' });
    assert.equal(report.file, path);
    assert.equal(report.flowPath, join(ROOT, 'resources/flows/balance.json'));
    assert.equal(report.environmentId, 'demo');
    assert.deepEqual([report.passed, report.failed], [5, 0]);
    assert.deepEqual(
      report.cases.map((c) => [c.name, c.passed, c.outcome, c.failures, c.error]),
      [
        ['gold customer hears balance', true, 'hangup', [], null],
        ['balance heard twice, then goodbye by the flow', true, 'hangup', [], null],
        ['wrong PIN is refused', true, 'hangup', [], null],
        ['silver customer with a negative balance asks for an agent', true, 'transfer', [], null],
        ['CRM down means the technical-problem message', true, 'hangup', [], null],
      ],
    );
    assert.deepEqual(report.cases[2]?.path, [
      'welcome',
      'ask_id',
      'ask_pin',
      'auth',
      'check',
      'denied',
    ]);
    assert.equal(report.cases[2]?.dtmf, '12345#9999');
    assert.equal(report.cases[0]?.line, 7, 'the line of its name');
    assert.ok(report.durationMs > 0);

    const { coverage } = report;
    assert.equal(coverage.flow.id, 'balance');
    assert.equal(coverage.flow.path, report.flowPath);
    assert.equal(coverage.calls, 5);
    assert.deepEqual([coverage.nodes.taken, coverage.nodes.total], [13, 13]);
    assert.deepEqual(
      [coverage.edges.taken, coverage.edges.total, coverage.edges.percent],
      [13, 32, 40.6],
    );
    const count = (id: string): number | undefined =>
      coverage.edges.list.find((e) => e.id === id)?.count;
    assert.equal(count('auth error:network'), 1);
    assert.equal(count('options key:1'), 1);
    assert.equal(count('fetch_balance error:status'), 0);

    // Test calls stay out of the session log.
    const sessions = await dispatchRequest(app.handlers, 'sessions.list', {});
    assert.ok(sessions.ok, JSON.stringify(sessions));
    assert.equal((sessions.value as { total: number }).total, 0);
  });

  test("a workspace test file with a failing case: failures in the CLI's words", async () => {
    const report = await runner.run({
      path: join(workspace, 'tests', 'failing.yaml'),
      environmentId: 'workspace:demo',
    });
    assert.deepEqual([report.passed, report.failed], [1, 1]);
    const [failing, passing] = report.cases;
    assert.equal(failing?.passed, false);
    assert.deepEqual(failing?.failures, ['outcome: expected "transfer", got "hangup" (line 6)']);
    assert.equal(failing?.error, null);
    assert.equal(passing?.passed, true);
    assert.equal(report.coverage.calls, 2);
    assert.equal(report.coverage.edges.list.find((e) => e.id === 'check default')?.count, 2);
  });

  test('refusals: a file outside, a file that cannot run, an unknown environment', async () => {
    const outside = join(tempDir('ivr-outside-'), 'cases.yaml');
    writeFileSync(outside, 'flow: x.json\ncases: []\n');
    const forbidden = await refusal({ path: outside, environmentId: 'demo' });
    assert.equal(forbidden.code, 'forbidden');
    assert.match(
      forbidden.message,
      /neither a test file the console lists nor in the open workspace/,
    );

    const broken = await refusal({
      path: join(workspace, 'tests', 'broken.yaml'),
      environmentId: 'demo',
    });
    assert.equal(broken.code, 'invalid_input');
    assert.match(broken.message, /broken\.yaml cannot run: .*broken\.yaml:1:\d+/);
    assert.match(broken.message, /missing\.json/);

    const unknown = await refusal({
      path: join(ROOT, 'resources/tests/balance.yaml'),
      environmentId: 'workspace:nowhere',
    });
    assert.equal(unknown.code, 'not_found');
    assert.match(unknown.message, /nowhere/);
  });
});
