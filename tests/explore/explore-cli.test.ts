/**
 * `ivr-console explore` on a crafted flow and on bad input (run in this process by the same runCli
 * as the bin): each exit it cannot reach comes with its reason (a branch on a value nothing gives,
 * a webhook no mock answers), --max-cases bounds the cases, the same flow gives the same file
 * twice, an existing --out file is never replaced without --force, and bad flows and options exit
 * 2 naming the problem.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ExploreReport } from '../../src/shared/contract/coverage-types.ts';
import { tempDir } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import { CRAFTED_FLOW, MENU_MOCK, writeIn } from './explore-fixtures.ts';

describe('ivr-console explore', () => {
  test('unreached exits of a crafted flow, each with why; exit 1 and the cases still written', async () => {
    const dir = tempDir('ivr-explore-');
    const flow = writeIn(dir, 'crafted.json', JSON.stringify(CRAFTED_FLOW));
    const out = join(dir, 'tests', 'crafted.yaml');
    const run = await runCliInProcess(['explore', flow, '--out', out, '--json']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as ExploreReport;
    const reasons = Object.fromEntries(report.unreached.map((u) => [u.edgeId, u.reason]));
    assert.deepEqual(Object.keys(reasons), [
      'check case:0',
      'lookup next',
      'lookup error:timeout',
      'lookup error:status',
      'lookup error:reply',
    ]);
    assert.match(
      reasons['check case:0'] ?? '',
      /^no input, mock reply or dataset row gave level eq "platinum"; calls came with level = \(not set\)$/,
    );
    assert.equal(
      reasons['lookup error:status'],
      'not mocked: its reply comes from ${crm_base}/x, which gave no call a status error',
    );
    assert.deepEqual([report.coverage.edges.taken, report.coverage.edges.total], [6, 11]);
    assert.equal(readFileSync(out, 'utf8'), report.yaml);
    assert.match(report.yaml, /^flow: "\.\.\/crafted\.json"$/m);
    assert.match(report.yaml, /^# {3}check case:0: no input/m);
    // The written cases pass as they are.
    const check = await runCliInProcess(['test', out]);
    assert.equal(check.code, 0, `${check.stdout}\n${check.stderr}`);
  });

  test('--max-cases bounds the cases; the exits left out are reported', async () => {
    const dir = tempDir('ivr-explore-');
    const flow = writeIn(dir, 'crafted.json', JSON.stringify(CRAFTED_FLOW));
    const run = await runCliInProcess(['explore', flow, '--max-cases', '2', '--json']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as ExploreReport;
    assert.equal(report.cases.length, 2);
    assert.equal((report.yaml.match(/^ {2}- name:/gm) ?? []).length, 2);
    assert.ok(report.unreached.some((u) => u.reason === 'reached, but beyond --max-cases'));
  });

  test('the same flow and environment give the same file; stdout without --out', async () => {
    const dir = tempDir('ivr-explore-');
    const env = writeIn(dir, 'menu-mock.yaml', MENU_MOCK);
    const args = ['explore', 'resources/flows/personalised-menu.json', '--env', env];
    const [first, second] = await Promise.all([runCliInProcess(args), runCliInProcess(args)]);
    assert.equal(first?.code, 1, first?.stderr);
    assert.match(first?.stdout ?? '', /^cases:$/m);
    assert.match(
      first?.stderr ?? '',
      /^explored personalised-menu: \d+ calls, \d+ cases take 25 of 27 exits/m,
    );
    assert.equal(first?.stdout, second?.stdout);
  });

  test('an existing --out file is kept unless --force', async () => {
    const dir = tempDir('ivr-explore-');
    const flow = writeIn(dir, 'crafted.json', JSON.stringify(CRAFTED_FLOW));
    const out = writeIn(dir, 'mine.yaml', 'hand-written\n');
    const refused = await runCliInProcess(['explore', flow, '--out', out]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--out .*mine\.yaml: the file exists; add --force/);
    assert.equal(readFileSync(out, 'utf8'), 'hand-written\n');
    const forced = await runCliInProcess(['explore', flow, '--out', out, '--force']);
    assert.equal(forced.code, 1, forced.stderr);
    assert.match(readFileSync(out, 'utf8'), /^cases:$/m);
  });

  test('bad flows and options exit 2 with what is wrong', async () => {
    const dir = tempDir('ivr-explore-');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...CRAFTED_FLOW, start: 'nowhere' }));
    const cases: [string[], RegExp][] = [
      [['explore', join(dir, 'missing.json')], /explore: .*missing\.json: no such file/],
      [['explore', broken], /explore: .*broken\.json is not a valid flow:/],
      [['explore'], /explore: name exactly one flow file/],
      [['explore', broken, '--max-cases', '0'], /--max-cases 0: a whole number from 1/],
      [['explore', broken, '--max-depth', 'x'], /--max-depth x: a whole number from 1/],
      [['explore', broken, '--out', dir], /--out .*: is a directory/],
      [['explore', broken, '--bogus'], /bogus/],
    ];
    for (const [args, message] of cases) {
      const run = await runCliInProcess(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
    }
  });

  test('--help: its usage, exit 0', async () => {
    const run = await runCliInProcess(['explore', '--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^usage: ivr-console explore <flow\.json>/);
    assert.match(run.stdout, /--max-cases N/);
    assert.match(run.stdout, /exit status: 0 every reachable exit was reached/);
  });
});
