/**
 * `ivr-console test --coverage` as users run it (run in this process by the same runCli as the
 * bin): the coverage of the three sample flows over the sample test files equals what was counted
 * by hand from the flows and the cases (see each figure's comment), in `--json` and in the text
 * table; two test files of one flow count as one flow; `--min-coverage` fails the run below its
 * percent and refuses bad values.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { CoverageReport } from '../../src/shared/coverage/coverage-report.ts';
import { ROOT, tempDir } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';

/** The ids of the exits no case took, in the flow's order. */
function untaken(report: CoverageReport | undefined): string[] {
  return (report?.edges.list ?? []).filter((e) => e.count === 0).map((e) => e.id);
}

/** How many times the cases took exit `id`. */
function countOf(report: CoverageReport | undefined, id: string): number | undefined {
  return report?.edges.list.find((e) => e.id === id)?.count;
}

const FAILURES = ['retry:timeout', 'retry:invalid', 'fail:timeout', 'fail:invalid'];
const ERRORS = ['error:network', 'error:timeout', 'error:status', 'error:reply'];
const each = (node: string, exits: string[]): string[] => exits.map((e) => `${node} ${e}`);

describe('ivr-console test --coverage', () => {
  test('--json: the sample flows covered as counted by hand, inside the one JSON document', async () => {
    const run = await runCliInProcess([
      'test',
      'resources/tests',
      '--demo-crm',
      '--coverage',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as { passed: number; coverage: CoverageReport[] };
    assert.equal(doc.passed, 14);
    assert.deepEqual(
      doc.coverage.map((r) => [r.flow.id, r.flow.path, r.calls]),
      [
        ['balance', 'resources/flows/balance.json', 5],
        ['meter-reading', 'resources/flows/meter-reading.json', 4],
        ['personalised-menu', 'resources/flows/personalised-menu.json', 5],
      ],
    );
    const [balance, meter, menu] = doc.coverage;

    // balance: 13 nodes, all entered (denied, technical, agent and goodbye each by one case).
    // Exits: welcome 1, ask_id 5 and ask_pin 5 (next + 4 failures), auth 5 and fetch_balance 5
    // (next + 4 error families), check 2, greet 1, read_balance 1, options 7 (3 keys + 4) = 32.
    // Taken: every next but the failures, auth's network error (CRM down), both check exits,
    // keys 1, 0 and 9: 13.
    assert.deepEqual([balance?.nodes.taken, balance?.nodes.total], [13, 13]);
    assert.deepEqual(
      [balance?.edges.taken, balance?.edges.total, balance?.edges.percent],
      [13, 32, 40.6],
    );
    assert.deepEqual(untaken(balance), [
      ...each('ask_id', FAILURES),
      ...each('ask_pin', FAILURES),
      ...each('auth', ERRORS.slice(1)),
      ...each('fetch_balance', ERRORS),
      ...each('options', FAILURES),
    ]);
    assert.equal(countOf(balance, 'auth next'), 4);
    assert.equal(countOf(balance, 'auth error:network'), 1);
    assert.equal(countOf(balance, 'check case:0'), 3);
    assert.equal(countOf(balance, 'read_balance next'), 4, 'heard twice in one case');

    // meter-reading: 16 nodes, `technical` never entered. Exits: welcome 1, register_report 2
    // (registered, sent at hang-up), ask_meter 5, lookup 5, check_meter 2, unknown_meter 1,
    // last 1, ask_reading 3 (minDigits 1: no entry is ever invalid, so no invalid-input exits),
    // confirm_reading 1, confirm 6 (keys 1, 2 + 4), submit 5, check_accepted 2, thanks 1,
    // rejected 1 = 36. Taken: the 14 nexts, hangup, both branches
    // of both branch nodes, keys 1 and 2: 18.
    assert.deepEqual([meter?.nodes.taken, meter?.nodes.total], [15, 16]);
    assert.equal(meter?.nodes.list.find((n) => n.count === 0)?.id, 'technical');
    assert.deepEqual([meter?.edges.taken, meter?.edges.total, meter?.edges.percent], [18, 36, 50]);
    assert.deepEqual(untaken(meter), [
      ...each('ask_meter', FAILURES),
      ...each('lookup', ERRORS),
      ...each('ask_reading', ['retry:timeout', 'fail:timeout']),
      ...each('confirm', FAILURES),
      ...each('submit', ERRORS),
    ]);
    assert.equal(countOf(meter, 'register_report hangup'), 4, 'sent at the end of every call');
    assert.equal(countOf(meter, 'ask_reading next'), 5);
    assert.equal(countOf(meter, 'check_accepted default'), 1);

    // personalised-menu: 13 nodes, `billing` never entered. Exits: lookup 2 (found, not found),
    // greet_known, greet_new, set_standard 1 each, offer 5, tell_offer 1, route 2, gold_menu 7,
    // standard_menu 7 = 27. Taken: 16 (the silent caller's timeouts on the gold menu, the `999`
    // caller's invalid keys on the standard one).
    assert.deepEqual([menu?.nodes.taken, menu?.nodes.total], [12, 13]);
    assert.deepEqual([menu?.edges.taken, menu?.edges.total, menu?.edges.percent], [16, 27, 59.2]);
    assert.deepEqual(untaken(menu), [
      ...each('offer', ERRORS),
      'gold_menu key:2',
      'gold_menu key:3',
      'gold_menu retry:invalid',
      'gold_menu fail:invalid',
      'standard_menu key:1',
      'standard_menu retry:timeout',
      'standard_menu fail:timeout',
    ]);
    assert.equal(countOf(menu, 'gold_menu retry:timeout'), 2);
    assert.equal(countOf(menu, 'standard_menu retry:invalid'), 2);
    assert.equal(countOf(menu, 'lookup notFound'), 1);
    assert.equal(countOf(menu, 'tell_offer next'), 6, 'heard again once');
  });

  test('the text table after the results; the summary stays the last line', async () => {
    const run = await runCliInProcess([
      'test',
      'resources/tests/balance.yaml',
      '--demo-crm',
      '--coverage',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.at(-1), '5 passed, 0 failed');
    const at = lines.indexOf('Coverage');
    assert.ok(at > 0, run.stdout);
    assert.ok(
      lines.slice(0, at).some((l) => l.startsWith('  ✓ ')),
      'after the cases',
    );
    assert.deepEqual(lines.slice(at + 2, at + 6), [
      'resources/flows/balance.json (flow balance, 5 calls)',
      '  nodes  13/13 (100 %)',
      '  exits  13/32 (40.6 %)',
      '  not taken (19):',
    ]);
    assert.match(run.stdout, /^ {4}✗ auth error:timeout +webhook error \(timeout\) → technical$/m);
    assert.match(
      run.stdout,
      /^ {4}✗ options fail:invalid +invalid input, last attempt → goodbye$/m,
    );
    assert.match(run.stdout, /^ {2}taken \(13\):$/m);
    assert.match(run.stdout, /^ {4}options: key:0 ×1, key:1 ×1, key:9 ×1$/m);
    assert.match(run.stdout, /^ {4}auth: next ×4, error:network ×1$/m);
  });

  test('no coverage asked: no table, no "coverage" in --json', async () => {
    const run = await runCliInProcess([
      'test',
      'resources/tests/balance.yaml',
      '--demo-crm',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal('coverage' in JSON.parse(run.stdout), false);
  });

  test('two test files of one flow (from two folders) are one flow, their calls counted together', async () => {
    const dir = tempDir('ivr-coverage-');
    const flow = JSON.stringify(join(ROOT, 'resources/flows/balance.json'));
    for (const [folder, dtmf] of [
      ['a', '12345#9999'],
      ['b', '12345#1111 9'],
    ] as const) {
      mkdirSync(join(dir, folder));
      writeFileSync(
        join(dir, folder, 'cases.yaml'),
        `flow: ${flow}\ncases:\n  - name: case ${folder}\n    dtmf: '${dtmf}'\n    expect: { outcome: hangup }\n`,
      );
    }
    const run = await runCliInProcess([
      'test',
      join(dir, 'a'),
      join(dir, 'b'),
      '--demo-crm',
      '--coverage',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    const { coverage } = JSON.parse(run.stdout) as { coverage: CoverageReport[] };
    assert.equal(coverage.length, 1);
    assert.equal(coverage[0]?.calls, 2);
    assert.equal(countOf(coverage[0], 'ask_pin next'), 2);
    assert.equal(countOf(coverage[0], 'check default'), 1, 'wrong PIN, from a/');
    assert.equal(countOf(coverage[0], 'options key:9'), 1, 'goodbye key, from b/');
  });

  test('--min-coverage: below it exit 1 naming each flow; met, exit 0', async () => {
    const below = await runCliInProcess([
      'test',
      'resources/tests',
      '--demo-crm',
      '--min-coverage',
      '100',
    ]);
    assert.equal(below.code, 1, below.stderr);
    assert.match(below.stdout, /^14 passed, 0 failed$/m, 'every case passed: coverage failed it');
    const messages = below.stderr.split('\n').filter((l) => l.includes('--min-coverage'));
    assert.deepEqual(messages, [
      'test: flow balance (resources/flows/balance.json) covers 40.6 % of its exits (13/32), below --min-coverage 100',
      'test: flow meter-reading (resources/flows/meter-reading.json) covers 50 % of its exits (18/36), below --min-coverage 100',
      'test: flow personalised-menu (resources/flows/personalised-menu.json) covers 59.2 % of its exits (16/27), below --min-coverage 100',
    ]);
    assert.match(below.stdout, /^Coverage$/m, 'implies --coverage');

    // 50.1 %: only the two flows under it are named (meter-reading is at exactly 50 %).
    const some = await runCliInProcess([
      'test',
      'resources/tests',
      '--demo-crm',
      '--min-coverage',
      '50.1',
    ]);
    assert.equal(some.code, 1);
    assert.deepEqual(
      some.stderr
        .split('\n')
        .filter((l) => l.includes('--min-coverage'))
        .map((l) => l.split(' ')[2]),
      ['balance', 'meter-reading'],
    );

    const met = await runCliInProcess([
      'test',
      'resources/tests',
      '--demo-crm',
      '--min-coverage',
      '1',
    ]);
    assert.equal(met.code, 0, met.stderr);
    assert.ok(!met.stderr.includes('--min-coverage'));
  });

  test('--min-coverage 101, abc or nothing: usage error (exit 2) naming it, no case run', async () => {
    for (const [value, message] of [
      ['101', 'test: --min-coverage 101: above 100; give a percent from 0 to 100'],
      ['abc', 'test: --min-coverage abc: not a number; give a percent from 0 to 100'],
      ['1e2', 'test: --min-coverage 1e2: not a number; give a percent from 0 to 100'],
    ] as const) {
      const run = await runCliInProcess(['test', 'resources/tests', '--min-coverage', value]);
      assert.equal(run.code, 2, `${value}: ${run.stderr}`);
      assert.ok(run.stderr.includes(message), run.stderr);
      assert.equal(run.stdout, '', 'no case was run');
    }
    const dir = tempDir('ivr-coverage-');
    const folder = await runCliInProcess(['test', 'resources/tests', '--coverage-html', dir]);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /--coverage-html .+: is a directory; name the report file/);
  });
});
