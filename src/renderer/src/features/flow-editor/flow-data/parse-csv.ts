/**
 * Pasted table text to a flow dataset's rows: RFC 4180 CSV, or the tab-separated text a
 * spreadsheet puts on the clipboard. Pure and linear in the text's length (every character is
 * looked at a bounded number of times), and bounded: more than {@link CSV_MAX_ROWS} rows or
 * {@link CSV_MAX_BYTES} bytes is refused before any row is built.
 *
 * The rules, beyond RFC 4180:
 * - The delimiter is a tab when the header line holds a tab outside quotes, else a comma. (A
 *   spreadsheet's copy does not quote a cell holding a comma, so "tabs in the header" is the
 *   safer test than "no comma".)
 * - Records end at CRLF, LF or a lone CR; a trailing newline adds no row; blank lines are skipped.
 * - A leading byte order mark (Excel's "CSV UTF-8") is dropped.
 * - A quote opens a quoted field only at the start of a field; elsewhere it is kept as text.
 *   Inside quotes, `""` is one quote and delimiters and newlines are text.
 * - The first record names the columns, trimmed; an empty or repeated name is an error.
 * - Values are typed by {@link typeCell}.
 */
import { plural } from '../../../lib/plural.ts';

/** A dataset cell, as the flow schema allows. */
export type CsvCell = string | number | boolean;

/** One dataset row: column name to value. */
export type CsvRow = Record<string, CsvCell>;

/** The rows, or why there are none (with the line it happened at). */
export type CsvResult = { rows: CsvRow[] } | { error: string };

/** At most this many data rows (the header not counted). */
export const CSV_MAX_ROWS = 10_000;

/** At most this many bytes of UTF-8 text (1 MiB). */
export const CSV_MAX_BYTES = 1024 * 1024;

/** A plain decimal: an optional minus, no leading zero but a lone `0`, an optional fraction. */
const PLAIN_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * A cell's text to its value. `true` and `false` (lower case) become booleans; a plain decimal
 * becomes a number only when the number prints back as exactly the same text; anything else
 * stays a string, untouched (not trimmed). So `0042`, `+15550001`, `1e3`, `12.50`, `TRUE` and
 * integers past 2^53 stay strings, and `12.5`, `-3`, `0.25` become numbers. Why "prints back
 * the same": the engine's queryData compares `String(field)` with the rendered match value, so
 * a typed cell matches exactly what the text would have matched, and no digit is ever lost.
 */
export function typeCell(text: string): CsvCell {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (PLAIN_DECIMAL.test(text)) {
    const value = Number(text);
    if (String(value) === text) return value;
  }
  return text;
}

/** A parse error, carried out of the scanner to {@link parseCsv}. */
class CsvError extends Error {}

/** One record: its fields, the line it starts on, and whether it is a blank line. */
interface CsvRecord {
  fields: string[];
  line: number;
  blank: boolean;
}

/** The UTF-8 length of `text`, without building the bytes. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    // A surrogate pair is one 4-byte character: 2 for each half.
    else if (unit >= 0xd800 && unit <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** The newlines (LF, or a CR not followed by LF) in `text` from `from` to before `to`. */
function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}

/** Tab when the first record holds a tab outside quotes, else comma. */
function detectDelimiter(text: string): ',' | '\t' {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return ',';
    else if (!quoted && c === '\t') return '\t';
  }
  return ',';
}

/** Splits `text` into records; throws {@link CsvError} naming the line of a malformed field. */
function* records(text: string, delimiter: string): Generator<CsvRecord, void, void> {
  const end = text.length;
  let i = 0;
  let line = 1;
  while (i < end) {
    const record: CsvRecord = { fields: [], line, blank: false };
    let quotedAny = false;
    for (;;) {
      if (text[i] === '"') {
        quotedAny = true;
        const opened = line;
        let value = '';
        let from = ++i;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote === -1) {
            throw new CsvError(
              `line ${opened}: unterminated quote (a quoted field is never closed)`,
            );
          }
          line += countLines(text, i, quote);
          if (text[quote + 1] === '"') {
            value += text.slice(from, quote + 1);
            from = i = quote + 2;
          } else {
            value += text.slice(from, quote);
            i = quote + 1;
            break;
          }
        }
        record.fields.push(value);
        const after = text[i];
        if (i < end && after !== delimiter && after !== '\n' && after !== '\r') {
          throw new CsvError(
            `line ${line}: text after the closing quote of field ${record.fields.length} ` +
              '(a quote inside a quoted field must be doubled)',
          );
        }
      } else {
        let stop = i;
        while (stop < end) {
          const c = text[stop];
          if (c === delimiter || c === '\n' || c === '\r') break;
          stop++;
        }
        record.fields.push(text.slice(i, stop));
        i = stop;
      }
      if (i >= end) break;
      const c = text[i];
      i++;
      if (c === delimiter) continue;
      if (c === '\r' && text[i] === '\n') i++;
      line++;
      break;
    }
    record.blank = !quotedAny && record.fields.length === 1 && record.fields[0] === '';
    yield record;
  }
}

/**
 * Parses CSV or tab-separated text whose first line names the columns into dataset rows (see the
 * module comment for the rules and {@link typeCell} for the values). Every error names its line
 * (and column or row where that helps); nothing is returned in part.
 */
export function parseCsv(input: string): CsvResult {
  // UTF-16 length is never more than the UTF-8 length: a long text is refused before counting.
  if (input.length > CSV_MAX_BYTES || utf8Length(input) > CSV_MAX_BYTES) {
    return { error: `the text is larger than 1 MiB (${CSV_MAX_BYTES} bytes): paste less at once` };
  }
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const rows: CsvRow[] = [];
  let header: string[] | null = null;
  try {
    for (const record of records(text, delimiter)) {
      if (record.blank) continue;
      if (header === null) {
        header = columnNames(record);
        continue;
      }
      if (rows.length === CSV_MAX_ROWS) {
        return {
          error: `line ${record.line}: more than ${CSV_MAX_ROWS} rows (the most a paste takes)`,
        };
      }
      if (record.fields.length !== header.length) {
        return {
          error:
            `line ${record.line}: row ${rows.length + 1} has ` +
            `${plural(record.fields.length, 'field')} where the header has ${header.length}`,
        };
      }
      const names = header;
      rows.push(Object.fromEntries(record.fields.map((field, k) => [names[k], typeCell(field)])));
    }
  } catch (error) {
    if (error instanceof CsvError) return { error: error.message };
    throw error;
  }
  if (header === null) return { error: 'the text is empty: its first line must name the columns' };
  return { rows };
}

/** The header record's names, trimmed; an empty or repeated one is an error naming its column. */
function columnNames(record: CsvRecord): string[] {
  const seen = new Map<string, number>();
  return record.fields.map((field, k) => {
    const name = field.trim();
    if (name === '') {
      throw new CsvError(`line ${record.line}: column ${k + 1} of the header has no name`);
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw new CsvError(
        `line ${record.line}: column ${k + 1} of the header repeats the name "${name}" ` +
          `of column ${first}`,
      );
    }
    seen.set(name, k + 1);
    return name;
  });
}
