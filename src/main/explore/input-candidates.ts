/**
 * The generated callers' answers to one wait of an input node, each a DTMF script fragment that
 * ends the attempt (calls/dtmf-script.ts): for a getDigits node the mined values, a valid default,
 * too few and too many digits, silence, `*`, and the terminator alone; for a menu every option
 * key, one key that is no option, and silence. And the caller numbers worth calling from.
 */
import type { Flow, NodeOf } from '../../shared/flow/flow-schema.ts';
import type { MockSection } from '../../shared/mock-types.ts';
import { SILENCE } from '../calls/dtmf-script.ts';
import { DEFAULT_SOURCE } from '../calls/scripted-call.ts';
import { minedValues } from './mined-values.ts';

/** The longest digit run worth trying as "too many digits". */
const LONGEST_ENTRY = 24;

/** `count` digits, 1 2 3 … 0 1 …, a value unlikely to be one the flow singles out. */
function digits(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String((i + 1) % 10);
  return out;
}

/** The keys that enter `value` at `node` and end the attempt (terminator, max length or pause). */
function entry(node: NodeOf<'getDigits'>, value: string): string {
  if (node.terminator !== undefined) return value + node.terminator;
  if (value.length >= node.maxDigits) return value;
  // Without a terminator an entry shorter than maxDigits ends by the inter-digit timeout.
  return value + SILENCE;
}

/** Script fragments for one attempt of getDigits `node`, in the order they are tried. */
export function digitCandidates(
  flow: Flow,
  mocks: MockSection | null,
  node: NodeOf<'getDigits'>,
): string[] {
  const keyOnly = /^[0-9*#]+$/;
  const out: string[] = [];
  const mined = minedValues(flow, mocks, node.variable);
  for (const value of mined) {
    // A value the keypad cannot type (or the terminator inside it) cannot be entered.
    if (!keyOnly.test(value) || (node.terminator && value.includes(node.terminator))) continue;
    out.push(entry(node, value));
  }
  // A valid value none of the mined ones: what the mocks' and branches' "anything else" answers.
  const n = node.minDigits;
  const other = [digits(n), '9'.repeat(n), '0'.repeat(n)].find((v) => !mined.includes(v));
  out.push(entry(node, other ?? digits(n)));
  if (node.minDigits > 1) out.push(entry(node, digits(node.minDigits - 1)));
  if (node.maxDigits < LONGEST_ENTRY) out.push(entry(node, digits(node.maxDigits + 1)));
  out.push(SILENCE);
  out.push(entry(node, '*'));
  if (node.terminator !== undefined) out.push(node.terminator);
  else out.push(entry(node, '#'));
  return [...new Set(out)];
}

/** Script fragments for one attempt of menu `node`: each option, a key that is none, silence. */
export function menuCandidates(node: NodeOf<'menu'>): string[] {
  const keys = Object.keys(node.options);
  const invalid = [...'0123456789*#'].find((key) => !Object.hasOwn(node.options, key));
  return [...keys, ...(invalid === undefined ? [] : [invalid]), SILENCE];
}

/**
 * The caller numbers to call from: the default caller (null) and, when the flow or the mocks
 * compare `source` with something (a dataset matched on `${source}`, say), each such number and
 * one that matches none of them.
 */
export function sourceCandidates(flow: Flow, mocks: MockSection | null): (string | null)[] {
  const mined = minedValues(flow, mocks, 'source');
  if (mined.length === 0) return [null];
  const unknown = ['+15550100', '+15550101', '+15550102'].find((n) => !mined.includes(n));
  // The default caller is one of them already when a dataset holds the demo number.
  const others = mined.filter((n) => n !== DEFAULT_SOURCE);
  return [null, ...others, ...(unknown === undefined ? [] : [unknown])];
}
