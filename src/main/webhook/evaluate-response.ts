/**
 * From what the transport got to the verdict: the response record the tester sees, and every
 * violation and warning. Only a complete 200 reply of valid UTF-8 is parsed; an on-hang-up reply
 * is recorded but never parsed (the platform disregards it).
 */
import type {
  Violation,
  WebhookLimits,
  WebhookResponseRecord,
  WebhookWarning,
} from '../../shared/webhook-types.ts';
import type { VarMap } from '../../shared/variables.ts';
import { decodeBody } from './decode-body.ts';
import { parseReply } from './parse-response.ts';
import type { TransportResult } from './transport-types.ts';

/** The verdict on one transport result. */
export interface Evaluation {
  response: WebhookResponseRecord | null;
  violations: Violation[];
  warnings: WebhookWarning[];
  parsed: VarMap;
  /** What may be applied when there is no violation (system variables already removed). */
  applicable: VarMap;
}

function statusViolation(status: number, statusText: string): Violation {
  const line = statusText === '' ? String(status) : `${status} ${statusText}`;
  const why = status >= 300 && status < 400 ? 'redirects are not followed' : 'expected 200';
  return { code: 'http_status', detail: `${line} (${why})` };
}

function header(headers: [string, string][], name: string): string | undefined {
  for (const [key, value] of headers) if (key === name) return value;
  return undefined;
}

/** Evaluates a transport result for a node with `setVariable` under `limits`. */
export function evaluateResponse(
  result: TransportResult,
  setVariable: string | undefined,
  limits: WebhookLimits,
  onHangup: boolean,
): Evaluation {
  const violations: Violation[] = [];
  const warnings: WebhookWarning[] = [];
  // Returned as is whenever the body is not parsed (no response, failure, on-hang-up).
  const unparsed: Evaluation = { response: null, violations, warnings, parsed: {}, applicable: {} };
  const head = result.head;
  if (head === null) {
    if (result.failure !== null) violations.push(result.failure);
    return unparsed;
  }
  if (head.status !== 200) violations.push(statusViolation(head.status, head.statusText));
  if (result.failure !== null) violations.push(result.failure);

  const decoded = decodeBody(result.body, result.truncated);
  const response: WebhookResponseRecord = {
    status: head.status,
    statusText: head.statusText,
    headers: head.headers,
    body: decoded.text,
    bytesRead: result.bytesRead,
    truncated: result.truncated,
  };
  if (!decoded.valid)
    response.bodyBase64 = Buffer.from(
      result.body.buffer,
      result.body.byteOffset,
      result.body.byteLength,
    ).toString('base64');
  unparsed.response = response;

  if (onHangup) {
    warnings.push({
      code: 'response_ignored',
      detail: 'the platform disregards on-hang-up replies',
    });
    return unparsed;
  }
  // A failed status or an incomplete body is shown, never parsed.
  if (violations.length > 0) return unparsed;
  if (!decoded.valid) {
    violations.push({ code: 'invalid_encoding', detail: 'the body is not valid UTF-8' });
    return unparsed;
  }
  const reply = parseReply(decoded.text, header(head.headers, 'content-type'), setVariable, limits);
  for (const violation of reply.violations) violations.push(violation);
  for (const warning of reply.warnings) warnings.push(warning);
  return { response, violations, warnings, parsed: reply.parsed, applicable: reply.applicable };
}
