/**
 * The load tests' flow and CRM script, shared by `ivr-console load` (load-command.test.ts) and
 * the Artillery engine (artillery-engine.test.ts) so both are held to the same exact counts: a
 * one-webhook flow, and a CRM whose request n is past the response limit every 10th time, a 500
 * every 7th, over the 64 KiB body limit the 13th, and otherwise answers in 130–249 ms.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScriptedReply } from '../helpers/scripted-crm.ts';

/** The flow's response limit, so a "past the timeout" answer costs a test 0.4 s, not 5. */
export const RESPONSE_LIMIT_MS = 400;

/** Writes the flow into `dir`: look the caller up, then hang up (also when the webhook fails). */
export function writeLookupFlow(dir: string): string {
  const path = join(dir, 'lookup.json');
  writeFileSync(
    path,
    JSON.stringify({
      id: 'lookup',
      name: 'Lookup',
      start: 'lookup',
      variables: { crm_base: 'http://127.0.0.1:1' },
      nodes: {
        lookup: {
          type: 'http',
          method: 'GET',
          url: '${crm_base}/lookup?caller=${source}',
          timeouts: { responseMs: RESPONSE_LIMIT_MS },
          next: 'bye',
          onError: 'bye',
        },
        bye: { type: 'hangup' },
      },
    }),
  );
  return path;
}

/** What the CRM does with request `n`. */
export function lookupScript(n: number): ScriptedReply {
  const delayMs = 130 + ((n * 37) % 120);
  if (n % 10 === 0) return { delayMs: RESPONSE_LIMIT_MS + 300, status: 200, body: '{}' };
  if (n % 7 === 0) return { delayMs, status: 500, body: '{"error":"scripted"}' };
  if (n === 13) return { delayMs, status: 200, body: JSON.stringify({ pad: 'x'.repeat(70_000) }) };
  return { delayMs, status: 200, body: JSON.stringify({ tier: `tier-${n}` }) };
}

/** What `calls` calls against {@link lookupScript} must count, request by request. */
export function expectedLookupCounts(calls: number): {
  ok: number;
  errors: Record<string, number>;
  overLimit: number;
} {
  let timeouts = 0;
  let serverErrors = 0;
  for (let n = 1; n <= calls; n++) {
    if (n % 10 === 0) timeouts++;
    else if (n % 7 === 0) serverErrors++;
  }
  const tooLarge = calls >= 13 ? 1 : 0;
  return {
    ok: calls - timeouts - serverErrors - tooLarge,
    errors: {
      response_timeout: timeouts,
      http_status: serverErrors,
      ...(tooLarge ? { body_too_large: tooLarge } : {}),
    },
    overLimit: timeouts,
  };
}
