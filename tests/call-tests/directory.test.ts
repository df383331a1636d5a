import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, tempDir } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import { findAll, parseXml } from './xml-well-formed.ts';

describe('ivr-console test <directory>', () => {
  test('runs every *.yaml and *.yml in it, sorted, one testsuite per file', async () => {
    const dir = tempDir('ivr-dir-tests-');
    const flows = relative(dir, join(ROOT, 'resources/flows')).split('\\').join('/');
    writeFileSync(
      join(dir, 'b-menu.yml'),
      `flow: ${flows}/personalised-menu.json\nsource: "+15550000"\ncases:\n  - name: unknown caller, billing\n    dtmf: "1"\n    expect: { transferTarget: billing-queue }\n`,
    );
    writeFileSync(
      join(dir, 'a-balance.yaml'),
      `flow: ${flows}/balance.json\ncases:\n  - name: wrong PIN\n    dtmf: "12345#0000"\n    expect: { path_includes: [denied] }\n  - name: deliberately failing\n    dtmf: "12345#0000"\n    expect: { outcome: transfer }\n`,
    );
    writeFileSync(join(dir, 'notes.txt'), 'not a test file');
    const junit = join(tempDir(), 'report.xml');
    const run = await runCliInProcess(['test', dir, '--demo-crm', '--junit', junit]);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stdout.trimEnd().split('\n').at(-1), '2 passed, 1 failed');

    const root = parseXml(readFileSync(junit, 'utf8'));
    assert.equal(root.attributes['tests'], '3');
    assert.equal(root.attributes['failures'], '1');
    const suites = findAll(root, 'testsuite');
    const rel = (name: string): string => relative(ROOT, join(dir, name)).split('\\').join('/');
    assert.deepEqual(
      suites.map((s) => [s.attributes['name'], s.attributes['tests'], s.attributes['failures']]),
      [
        [rel('a-balance.yaml'), '2', '1'],
        [rel('b-menu.yml'), '1', '0'],
      ],
    );
    assert.deepEqual(
      findAll(suites[1]!, 'testcase').map((c) => c.attributes['name']),
      ['unknown caller, billing'],
    );
  });
});
