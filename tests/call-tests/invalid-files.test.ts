import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, tempDir } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';

const FLOWS = join(ROOT, 'resources/flows');

/** Writes `text` as a test file in a fresh folder; returns its path relative to the project. */
function testFile(text: string, name = 'bad.yaml'): string {
  const dir = tempDir('ivr-bad-tests-');
  writeFileSync(join(dir, name), text);
  return relative(ROOT, join(dir, name)).split('\\').join('/');
}

/** The flow's path relative to a test file's folder. */
function flowFrom(file: string, flow = 'balance.json'): string {
  return relative(join(ROOT, file, '..'), join(FLOWS, flow))
    .split('\\')
    .join('/');
}

/** `text` as a literal inside a RegExp. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runs `test` and checks it refused with status 2, ran nothing and wrote no report. */
async function refused(args: string[]): Promise<string> {
  const junit = join(tempDir(), 'junit.xml');
  const run = await runCliInProcess(['test', ...args, '--demo-crm', '--junit', junit]);
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.equal(run.stdout, '', 'no case ran');
  assert.equal(existsSync(junit), false, 'no report');
  return run.stderr;
}

describe('ivr-console test: invalid test files exit 2 naming file:line', () => {
  test('YAML syntax error', async () => {
    const file = testFile('flow: x.json\ncases:\n  - name: "unterminated\n    expect: {}\n');
    const stderr = await refused([file]);
    assert.match(stderr, new RegExp(`^${literal(file)}:\\d+:\\d+: invalid YAML: `, 'm'));
  });

  test('an unknown key is named with its line and the likely intended key', async () => {
    const file = testFile('');
    const text = `flow: ${flowFrom(file)}\ncases:\n  - name: a\n    dtmf: "12345#1111"\n    expect:\n      outcome: hangup\n      path_include: [auth]\n`;
    writeFileSync(join(ROOT, file), text);
    const stderr = await refused([file]);
    assert.match(
      stderr,
      new RegExp(
        `^${literal(file)}:7:7: cases\\[0\\]\\.expect\\.path_include: unknown key \\(did you mean "path_includes"\\?\\)`,
        'm',
      ),
    );
  });

  test('every problem of a file at once, in line order, each with its field', async () => {
    const file = testFile('');
    const text = [
      `flow: ${flowFrom(file)}`,
      'cases:',
      '  - name: a',
      '    dtmf: "12x"',
      '    expect:',
      '      outcome: hangupp',
      '      path_excludes: [tecnical]',
      '  - name: a',
      '    expect: { variables: { "Not-A-Name": 1 } }',
      '',
    ].join('\n');
    writeFileSync(join(ROOT, file), text);
    const stderr = await refused([file]);
    const lines = stderr.trimEnd().split('\n');
    assert.deepEqual(lines, [
      `${file}:4:11: cases[0].dtmf: "x" at position 3 is not a key (use 0-9, *, # and ~ for silence)`,
      `${file}:6:16: cases[0].expect.outcome: must be one of hangup, transfer, error, got "hangupp" (did you mean "hangup"?)`,
      `${file}:7:23: cases[0].expect.path_excludes[0]: flow "balance" has no node "tecnical" (did you mean "technical"?)`,
      `${file}:8:11: cases[1].name: "a" is already the name of the case on line 3; names must be unique`,
      `${file}:9:28: cases[1].expect.variables.Not-A-Name: not a variable name (lowercase letters, digits, _; a dotted path like account.balance reads inside an object)`,
      'test: 5 problems in 1 of 1 test file; no case was run',
    ]);
  });

  test('a missing flow file', async () => {
    const file = testFile(
      '# a comment first\nflow: ../nowhere/missing.json\ncases:\n  - name: a\n    expect: { outcome: hangup }\n',
    );
    const stderr = await refused([file]);
    assert.match(
      stderr,
      new RegExp(`^${literal(file)}:2:7: flow: .*nowhere/missing\\.json: no such file$`, 'm'),
    );
  });

  test('an invalid flow lists its problems', async () => {
    const dir = tempDir('ivr-bad-flow-');
    writeFileSync(
      join(dir, 'flow.json'),
      JSON.stringify({
        id: 'x',
        name: 'x',
        start: 'a',
        nodes: { a: { type: 'play', say: 'hi', next: 'gone' } },
      }),
    );
    writeFileSync(
      join(dir, 't.yaml'),
      'flow: flow.json\ncases:\n  - name: a\n    expect: { outcome: hangup }\n',
    );
    const file = relative(ROOT, join(dir, 't.yaml')).split('\\').join('/');
    const stderr = await refused([file]);
    assert.match(
      stderr,
      new RegExp(
        `^${literal(file)}:1:7: flow: .*flow\\.json is not a valid flow:\\n {4}error /nodes/a/next: `,
        'm',
      ),
    );
  });

  test('one bad file in a directory stops the whole run before any call', async () => {
    const dir = tempDir('ivr-mixed-');
    const flow = relative(dir, join(FLOWS, 'balance.json')).split('\\').join('/');
    writeFileSync(
      join(dir, 'a-good.yaml'),
      `flow: ${flow}\ncases:\n  - name: a\n    expect: { outcome: hangup }\n`,
    );
    writeFileSync(
      join(dir, 'b-bad.yaml'),
      `flow: ${flow}\ncases:\n  - name: a\n    expect: { outcome: maybe }\n`,
    );
    const stderr = await refused([relative(ROOT, dir)]);
    assert.match(stderr, /b-bad\.yaml:4:24: cases\[0\]\.expect\.outcome: must be one of/);
    assert.match(stderr, /test: 1 problem in 1 of 2 test files; no case was run/);
  });

  test('usage errors: no argument, a missing path, an empty directory', async () => {
    const none = await runCliInProcess(['test']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /test: name a test file/);
    const missing = await runCliInProcess(['test', 'no/such/dir']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /test: no\/such\/dir: no such file or directory/);
    const empty = join(tempDir(), 'empty');
    mkdirSync(empty);
    const nothing = await runCliInProcess(['test', empty]);
    assert.equal(nothing.code, 2);
    assert.match(nothing.stderr, /no \*\.yaml or \*\.yml files/);
  });
});
