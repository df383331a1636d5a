/**
 * Picks the rule of a mocked node that answers a rendered request, in the webhook client before
 * anything is sent: the first rule whose `when` conditions all equal the request. When none does,
 * the detail names the closest rule (fewest differences, the earlier on a tie) and what differed,
 * read from the redacted record so that a secret never reaches the message.
 */
import type { ReferenceLookup } from '../../shared/flow/template.ts';
import { renderTemplate, SECRET_PREFIX } from '../../shared/flow/template.ts';
import type { MockRule } from '../../shared/mock-types.ts';
import type { WebhookRequestRecord } from '../../shared/webhook-types.ts';
import type { WireRequest } from '../webhook/render-request.ts';
import { createRequestReader, splitTarget } from './mock-request-view.ts';

/** The rule that answers (0-based), or why none does. */
export type MockChoice = { index: number } | { detail: string };

function expectedValue(key: string, template: string, lookup: ReferenceLookup): string {
  const text = template.includes('${') ? renderTemplate(template, lookup).text : template;
  return key === 'method' ? text.toUpperCase() : text;
}

/** The keys of `rule` whose condition the request does not meet. */
function differences(
  rule: MockRule,
  read: (key: string) => string | undefined,
  lookup: ReferenceLookup,
): string[] {
  const keys: string[] = [];
  for (const [key, template] of Object.entries(rule.when)) {
    if (read(key) !== expectedValue(key, template, lookup)) keys.push(key);
  }
  return keys;
}

function quoted(value: string | undefined): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

/** The message for a request no rule matches, built from the redacted record. */
function unmatched(
  nodeId: string,
  rules: readonly MockRule[],
  closest: number,
  differing: readonly string[],
  record: WebhookRequestRecord,
  lookup: ReferenceLookup,
): string {
  const url = URL.parse(record.url);
  const target =
    url === null ? splitTarget('') : { path: url.pathname, search: url.search.slice(1) };
  const shown = createRequestReader({
    method: record.method,
    ...target,
    headers: record.headers.flat(),
    body: record.body,
  });
  const rule = rules[closest] as MockRule;
  // A condition that renders a secret is shown as written, never with the value.
  const conditions = Object.entries(rule.when).map(([key, template]) => {
    const value = template.includes(SECRET_PREFIX)
      ? template
      : expectedValue(key, template, lookup);
    return `${key} = ${JSON.stringify(value)}`;
  });
  const found = differing.map((key) => `${key} was ${quoted(shown(key))}`);
  const count = rules.length === 1 ? 'its only rule' : `closest is rule ${closest + 1}`;
  return `no mock rule of ${nodeId} matches: ${count} (when ${conditions.join(', ')}), ${found.join(', ')}`;
}

/**
 * The first rule of `rules` that the request `wire` meets. `lookup` renders the `${}` of the
 * conditions (the call's variables); `record` is the same request redacted, for the message.
 */
export function chooseMockRule(
  nodeId: string,
  rules: readonly MockRule[],
  wire: WireRequest,
  record: WebhookRequestRecord,
  lookup: ReferenceLookup,
): MockChoice {
  const read = createRequestReader({
    method: wire.method,
    ...splitTarget(wire.path),
    headers: wire.headers,
    body: wire.body,
  });
  let closest = -1;
  let closestKeys: string[] = [];
  for (let index = 0; index < rules.length; index++) {
    const keys = differences(rules[index] as MockRule, read, lookup);
    if (keys.length === 0) return { index };
    if (closest === -1 || keys.length < closestKeys.length) {
      closest = index;
      closestKeys = keys;
    }
  }
  if (closest === -1) return { detail: `no mock rule of ${nodeId} matches: it has no rules` };
  return { detail: unmatched(nodeId, rules, closest, closestKeys, record, lookup) };
}
