import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, tempDir } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import type { XmlElement } from './xml-well-formed.ts';
import { findAll, parseXml } from './xml-well-formed.ts';

/** A test file in a fresh folder, its flow named relative to it (as users write them). */
function writeTestFile(body: string, name = 'suite.yaml'): { dir: string; file: string } {
  const dir = tempDir('ivr-call-tests-');
  const flow = relative(dir, join(ROOT, 'resources/flows/balance.json')).split('\\').join('/');
  const file = join(dir, name);
  writeFileSync(file, `flow: ${flow}\n${body}`);
  return { dir, file };
}

// Line numbers below count the `flow:` line that writeTestFile puts first.
// Anna's happy path: the call ends at the menu when the keys run out (the caller hangs up).
const FAILING = `cases:
  - name: passes
    dtmf: "12345#1111"
    expect: { outcome: hangup, path_includes: [auth, read_balance] }
  - name: wrong outcome
    dtmf: "12345#1111"
    expect: { outcome: transfer }
  - name: missing path node
    dtmf: "12345#9999"
    expect: { path_includes: [auth, greet] }
  - name: wrong variable
    dtmf: "12345#1111"
    expect:
      variables: { customer_name: Bela, account: { balance: 1250.75 } }
  - name: missing spoken text
    dtmf: "12345#1111"
    expect: { spoken_includes: ["Your balance is 1,250.75 euros", "Goodbye, Anna"] }
  - name: "several at once: <&> \\"quotes\\" 'apostrophes' and a control char \\x01"
    dtmf: "12345#1111"
    expect:
      outcome: transfer
      path_excludes: [greet]
      variables: { customer_id: 12345 }
      spoken_includes: "Welcome to Another Bank"
`;

function failureOf(testcase: XmlElement): XmlElement[] {
  return testcase.children.filter((c) => c.name === 'failure');
}

describe('ivr-console test: failing cases', () => {
  test('exit 1; every unmet expectation is listed under its case; the summary counts them', async () => {
    const { file } = writeTestFile(FAILING);
    const junit = join(tempDir(), 'junit.xml');
    const run = await runCliInProcess(['test', file, '--demo-crm', '--junit', junit]);
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.at(-1), '1 passed, 5 failed');
    assert.match(run.stdout, /^ {2}✓ passes \(\d+ ms\)$/m);
    assert.match(
      run.stdout,
      /^ {2}✗ wrong outcome \(\d+ ms\)\n {6}outcome: expected "transfer", got "hangup" \(line 8\)$/m,
    );
    assert.match(
      run.stdout,
      /^ {6}path_includes: expected "greet" after "auth", got welcome → .* → denied \(line 11\)$/m,
    );
    assert.match(
      run.stdout,
      /^ {6}variables\.customer_name: expected "Bela", got "Anna" \(line 15\)$/m,
    );
    assert.match(
      run.stdout,
      /^ {6}spoken_includes: expected a prompt containing "Goodbye, Anna", got \[/m,
    );
    // The balance part of "wrong variable" matched, so it is not reported.
    assert.doesNotMatch(run.stdout, /variables\.account/);
    // Numbers and numeric text are different values, and the report says why.
    assert.match(
      run.stdout,
      /variables\.customer_id: expected 12345, got "12345" \(a number was expected but the value is text/,
    );

    const root = parseXml(readFileSync(junit, 'utf8'));
    assert.equal(root.attributes['tests'], '6');
    assert.equal(root.attributes['failures'], '5');
    assert.equal(root.attributes['errors'], '0');
    const [suite] = findAll(root, 'testsuite');
    assert.equal(suite?.attributes['failures'], '5');
    assert.equal(suite?.attributes['tests'], '6');
    const cases = findAll(root, 'testcase');
    assert.equal(cases.length, 6);
    assert.equal(failureOf(cases[0]!).length, 0, 'the passing case has no <failure>');
    for (const testcase of cases.slice(1)) {
      const failures = failureOf(testcase);
      assert.equal(failures.length, 1, `${testcase.attributes['name']}: one <failure>`);
      assert.equal(failures[0]!.attributes['type'], 'expectation');
    }

    // The case with four unmet expectations lists all four, one per line, in file order.
    const several = cases[5]!;
    assert.equal(
      several.attributes['name'],
      'several at once: <&> "quotes" \'apostrophes\' and a control char \\u0001',
    );
    const failure = failureOf(several)[0]!;
    assert.equal(
      failure.attributes['message'],
      '4 expectations not met: outcome, path_excludes, variables.customer_id, spoken_includes',
    );
    const text = failure.text.trimEnd().split('\n');
    assert.equal(text.length, 4);
    assert.match(text[0]!, /^outcome: expected "transfer", got "hangup" \(line 22\)$/);
    assert.match(
      text[1]!,
      /^path_excludes: expected no "greet", got welcome → .*greet.* \(line 23\)$/,
    );
    assert.match(text[2]!, /^variables\.customer_id: expected 12345, got "12345"/);
    assert.match(
      text[3]!,
      /^spoken_includes: expected a prompt containing "Welcome to Another Bank"/,
    );
    assert.match(findAll(several, 'system-out')[0]!.text, /Welcome to Example Bank\./);
  });

  test('--json: the same verdicts as one document', async () => {
    const { file } = writeTestFile(FAILING);
    const run = await runCliInProcess(['test', file, '--demo-crm', '--json']);
    assert.equal(run.code, 1, run.stderr);
    const doc = JSON.parse(run.stdout);
    assert.equal(doc.passed, 1);
    assert.equal(doc.failed, 5);
    const byName = new Map<string, { passed: boolean; failures: { expectation: string }[] }>(
      doc.files[0].cases.map((c: { name: string }) => [c.name, c]),
    );
    assert.deepEqual(
      byName.get('wrong outcome')?.failures.map((f) => f.expectation),
      ['outcome'],
    );
    assert.equal(byName.get('passes')?.passed, true);
  });

  test('--log writes each test call to the session log; without it nothing is logged', async () => {
    const { file } = writeTestFile(FAILING);
    const db = join(tempDir(), 'sessions.db');
    const logged = await runCliInProcess(['test', file, '--demo-crm', '--json', '--db', db]);
    assert.equal(logged.code, 1, logged.stderr);
    const doc = JSON.parse(logged.stdout);
    assert.match(doc.files[0].cases[0].call.sessionId, /^[0-9a-f-]{36}$/);
    const list = await runCliInProcess(['sessions', 'list', '--db', db, '--json']);
    assert.equal(list.code, 0, list.stderr);
    assert.equal(JSON.parse(list.stdout).length, 6);

    const dataDir = tempDir('ivr-data-');
    const quiet = await runCliInProcess(['test', file, '--demo-crm'], {
      IVR_CONSOLE_DATA_DIR: dataDir,
    });
    assert.equal(quiet.code, 1);
    assert.equal(existsSync(join(dataDir, 'sessions.db')), false);
    const withLog = await runCliInProcess(['test', file, '--demo-crm', '--log'], {
      IVR_CONSOLE_DATA_DIR: dataDir,
    });
    assert.equal(withLog.code, 1);
    assert.equal(existsSync(join(dataDir, 'sessions.db')), true);
    assert.match(withLog.stdout, /^ {6}session [0-9a-f-]{36}$/m, 'a failed case names its session');
  });
});
