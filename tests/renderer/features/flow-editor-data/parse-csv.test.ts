/**
 * Pasted CSV and spreadsheet text to a dataset's rows
 * (src/renderer/src/features/flow-editor/flow-data/parse-csv.ts), pure, under Node: RFC 4180
 * quoting, line endings, tab-separated text, the typing rule, errors with their line, and the
 * limits, refused before any work that grows with the text.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CSV_MAX_BYTES,
  CSV_MAX_ROWS,
  parseCsv,
  typeCell,
} from '../../../../src/renderer/src/features/flow-editor/flow-data/parse-csv.ts';
import type { CsvResult } from '../../../../src/renderer/src/features/flow-editor/flow-data/parse-csv.ts';

/** The rows, failing the test with the error when there is one. */
function rowsOf(result: CsvResult): Record<string, unknown>[] {
  if ('error' in result) assert.fail(`unexpected error: ${result.error}`);
  return result.rows;
}

/** The error, failing the test when the text parsed. */
function errorOf(result: CsvResult): string {
  if (!('error' in result)) assert.fail(`expected an error, got ${JSON.stringify(result.rows)}`);
  return result.error;
}

describe('CSV quoting (RFC 4180)', () => {
  test('plain fields, first row naming the columns (trimmed)', () => {
    assert.deepEqual(rowsOf(parseCsv(' phone , name\n+3612345678,Anna\n+3619876543,Bela')), [
      { phone: '+3612345678', name: 'Anna' },
      { phone: '+3619876543', name: 'Bela' },
    ]);
  });

  test('quoted fields hold commas, newlines and doubled quotes', () => {
    const text = 'name,address,note\n"Smith, Anna","1 Main St\nFlat 2","She said ""hi"""\n';
    assert.deepEqual(rowsOf(parseCsv(text)), [
      { name: 'Smith, Anna', address: '1 Main St\nFlat 2', note: 'She said "hi"' },
    ]);
  });

  test('empty fields, quoted and not, and a trailing comma', () => {
    assert.deepEqual(rowsOf(parseCsv('a,b,c\n,"",\n"x",,')), [
      { a: '', b: '', c: '' },
      { a: 'x', b: '', c: '' },
    ]);
  });

  test('CRLF, LF and lone CR all end a record; a trailing newline adds no row', () => {
    const expected = [
      { a: 1, b: 2 },
      { a: 3, b: 4 },
    ];
    assert.deepEqual(rowsOf(parseCsv('a,b\r\n1,2\r\n3,4\r\n')), expected);
    assert.deepEqual(rowsOf(parseCsv('a,b\n1,2\n3,4\n')), expected);
    assert.deepEqual(rowsOf(parseCsv('a,b\r1,2\r3,4')), expected);
    // CRLF inside quotes is kept as text.
    assert.deepEqual(rowsOf(parseCsv('a\r\n"x\r\ny"\r\n')), [{ a: 'x\r\ny' }]);
  });

  test('blank lines are skipped; a byte order mark is dropped', () => {
    assert.deepEqual(rowsOf(parseCsv('\uFEFFa,b\n\n1,2\n\n\n')), [{ a: 1, b: 2 }]);
  });

  test('a quote inside an unquoted field is text', () => {
    assert.deepEqual(rowsOf(parseCsv('size,label\n5,5" screen')), [
      { size: 5, label: '5" screen' },
    ]);
  });

  test('a header alone gives no rows', () => {
    assert.deepEqual(rowsOf(parseCsv('a,b\n')), []);
  });

  test('a column named like an Object.prototype key is kept as a column', () => {
    const [row] = rowsOf(parseCsv('__proto__,constructor\nx,y'));
    assert.deepEqual(Object.keys(row ?? {}), ['__proto__', 'constructor']);
    assert.equal(Object.getPrototypeOf(row), Object.prototype);
  });
});

describe('tab-separated text (a spreadsheet copy)', () => {
  test('tabs in the header line make it TSV; commas are then text', () => {
    const text = 'name\tphone\tcity\r\nSmith, Anna\t+3612345678\tBudapest\r\n';
    assert.deepEqual(rowsOf(parseCsv(text)), [
      { name: 'Smith, Anna', phone: '+3612345678', city: 'Budapest' },
    ]);
  });

  test('a quoted cell holding a newline and a tab, as a spreadsheet copies it', () => {
    const text = 'a\tb\n"line 1\nline\t2"\t"say ""x"""\n';
    assert.deepEqual(rowsOf(parseCsv(text)), [{ a: 'line 1\nline\t2', b: 'say "x"' }]);
  });

  test('a tab inside a quoted header name does not make it TSV', () => {
    assert.deepEqual(rowsOf(parseCsv('"a\tb",c\n1,2')), [{ 'a\tb': 1, c: 2 }]);
  });
});

describe('the typing rule', () => {
  test('numbers that print back as typed become numbers', () => {
    for (const [text, value] of [
      ['12.5', 12.5],
      ['0', 0],
      ['0.25', 0.25],
      ['-3', -3],
      ['1234', 1234],
    ] as const) {
      assert.equal(typeCell(text), value, text);
    }
  });

  test('account numbers, phone numbers and other lookalikes stay strings', () => {
    for (const text of [
      '0042',
      '+15550001',
      '12.50',
      '1.0',
      '-0',
      '1e3',
      '.5',
      '5.',
      ' 12',
      '12 ',
      '12345678901234567890',
      '0x10',
      'Infinity',
      'NaN',
      '',
    ]) {
      assert.equal(typeCell(text), text, JSON.stringify(text));
    }
  });

  test('true and false become booleans, other spellings stay strings', () => {
    assert.equal(typeCell('true'), true);
    assert.equal(typeCell('false'), false);
    assert.equal(typeCell('TRUE'), 'TRUE');
    assert.equal(typeCell('False'), 'False');
    assert.equal(typeCell('yes'), 'yes');
  });

  test('quoted cells are typed by the same rule', () => {
    assert.deepEqual(rowsOf(parseCsv('id,amount,vip,phone\n"0042","12.5",true,+15550001')), [
      { id: '0042', amount: 12.5, vip: true, phone: '+15550001' },
    ]);
  });
});

describe('errors name the line', () => {
  test('an unterminated quote, at the line it opened', () => {
    const error = errorOf(parseCsv('a,b\n1,2\n3,"never\nclosed\n'));
    assert.match(error, /^line 3: unterminated quote/);
  });

  test('a row with too many or too few fields, counting lines inside quotes', () => {
    assert.equal(
      errorOf(parseCsv('a,b,c\n1,2,3\n4,5,6,7')),
      'line 3: row 2 has 4 fields where the header has 3',
    );
    assert.equal(
      errorOf(parseCsv('a,b,c\n"x\ny",2,3\n4\n')),
      'line 4: row 2 has 1 field where the header has 3',
    );
  });

  test('text after a closing quote', () => {
    assert.match(
      errorOf(parseCsv('a,b\n"x"y,2')),
      /^line 2: text after the closing quote of field 1/,
    );
  });

  test('an empty or repeated column name, naming the column', () => {
    assert.equal(errorOf(parseCsv('a,,c\n1,2,3')), 'line 1: column 2 of the header has no name');
    assert.equal(
      errorOf(parseCsv('\nname,phone, name\n')),
      'line 2: column 3 of the header repeats the name "name" of column 1',
    );
  });

  test('empty text', () => {
    assert.match(errorOf(parseCsv('')), /empty/);
    assert.match(errorOf(parseCsv('\n\r\n')), /empty/);
  });
});

describe('limits and linear time', () => {
  test(`${CSV_MAX_ROWS} rows parse; one more is refused at its line`, () => {
    const lines = ['id,phone,amount'];
    for (let i = 0; i < CSV_MAX_ROWS; i++) lines.push(`${i},+3612${i},${i}.5`);
    const rows = rowsOf(parseCsv(lines.join('\n')));
    assert.equal(rows.length, CSV_MAX_ROWS);
    assert.deepEqual(rows[9999], { id: 9999, phone: '+36129999', amount: 9999.5 });

    lines.push('10000,+3612,1');
    assert.equal(
      errorOf(parseCsv(lines.join('\n'))),
      `line ${CSV_MAX_ROWS + 2}: more than ${CSV_MAX_ROWS} rows (the most a paste takes)`,
    );
  });

  test('more than 1 MiB is refused, counted in UTF-8 bytes', () => {
    assert.match(errorOf(parseCsv('a\n' + 'x'.repeat(CSV_MAX_BYTES))), /larger than 1 MiB/);
    // Under a million characters, over a mebibyte of UTF-8 (each é is 2 bytes).
    const accents = 'a\n' + 'é'.repeat(CSV_MAX_BYTES / 2);
    assert.ok(accents.length < CSV_MAX_BYTES);
    assert.match(errorOf(parseCsv(accents)), /larger than 1 MiB/);
    // Far larger text is refused on its length alone.
    assert.match(errorOf(parseCsv('x'.repeat(50 * CSV_MAX_BYTES))), /larger than 1 MiB/);
  });

  test('pathological quoting: long runs of quotes, an unclosed quote at the end', () => {
    // One field of 200,000 doubled quotes: 200,000 quote characters in the value.
    const run = '"'.repeat(400_000);
    const [row] = rowsOf(parseCsv(`a\n"${run}"`));
    assert.equal(String(row?.['a']).length, 200_000);
    // An odd run never closes: an error, not a hang.
    assert.match(errorOf(parseCsv(`a\n"${run}`)), /^line 2: unterminated quote/);
    // An opened quote followed by 300,000 newlines: one scan to the end, the line it opened.
    assert.match(errorOf(parseCsv('a\n"' + '\n'.repeat(300_000))), /^line 2: unterminated quote/);
    // Quotes inside an unquoted field are text, however many.
    const [quoted] = rowsOf(parseCsv('a\n' + 'x"'.repeat(300_000)));
    assert.equal(String(quoted?.['a']).length, 600_000);
  });

  test('a very wide row', () => {
    const header = Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',');
    const values = Array.from({ length: 5000 }, (_, i) => String(i)).join(',');
    const [row] = rowsOf(parseCsv(`${header}\n${values}`));
    assert.equal(row?.['c4999'], 4999);
  });
});
