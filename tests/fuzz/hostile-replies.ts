/**
 * Generates hostile webhook replies for the fuzz test: JSON that is deep, wide, long, oddly keyed,
 * with big integers, duplicate keys and `__proto__`; x-ini with sections and garbage; plain text;
 * mutated bytes and invalid UTF-8; wrong statuses and content types. Each reply says whether the
 * rules of ../shared/spec/WEBHOOK.md accept it, when that can be told without the code under test.
 */
import type { Random } from './seeded-random.ts';

/**
 * Whether ../shared/spec/WEBHOOK.md accepts a reply: `unknown` where the generator cannot tell on
 * its own.
 */
export type Verdict = 'ok' | 'bad' | 'unknown';

/** The verdict of a whole made of parts: one bad part spoils it, one unknown part clouds it. */
function combine(a: Verdict, b: Verdict): Verdict {
  if (a === 'bad' || b === 'bad') return 'bad';
  return a === 'unknown' || b === 'unknown' ? 'unknown' : 'ok';
}

/** A reply the fuzz server sends, with what the rules say about it. */
export interface HostileReply {
  status: number;
  contentType: string | null;
  body: Buffer;
  /** What the rules say, where they decide it plainly; `unknown`: only "no crash" is checked. */
  verdict: Verdict;
  label: string;
}

const GOOD_KEYS = ['a', 'name', 'balance', 'x_1', '_hidden', 'account'];
// Valid names that are hostile to plain objects, and a system variable (ignored with a warning).
const ODD_KEYS = ['__proto__', 'constructor', 'to_string', 'uuid'];
const BAD_KEYS = ['A', '1x', 'has space', 'é', '', 'a.b', 'a-b'];

function randomText(random: Random, max: number): string {
  const alphabet = ['a', 'Z', '0', ' ', '"', '\\', '\n', 'é', '€', '😀', '\u0000', '${x}', '%'];
  let out = '';
  const length = random.int(0, max);
  while (out.length < length) out += random.pick(alphabet);
  return out;
}

/** JSON text of a random value, with its verdict. */
function jsonValue(random: Random, depth: number, state: { leaves: number }): [string, Verdict] {
  const roll = random.int(0, 9);
  if (roll <= 1 && depth < 6) return jsonObject(random, depth + 1, state);
  state.leaves++;
  switch (roll) {
    case 2:
      return [String(random.int(-1e6, 1e6)), 'ok'];
    case 3:
      return random.pick<[string, Verdict]>([
        ['1.5', 'ok'],
        ['-0.25', 'ok'],
        ['1e3', 'ok'],
        ['9007199254740993', 'unknown'],
        ['1e400', 'bad'],
      ]);
    case 4:
      return [random.pick(['true', 'false']), 'ok'];
    case 5:
      return ['null', 'bad'];
    case 6:
      return ['[1,2]', 'bad'];
    default: {
      const text = randomText(random, random.chance(0.1) ? 400 : 40);
      // Length in UTF-16 units is never below the length in code points: between the two the
      // generator cannot tell which one the limit counts.
      const verdict = text.length <= 256 ? 'ok' : [...text].length > 256 ? 'bad' : 'unknown';
      return [JSON.stringify(text), verdict];
    }
  }
}

function jsonObject(random: Random, depth: number, state: { leaves: number }): [string, Verdict] {
  const parts: string[] = [];
  let verdict: Verdict = depth <= 3 ? 'ok' : 'bad';
  const seen = new Set<string>();
  for (let i = random.int(0, 5); i > 0; i--) {
    const roll = random.next();
    const key =
      roll < 0.08
        ? random.pick(BAD_KEYS)
        : roll < 0.16
          ? random.pick(ODD_KEYS)
          : `${random.pick(GOOD_KEYS)}${random.int(0, 3)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const [text, valueVerdict] = jsonValue(random, depth, state);
    const keyVerdict: Verdict = BAD_KEYS.includes(key)
      ? 'bad'
      : ODD_KEYS.includes(key)
        ? 'unknown'
        : 'ok';
    verdict = combine(verdict, combine(keyVerdict, valueVerdict));
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return [`{${parts.join(',')}}`, verdict];
}

function deepJson(random: Random): HostileReply {
  const depth = random.pick([4, 64, 1000, 5001, 10_000]);
  const body = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return reply(200, 'application/json', body, 'bad', `json nested ${depth} deep`);
}

function wideJson(random: Random): HostileReply {
  const count = random.pick([100, 101, 3000]);
  const pairs = Array.from({ length: count }, (_, i) => `"k${i}":${i}`);
  return reply(
    200,
    'application/json',
    `{${pairs.join(',')}}`,
    count <= 100 ? 'ok' : 'bad',
    `${count} keys`,
  );
}

function mutate(random: Random, text: string): Buffer {
  const bytes = Buffer.from(text);
  const out: number[] = [...bytes];
  for (let i = random.int(1, 4); i > 0 && out.length > 0; i--) {
    const at = random.int(0, out.length - 1);
    const op = random.int(0, 2);
    if (op === 0) out.splice(at, 1);
    else if (op === 1) out.splice(at, 0, random.int(0, 255));
    else out[at] = random.pick([0xff, 0xc0, 0x22, 0x7b, 0x7d, 0x5c]);
  }
  return Buffer.from(out);
}

function iniText(random: Random): [string, Verdict] {
  const lines: string[] = [];
  let verdict: Verdict = 'ok';
  for (let i = random.int(0, 8); i > 0; i--) {
    const roll = random.int(0, 9);
    if (roll === 0) {
      lines.push('[section]');
      verdict = 'bad';
    } else if (roll === 1) {
      lines.push('no equals sign');
      verdict = 'bad';
    } else if (roll === 2) lines.push('; comment');
    else lines.push(`k${random.int(0, 9)} = ${random.pick(['12', '1.5', 'true', 'text', ''])}`);
  }
  return [lines.join(random.pick(['\n', '\r\n'])), verdict];
}

function reply(
  status: number,
  contentType: string | null,
  body: string | Buffer,
  verdict: Verdict,
  label: string,
): HostileReply {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { status, contentType, body: bytes, verdict, label };
}

/** One random hostile reply. */
export function hostileReply(random: Random): HostileReply {
  const kind = random.int(0, 11);
  const json = random.pick(['application/json', 'text/json', 'application/json; charset=utf-8']);
  switch (kind) {
    case 0:
      return deepJson(random);
    case 1:
      return wideJson(random);
    case 2: {
      const [text] = jsonObject(random, 1, { leaves: 0 });
      return reply(200, json, mutate(random, text), 'unknown', 'mutated json');
    }
    case 3: {
      const [text, verdict] = iniText(random);
      return reply(200, 'text/x-ini', text, verdict, 'x-ini');
    }
    case 4:
      return reply(200, 'text/plain', mutate(random, randomText(random, 300)), 'unknown', 'plain');
    case 5: {
      const status = random.pick([201, 204, 301, 302, 400, 404, 500, 503]);
      return reply(status, json, '{"a":1}', 'bad', `status ${status}`);
    }
    case 6:
      return reply(
        200,
        json,
        Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
        'bad',
        'invalid utf-8',
      );
    case 7:
      return reply(
        200,
        json,
        'x'.repeat(random.pick([65_536, 70_000])),
        'bad',
        'at or over the size cap',
      );
    case 8:
      return reply(
        200,
        json,
        random.pick(['[]', '"text"', '12', 'null', '']),
        'bad',
        'not an object',
      );
    case 9:
      return reply(
        200,
        random.pick([null, 'garbage', 'APPLICATION/JSON', 'text/x-ini; x=1']),
        mutate(random, '{"a":1}'),
        'unknown',
        'odd content type',
      );
    default: {
      const state = { leaves: 0 };
      const [text, verdict] = jsonObject(random, 1, state);
      return reply(200, json, text, state.leaves > 100 ? 'bad' : verdict, 'random json');
    }
  }
}
