/**
 * Judging a complete 200 reply by its `Content-Type` (parameters ignored, case-insensitive):
 * JSON, x-ini or plain. Returns what was parsed, what may be applied (system variables removed)
 * and every violation and warning.
 */
import type { Violation, WebhookLimits, WebhookWarning } from '../../shared/webhook-types.ts';
import type { VarMap } from '../../shared/variables.ts';
import { isSystemVariable } from '../../shared/variables.ts';
import { parseIni } from './ini-parser.ts';
import { checkJsonObject } from './json-rules.ts';
import { parseJsonText } from './json-text.ts';
import { parsePlain } from './plain-reply.ts';
import { setOwn } from './value-rules.ts';

/** The verdict on a reply body. */
export interface ParsedReply {
  /** Everything parsed (for display), system keys included. */
  parsed: VarMap;
  /** What the engine may apply if there are no violations: `parsed` minus system variables. */
  applicable: VarMap;
  violations: Violation[];
  warnings: WebhookWarning[];
}

/** The media type of a `Content-Type` value: lowercased, parameters dropped. */
export function mediaType(contentType: string | undefined): string {
  if (contentType === undefined) return '';
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

function describeShape(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function parseJson(text: string, limits: WebhookLimits): Omit<ParsedReply, 'applicable'> {
  let tree: unknown;
  try {
    tree = parseJsonText(text);
  } catch (error) {
    const detail = (error as Error).message;
    return { parsed: {}, violations: [{ code: 'invalid_json', detail }], warnings: [] };
  }
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    return {
      parsed: {},
      violations: [
        {
          code: 'invalid_json_shape',
          detail: `the top level must be an object, got ${describeShape(tree)}`,
        },
      ],
      warnings: [],
    };
  }
  const checked = checkJsonObject(tree as Record<string, unknown>, limits);
  return { parsed: checked.value, violations: checked.violations, warnings: [] };
}

/**
 * Parses a reply. With `setVariable`, a JSON or x-ini reply is also stored whole under that name
 * (../shared/spec/FLOW.md), and a plain reply is stored only there.
 */
export function parseReply(
  text: string,
  contentType: string | undefined,
  setVariable: string | undefined,
  limits: WebhookLimits,
): ParsedReply {
  const type = mediaType(contentType);
  let result: Omit<ParsedReply, 'applicable'>;
  if (type === 'application/json' || type === 'text/json' || type === 'text/x-ini') {
    if (type === 'text/x-ini') {
      const ini = parseIni(text, limits);
      result = { parsed: ini.value, violations: ini.violations, warnings: ini.warnings };
    } else {
      result = parseJson(text, limits);
    }
    if (setVariable !== undefined && result.violations.length === 0) {
      const whole = { ...result.parsed };
      setOwn(result.parsed, setVariable, whole);
    }
  } else {
    const plain = parsePlain(text, setVariable, limits);
    result = { parsed: plain.value, violations: plain.violations, warnings: plain.warnings };
  }
  const applicable: VarMap = {};
  for (const key of Object.keys(result.parsed)) {
    if (isSystemVariable(key)) {
      result.warnings.push({
        code: 'system_variable_ignored',
        key,
        detail: 'system variables cannot be set by a response',
      });
    } else {
      setOwn(applicable, key, result.parsed[key]);
    }
  }
  return { ...result, applicable };
}
