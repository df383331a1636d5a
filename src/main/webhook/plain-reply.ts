/**
 * Plain replies (`text/plain`, a missing type, anything not JSON or x-ini): the trimmed body is one
 * value for the node's *Set variable* (../shared/spec/WEBHOOK.md).
 */
import type { Violation, WebhookLimits, WebhookWarning } from '../../shared/webhook-types.ts';
import type { VarMap } from '../../shared/variables.ts';
import { checkLength, setOwn, typeTextValue } from './value-rules.ts';

/** The value (under `setVariable`), the violations and the warnings of a plain reply. */
export interface PlainResult {
  value: VarMap;
  violations: Violation[];
  warnings: WebhookWarning[];
}

/** Parses and checks a plain reply. */
export function parsePlain(
  text: string,
  setVariable: string | undefined,
  limits: Pick<WebhookLimits, 'maxValueLength'>,
): PlainResult {
  if (setVariable === undefined) {
    return {
      value: {},
      violations: [],
      warnings: [{ code: 'no_set_variable', detail: 'plain-text reply ignored: no Set variable' }],
    };
  }
  const trimmed = text.trim();
  const violations: Violation[] = [];
  const lines = trimmed.split(/\r\n|\r|\n/).length;
  if (lines > 1) {
    violations.push({
      code: 'invalid_value_type',
      key: setVariable,
      detail: `a plain-text reply must be a single line (got ${lines} lines)`,
    });
  }
  const long = checkLength(trimmed, setVariable, limits.maxValueLength);
  if (long !== null) violations.push(long);
  const value: VarMap = {};
  setOwn(value, setVariable, typeTextValue(trimmed));
  return { value, violations, warnings: [] };
}
