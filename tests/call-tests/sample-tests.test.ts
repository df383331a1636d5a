import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { ROOT, tempDir } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import { findAll, parseXml } from './xml-well-formed.ts';

const SAMPLES = ['balance.yaml', 'meter-reading.yaml', 'personalised-menu.yaml'];

/** How many cases the sample files hold, read from the files themselves. */
function sampleCaseCount(): number {
  return SAMPLES.reduce((sum, name) => {
    const doc = parse(readFileSync(join(ROOT, 'resources/tests', name), 'utf8')) as {
      cases: unknown[];
    };
    return sum + doc.cases.length;
  }, 0);
}

describe('ivr-console test: the sample test files', () => {
  test('each sample flow has a sample test file, with 3 to 5 cases, pointing at it', () => {
    for (const name of SAMPLES) {
      const doc = parse(readFileSync(join(ROOT, 'resources/tests', name), 'utf8')) as {
        flow: string;
        cases: unknown[];
      };
      assert.equal(doc.flow, `../flows/${name.replace(/\.yaml$/, '.json')}`);
      assert.ok(
        doc.cases.length >= 3 && doc.cases.length <= 5,
        `${name}: ${doc.cases.length} cases`,
      );
    }
  });

  test('all pass with --demo-crm; the JUnit report has one suite per file and no failures', async () => {
    const junit = join(tempDir(), 'reports', 'junit.xml');
    const run = await runCliInProcess(['test', 'resources/tests', '--demo-crm', '--junit', junit]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    const total = sampleCaseCount();
    assert.equal(lines.at(-1), `${total} passed, 0 failed`);
    assert.equal(lines.filter((l) => /^ {2}✓ .+ \(\d+ ms\)$/.test(l)).length, total);
    assert.ok(!run.stdout.includes('✗'));

    const root = parseXml(readFileSync(junit, 'utf8'));
    assert.equal(root.name, 'testsuites');
    assert.equal(root.attributes['tests'], String(total));
    assert.equal(root.attributes['failures'], '0');
    assert.equal(root.attributes['errors'], '0');
    const suites = findAll(root, 'testsuite');
    assert.deepEqual(
      suites.map((s) => s.attributes['name']),
      SAMPLES.map((name) => `resources/tests/${name}`),
    );
    for (const suite of suites) {
      assert.equal(suite.attributes['failures'], '0');
      assert.equal(suite.attributes['skipped'], '0');
      assert.match(suite.attributes['timestamp'] ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      assert.match(suite.attributes['time'] ?? '', /^\d+\.\d{3}$/);
    }
    const cases = findAll(root, 'testcase');
    assert.equal(cases.length, total);
    assert.equal(findAll(root, 'failure').length, 0);
    const gold = cases.find((c) => c.attributes['name'] === 'gold customer hears balance');
    assert.equal(gold?.attributes['classname'], 'resources.tests.balance');
    const out = findAll(gold!, 'system-out')[0]?.text ?? '';
    assert.match(out, /path: welcome → ask_id → ask_pin → auth/);
    assert.match(out, / {2}Your balance is 1,250\.75 euros/);
  });

  test('--json prints one document with every case and its call', async () => {
    const run = await runCliInProcess([
      'test',
      'resources/tests/balance.yaml',
      '--demo-crm',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout);
    assert.equal(doc.failed, 0);
    assert.equal(doc.files.length, 1);
    assert.equal(doc.files[0].file, 'resources/tests/balance.yaml');
    assert.equal(doc.files[0].flow, 'balance');
    assert.equal(doc.passed, doc.files[0].cases.length);
    const first = doc.files[0].cases[0];
    assert.equal(first.passed, true);
    assert.equal(first.call.outcome, 'hangup');
    assert.equal(first.call.sessionId, null, 'test calls are not logged by default');
  });
});
