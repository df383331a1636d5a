/**
 * `expect.webhooks`: each entry is a partial match (only the fields it gives are compared), and
 * the entries must match exchanges in the order they were sent, not necessarily adjacent: an
 * ordered subsequence, like `path_includes`. Greedy earliest matching is enough to decide that.
 */
import type { RunJsonWebhook } from '../calls/run-json.ts';
import type { ExpectationFailure } from './expectation-failure.ts';
import { matchValue, showValue } from './match-values.ts';
import type { At, WebhookExpectation } from './test-file-types.ts';

/** `#2 submit POST 200` (or the error code when there was no status). */
function summarize(exchange: RunJsonWebhook, index: number): string {
  const status = exchange.status ?? exchange.error ?? 'no answer';
  return `#${index + 1} ${exchange.node} ${exchange.method} ${status}${exchange.onHangup ? ' (on hang-up)' : ''}`;
}

/** The expectation as it was written, compactly: `{node: submit, status: 200}`. */
function describeExpectation(expected: WebhookExpectation): string {
  const parts: string[] = [];
  if (expected.node !== undefined) parts.push(`node: ${expected.node}`);
  if (expected.method !== undefined) parts.push(`method: ${expected.method}`);
  if (expected.status !== undefined) parts.push(`status: ${expected.status}`);
  if (expected.ok !== undefined) parts.push(`ok: ${expected.ok}`);
  if (expected.error !== undefined) parts.push(`error: ${expected.error}`);
  if (expected.onHangup !== undefined) parts.push(`onHangup: ${expected.onHangup}`);
  if (expected.variablesSet !== undefined)
    parts.push(`variablesSet: ${JSON.stringify(expected.variablesSet)}`);
  if (expected.requestBodyIncludes !== undefined) {
    parts.push(`requestBody_includes: ${JSON.stringify(expected.requestBodyIncludes)}`);
  }
  return `{${parts.join(', ')}}`;
}

/** Every way `exchange` differs from `expected`, in words; empty when it matches. */
function differences(expected: WebhookExpectation, exchange: RunJsonWebhook): string[] {
  const out: string[] = [];
  const field = (name: string, want: unknown, got: unknown): void => {
    if (want !== undefined && want !== got) {
      out.push(`${name} ${JSON.stringify(got ?? null)} instead of ${JSON.stringify(want)}`);
    }
  };
  field('node', expected.node, exchange.node);
  field('method', expected.method, exchange.method);
  field('status', expected.status, exchange.status);
  field('ok', expected.ok, exchange.ok);
  field('error', expected.error, exchange.error);
  field('onHangup', expected.onHangup, exchange.onHangup);
  for (const [name, value] of Object.entries(expected.variablesSet ?? {})) {
    const actual = Object.hasOwn(exchange.variablesSet, name)
      ? exchange.variablesSet[name]
      : undefined;
    for (const m of matchValue(value, actual, `variablesSet.${name}`)) {
      out.push(`${m.path} ${m.actual} instead of ${m.expected}`);
    }
  }
  for (const part of expected.requestBodyIncludes ?? []) {
    if (!(exchange.requestBody ?? '').includes(part)) {
      out.push(
        `request body ${showValue(exchange.requestBody ?? '')} does not contain ${JSON.stringify(part)}`,
      );
    }
  }
  return out;
}

/** Checks `expect.webhooks` against the call's exchanges; one failure per unmatched entry. */
export function matchWebhooks(
  expected: At<WebhookExpectation[]>,
  exchanges: RunJsonWebhook[],
): ExpectationFailure[] {
  const all = exchanges.map(summarize).join(', ') || 'none';
  if (expected.value.length === 0) {
    return exchanges.length === 0
      ? []
      : [
          {
            expectation: 'webhooks',
            expected: 'no webhooks',
            actual: all,
            line: expected.pos.line,
          },
        ];
  }
  const failures: ExpectationFailure[] = [];
  let cursor = 0;
  expected.value.forEach((want, index) => {
    const rest = exchanges.map((exchange, at) => ({ exchange, at })).slice(cursor);
    const hit = rest.find(({ exchange }) => differences(want, exchange).length === 0);
    if (hit) {
      cursor = hit.at + 1;
      return;
    }
    // Name the closest candidate so the message says what differs, not just "no match".
    const after = cursor > 0 ? ` after exchange #${cursor}` : '';
    const sameNode = rest.find(({ exchange }) => exchange.node === want.node);
    const nearest = rest
      .map((r) => ({ ...r, misses: differences(want, r.exchange).length }))
      .sort((a, b) => a.misses - b.misses)[0];
    let actual: string;
    if (want.node !== undefined && !exchanges.some((e) => e.node === want.node)) {
      actual = `no request from node "${want.node}" (exchanges: ${all})`;
    } else if (want.node !== undefined && !sameNode) {
      actual = `requests from "${want.node}" only before that (exchanges: ${all})`;
    } else if (sameNode ?? nearest) {
      const candidate = (sameNode ?? nearest) as { exchange: RunJsonWebhook; at: number };
      actual = `${summarize(candidate.exchange, candidate.at)}: ${differences(want, candidate.exchange).join('; ')}`;
    } else {
      actual = `nothing${after} (exchanges: ${all})`;
    }
    failures.push({
      expectation: `webhooks[${index}]`,
      expected: `${describeExpectation(want)}${after}`,
      actual,
      line: want.pos.line,
    });
  });
  return failures;
}
