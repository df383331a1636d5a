import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classnameOf, junitReport } from '../../src/main/call-tests/junit-report.ts';
import type { LoadedTestFile } from '../../src/main/call-tests/load-test-file.ts';
import type { CaseResult } from '../../src/main/call-tests/run-test-case.ts';
import type { SuiteResult } from '../../src/main/call-tests/run-test-files.ts';
import { escapeXmlAttribute, escapeXmlText } from '../../src/main/call-tests/xml-escape.ts';
import { findAll, parseXml } from './xml-well-formed.ts';

// Every character class that breaks XML: the five specials, C0 controls, DEL-range is fine,
// lone surrogates, U+FFFE/U+FFFF, and line breaks and tabs that attribute normalisation eats.
const HOSTILE = `a&b <c> "d" 'e' \u0000\u0001\u0008\u000b\u000c\u001f \ud800 x\udc00 \ufffe\uffff tab\there\r\nnew ]]> 😀`;

function caseResult(name: string, extra: Partial<CaseResult> = {}): CaseResult {
  return {
    name,
    line: 3,
    dtmf: '1',
    timeMs: 12.3456,
    failures: [],
    error: null,
    run: null,
    ...extra,
  };
}

function suite(displayPath: string, cases: CaseResult[]): SuiteResult {
  const file = {
    displayPath,
    flow: { id: 'flow <&>' },
    flowDisplayPath: 'flows/f.json',
  } as unknown as LoadedTestFile;
  return { file, startedAt: new Date('2026-01-02T03:04:05.678Z'), timeMs: 1234.6, cases };
}

describe('JUnit report', () => {
  test('escaping: the five specials, forbidden characters made visible, breaks kept in attributes', () => {
    assert.equal(escapeXmlText(`&<>"'`), '&amp;&lt;&gt;&quot;&apos;');
    assert.equal(escapeXmlText('a\u0001b\ud800c\uffff'), 'a\\u0001b\\uD800c\\uFFFF');
    assert.equal(
      escapeXmlText('😀\t\n'),
      '😀\t\n',
      'astral characters, tab and newline are legal text',
    );
    assert.equal(escapeXmlAttribute('a\tb\nc\rd'), 'a&#9;b&#10;c&#13;d');
    const root = parseXml(`<r a="${escapeXmlAttribute(HOSTILE)}">${escapeXmlText(HOSTILE)}</r>`);
    const expected = HOSTILE.replace(
      /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu,
      (c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    );
    assert.equal(
      root.attributes['a'],
      expected,
      'attribute round-trips, tabs and line breaks included',
    );
    assert.equal(root.text, expected);
  });

  test('well-formed with hostile names and texts; counts failures and errors per suite and overall', () => {
    const xml = junitReport(
      [
        suite('tests/a.yaml', [
          caseResult('ok'),
          caseResult(HOSTILE, {
            failures: [
              { expectation: 'outcome', expected: '"transfer"', actual: '"hangup"', line: 5 },
              { expectation: 'spoken_includes', expected: HOSTILE, actual: '[]', line: 6 },
            ],
          }),
          caseResult('crashed', { error: 'Error: boom\n    at somewhere' }),
        ]),
        suite('tests/sub/b.yml', [
          caseResult('one', {
            failures: [{ expectation: 'path', expected: 'a', actual: 'b', line: 9 }],
          }),
        ]),
      ],
      2000,
    );
    const root = parseXml(xml);
    assert.deepEqual(root.attributes, {
      name: 'ivr-console test',
      tests: '4',
      failures: '2',
      errors: '1',
      time: '2.000',
    });
    const [a, b] = findAll(root, 'testsuite');
    assert.deepEqual(a!.attributes, {
      name: 'tests/a.yaml',
      tests: '3',
      failures: '1',
      errors: '1',
      skipped: '0',
      time: '1.235',
      timestamp: '2026-01-02T03:04:05',
    });
    assert.equal(b!.attributes['failures'], '1');
    const props = findAll(a!, 'property').map((p) => [p.attributes['name'], p.attributes['value']]);
    assert.deepEqual(props, [
      ['flow', 'flow <&>'],
      ['flowFile', 'flows/f.json'],
    ]);
    const [ok, hostile, crashed] = findAll(a!, 'testcase');
    assert.equal(ok!.attributes['time'], '0.012');
    assert.equal(ok!.attributes['classname'], 'tests.a');
    assert.equal(findAll(ok!, 'failure').length, 0);
    const failure = findAll(hostile!, 'failure');
    assert.equal(failure.length, 1);
    assert.equal(
      failure[0]!.attributes['message'],
      '2 expectations not met: outcome, spoken_includes',
    );
    assert.equal(
      failure[0]!.text.split('\n')[0],
      'outcome: expected "transfer", got "hangup" (line 5)',
    );
    assert.ok(failure[0]!.text.includes('spoken_includes: expected a&b <c> "d"'));
    const error = findAll(crashed!, 'error');
    assert.equal(error[0]!.attributes['message'], 'Error: boom');
    assert.equal(error[0]!.attributes['type'], 'runner');
    assert.equal(findAll(b!, 'testcase')[0]!.attributes['classname'], 'tests.sub.b');
  });

  test('classname: the file path without extension, dotted', () => {
    assert.equal(classnameOf('resources/tests/balance.yaml'), 'resources.tests.balance');
    assert.equal(classnameOf('../x/y.YML'), 'x.y');
  });
});
