/**
 * `text/x-ini` replies (../shared/spec/WEBHOOK.md): `key=value` lines; blank lines and `;`/`#`
 * comments ignored; key and value trimmed; `[section]` lines and lines without `=` are
 * `invalid_ini`; a repeated key keeps the last value with a `duplicate_key` warning; values are
 * typed like plain replies.
 */
import type { Violation, WebhookLimits, WebhookWarning } from '../../shared/webhook-types.ts';
import type { VarMap } from '../../shared/variables.ts';
import { checkKey, checkLength, excerpt, setOwn, typeTextValue } from './value-rules.ts';

type Limits = Pick<WebhookLimits, 'maxKeys' | 'maxValueLength'>;

/** The parsed pairs, the violations and the warnings of an x-ini reply. */
export interface IniResult {
  value: VarMap;
  violations: Violation[];
  warnings: WebhookWarning[];
}

/** Parses and checks an x-ini reply. */
export function parseIni(text: string, limits: Limits): IniResult {
  const value: VarMap = {};
  const violations: Violation[] = [];
  const warnings: WebhookWarning[] = [];
  const seenAt = new Map<string, number>();
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const number = index + 1;
    const line = (lines[index] ?? '').trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      violations.push({
        code: 'invalid_ini',
        detail: `line ${number}: sections are not supported ("${excerpt(line)}")`,
      });
      continue;
    }
    const equals = line.indexOf('=');
    if (equals === -1) {
      violations.push({
        code: 'invalid_ini',
        detail: `line ${number}: no "=" ("${excerpt(line)}")`,
      });
      continue;
    }
    const key = line.slice(0, equals).trim();
    const raw = line.slice(equals + 1).trim();
    const badKey = checkKey(key, key);
    if (badKey !== null) violations.push({ ...badKey, detail: `line ${number}: ${badKey.detail}` });
    const long = checkLength(raw, key, limits.maxValueLength);
    if (long !== null) violations.push(long);
    const previous = seenAt.get(key);
    if (previous !== undefined) {
      warnings.push({
        code: 'duplicate_key',
        key,
        detail: `line ${number} overrides line ${previous}`,
      });
    }
    seenAt.set(key, number);
    setOwn(value, key, typeTextValue(raw));
  }
  if (seenAt.size > limits.maxKeys) {
    violations.push({ code: 'too_many_keys', detail: `${seenAt.size} > ${limits.maxKeys}` });
  }
  return { value, violations, warnings };
}
