/**
 * The syntax stage of reading an environment file: YAML or JSON text to a YAML document whose
 * nodes know their place, every syntax mistake and duplicate key reported with line and column.
 * JSON files are checked as JSON first (YAML would accept more), then read through the same
 * YAML parser, of which JSON is a subset, so both formats share one validator and one set of
 * positions.
 */
import type { Node } from 'yaml';
import { LineCounter, parseDocument } from 'yaml';
import { firstJsonErrorOffset, locationOf } from '../../shared/flow/json-error-location.ts';
import { YamlReader } from '../call-tests/yaml-reader.ts';
import { findDuplicateKeys } from './find-duplicate-keys.ts';
import { MAX_FLOW_NESTING, tooDeepOffset } from './flow-nesting.ts';

/** The document's top node (null when the syntax is wrong or the file is empty). */
export interface ParsedEnvironmentText {
  reader: YamlReader;
  root: Node | null;
}

/** Why `JSON.parse` refused the text, without the position it repeats (given separately). */
function jsonReason(text: string): string {
  try {
    JSON.parse(text);
    return 'unexpected text';
  } catch (error) {
    return (error as Error).message
      .replace(/, (\.\.\.)?"[\s\S]*is not valid JSON$/, '')
      .replace(/( in JSON)? at position \d+( \(line \d+ column \d+\))?$/, '');
  }
}

/** Parses `text`; problems go to the returned reader (named after `file`). Never throws. */
export function parseEnvironmentText(
  file: string,
  text: string,
  format: 'yaml' | 'json',
): ParsedEnvironmentText {
  const lines = new LineCounter();
  if (format === 'json') {
    const offset = firstJsonErrorOffset(text);
    if (offset !== null) {
      const reader = new YamlReader(file, parseDocument(''), lines);
      const { line, column } = locationOf(text, offset);
      reader.problem({ line, col: column }, '', `invalid JSON: ${jsonReason(text)}`);
      return { reader, root: null };
    }
  }
  const deep = tooDeepOffset(text);
  if (deep !== null) {
    const reader = new YamlReader(file, parseDocument(''), lines);
    const { line, column } = locationOf(text, deep);
    reader.problem(
      { line, col: column },
      '',
      `nested too deeply: more than ${MAX_FLOW_NESTING} levels of [ ] or { }`,
    );
    return { reader, root: null };
  }
  // Duplicates are found below with their field path; as a parser error they would stop reading.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const reader = new YamlReader(file, doc, lines);
  if (doc.errors.length > 0 || doc.warnings.length > 0) {
    for (const error of [...doc.errors, ...doc.warnings]) {
      const message = error.message.split('\n')[0] ?? '';
      reader.problem(reader.posOf(error.pos[0]), '', `invalid YAML: ${message}`);
    }
    return { reader, root: null };
  }
  for (const duplicate of findDuplicateKeys(doc.contents)) {
    const first = reader.posOf(duplicate.firstOffset);
    reader.problem(
      reader.posOf(duplicate.offset),
      duplicate.field,
      `duplicate key "${duplicate.key}" (first on line ${first.line}); give each key once`,
    );
  }
  return { reader, root: reader.resolve(doc.contents) };
}
