/**
 * Parses and validates a `test` file's YAML text (../shared/spec/CLI.md, "`test` files") as a
 * whole: syntax, every key, every value, unique case names, DTMF scripts. Nothing runs until a file
 * is clean, and the problems come all at once, each with its line.
 */
import type { Node } from 'yaml';
import { isScalar, LineCounter, parseDocument } from 'yaml';
import type { VarMap } from '../../shared/variables.ts';
import {
  isPerCallVariable,
  isSystemVariable,
  isValidVariableName,
} from '../../shared/variables.ts';
import { readDtmfScript } from '../calls/dtmf-script.ts';
import { readExpectations } from './parse-expectations.ts';
import type {
  At,
  CallSetup,
  NodeReference,
  SourcePos,
  TestCase,
  TestFile,
} from './test-file-types.ts';
import type { FileProblem, MapEntries } from './yaml-reader.ts';
import { YamlReader } from './yaml-reader.ts';

/** Keys at the top of a test file. */
export const FILE_KEYS = [
  'flow',
  'description',
  'source',
  'destination',
  'customer',
  'projectid',
  'variables',
  'cases',
] as const;

/** Keys an entry under `cases:` may use; any other is reported as an unknown key. */
export const CASE_KEYS = [
  'name',
  'description',
  'source',
  'destination',
  'customer',
  'projectid',
  'dtmf',
  'variables',
  'expect',
] as const;

/**
 * The outcome of parsing: the file when it is clean, and every problem found. The flow and the
 * node names are kept even when other parts are wrong, so the node names can still be checked
 * against the flow and all problems reported in one go.
 */
export interface ParsedTestFile {
  file: TestFile | null;
  problems: FileProblem[];
  flow: At<string> | null;
  nodeRefs: NodeReference[];
}

/** Reads `variables:` to preset, refusing names a flow could not use or must not set. */
function readPresets(
  reader: YamlReader,
  node: Node | null,
  field: string,
  at: SourcePos,
): VarMap | undefined {
  const entries = reader.map(node, field, [], at, { anyKey: true });
  if (!entries) return undefined;
  const out: VarMap = {};
  let ok = true;
  for (const [name, { value, keyPos }] of entries) {
    const path = `${field}.${name}`;
    const problem = !isValidVariableName(name)
      ? 'invalid variable name (must match ^[a-z_][a-z0-9_]*$)'
      : isPerCallVariable(name)
        ? 'a system variable the call sets itself; it cannot be preset'
        : isSystemVariable(name)
          ? `a system variable; set it with "${name}:" instead`
          : null;
    if (problem) {
      reader.problem(keyPos, path, problem);
      ok = false;
      continue;
    }
    const parsed = reader.value(value, path, keyPos);
    if (parsed === undefined) ok = false;
    else out[name] = parsed;
  }
  return ok ? out : undefined;
}

/** Reads the call setup keys shared by the file's defaults and each case. */
function readSetup(reader: YamlReader, entries: MapEntries, prefix: string): CallSetup {
  const setup: CallSetup = { variables: {} };
  for (const key of ['source', 'destination', 'customer', 'projectid'] as const) {
    const entry = entries.get(key);
    if (!entry) continue;
    const text = reader.string(entry.value, `${prefix}${key}`, entry.keyPos);
    if (text !== undefined) setup[key] = text;
  }
  const variables = entries.get('variables');
  if (variables) {
    setup.variables =
      readPresets(reader, variables.value, `${prefix}variables`, variables.keyPos) ?? {};
  }
  return setup;
}

/** Reads one case; undefined when it has problems (recorded). */
function readCase(
  reader: YamlReader,
  node: Node | null,
  field: string,
  at: SourcePos,
  refs: NodeReference[],
  seen: Map<string, number>,
): TestCase | undefined {
  const entries = reader.map(node, field, CASE_KEYS, at);
  if (!entries) return undefined;
  const before = reader.problems.length;
  const pos = reader.pos(node, at);
  const nameEntry = entries.get('name');
  const name = nameEntry
    ? reader.string(nameEntry.value, `${field}.name`, nameEntry.keyPos)
    : undefined;
  if (!nameEntry)
    reader.problem(pos, `${field}.name`, 'required (it names the case in the report)');
  if (nameEntry && name !== undefined) {
    const namePos = reader.pos(nameEntry.value, pos);
    const first = seen.get(name);
    if (first === undefined) seen.set(name, namePos.line);
    else {
      reader.problem(
        namePos,
        `${field}.name`,
        `"${name}" is already the name of the case on line ${first}; names must be unique`,
      );
    }
  }
  const description = entries.get('description');
  if (description) reader.string(description.value, `${field}.description`, description.keyPos);
  const setup = readSetup(reader, entries, `${field}.`);

  let dtmf = '';
  let steps: string[] = [];
  const dtmfEntry = entries.get('dtmf');
  if (dtmfEntry) {
    const text = reader.string(dtmfEntry.value, `${field}.dtmf`, dtmfEntry.keyPos, {
      allowEmpty: true,
    });
    // `dtmf: 12345 #1111` is "12345" plus a YAML comment: refuse it rather than drop the PIN.
    const comment = isScalar(dtmfEntry.value) ? (dtmfEntry.value.comment ?? undefined) : undefined;
    if (text !== undefined && comment !== undefined && /^[0-9*#~\s]+$/.test(comment)) {
      reader.problem(
        reader.pos(dtmfEntry.value, dtmfEntry.keyPos),
        `${field}.dtmf`,
        `"#${comment}" after a space starts a YAML comment, so those keys would be lost; quote the script: dtmf: "${text} #${comment.trim()}"`,
      );
    } else if (text !== undefined) {
      const read = readDtmfScript(text);
      if ('problem' in read) {
        const where = reader.pos(dtmfEntry.value, dtmfEntry.keyPos);
        reader.problem(where, `${field}.dtmf`, read.problem);
      } else {
        steps = read.steps;
        dtmf = text;
      }
    }
  }

  const expectEntry = entries.get('expect');
  const expect = expectEntry
    ? readExpectations(reader, expectEntry.value, `${field}.expect`, expectEntry.keyPos, refs)
    : undefined;
  if (!expectEntry)
    reader.problem(pos, `${field}.expect`, 'required: what the call must do to pass');

  if (reader.problems.length !== before || name === undefined || expect === undefined)
    return undefined;
  return {
    ...setup,
    name,
    pos: nameEntry ? reader.pos(nameEntry.value, pos) : pos,
    dtmf,
    steps,
    expect,
  };
}

/**
 * Parses a test file's text. `file` is the name used in problems (as the user wrote it or
 * relative to the working directory).
 */
export function parseTestFile(file: string, text: string): ParsedTestFile {
  const lines = new LineCounter();
  // Duplicate keys are errors (the default) because the later one silently winning hides a typo.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const reader = new YamlReader(file, doc, lines);
  if (doc.errors.length > 0 || doc.warnings.length > 0) {
    for (const error of [...doc.errors, ...doc.warnings]) {
      reader.problem(
        reader.posOf(error.pos[0]),
        '',
        `invalid YAML: ${error.message.split('\n')[0]}`,
      );
    }
    return { file: null, problems: reader.sortedProblems(), flow: null, nodeRefs: [] };
  }
  const root = reader.resolve(doc.contents);
  if (root === null) {
    reader.problem(
      { line: 1, col: 1 },
      '',
      'the file is empty; a test file has "flow:" and "cases:"',
    );
    return { file: null, problems: reader.sortedProblems(), flow: null, nodeRefs: [] };
  }
  const start = reader.pos(root);
  const entries = reader.map(root, '', FILE_KEYS, start);
  if (!entries) return { file: null, problems: reader.sortedProblems(), flow: null, nodeRefs: [] };

  const flowEntry = entries.get('flow');
  const flowPath = flowEntry ? reader.string(flowEntry.value, 'flow', flowEntry.keyPos) : undefined;
  if (!flowEntry)
    reader.problem(start, 'flow', 'required: the flow file to call, relative to this file');
  const description = entries.get('description');
  if (description) reader.string(description.value, 'description', description.keyPos);
  const defaults = readSetup(reader, entries, '');

  const refs: NodeReference[] = [];
  const cases: TestCase[] = [];
  const casesEntry = entries.get('cases');
  if (!casesEntry) {
    reader.problem(start, 'cases', 'required: a list of cases');
  } else if (!reader.isList(casesEntry.value) || reader.listItems(casesEntry.value).length === 0) {
    reader.problem(
      reader.pos(casesEntry.value, casesEntry.keyPos),
      'cases',
      'must be a non-empty list of cases ("- name: …" lines)',
    );
  } else {
    const seen = new Map<string, number>();
    reader.listItems(casesEntry.value).forEach((item, index) => {
      const at = reader.pos(item, casesEntry.keyPos);
      const testCase = readCase(reader, item, `cases[${index}]`, at, refs, seen);
      if (testCase) cases.push(testCase);
    });
  }

  const flow =
    flowEntry && flowPath !== undefined
      ? { value: flowPath, pos: reader.pos(flowEntry.value, flowEntry.keyPos) }
      : null;
  if (reader.problems.length > 0 || !flow) {
    return { file: null, problems: reader.sortedProblems(), flow, nodeRefs: refs };
  }
  return { file: { flow, defaults, cases }, problems: [], flow, nodeRefs: refs };
}
