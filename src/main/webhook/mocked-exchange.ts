/**
 * The mocked leg of an exchange (../shared/spec/WORKSPACE.md, "Mock replies"): the node's rules
 * are matched against the rendered request here, and a match is sent through a transport of the
 * same kind to the loopback mock server, under the node's limits, so that the verdict on the
 * reply is the real client's. A request no rule matches is not sent: it fails with
 * `network_error` naming the closest rule.
 */
import type { ReferenceLookup } from '../../shared/flow/template.ts';
import type { MockMarker, MockRoute, MockRule } from '../../shared/mock-types.ts';
import type { Violation, WebhookLimits } from '../../shared/webhook-types.ts';
import { chooseMockRule } from '../mock/choose-mock-rule.ts';
import { mockTarget } from '../mock/mock-target.ts';
import type { RenderedRequest, WireRequest } from './render-request.ts';
import type { TransportRequest, TransportResult } from './transport-types.ts';

/** What the mock answered, or why nothing was sent. */
export type MockedResult =
  { result: TransportResult; marker: MockMarker } | { violation: Violation };

/**
 * Matches `rendered` (whose wire form exists) against the rules of `nodeId` in `route` and sends
 * it to the rule's target with `send`. `lookup` renders the `${}` of `when` (the call's values).
 */
export async function sendMocked(
  nodeId: string,
  route: MockRoute,
  rendered: RenderedRequest,
  lookup: ReferenceLookup,
  limits: WebhookLimits,
  send: (request: TransportRequest) => Promise<TransportResult>,
): Promise<MockedResult> {
  const wire = rendered.wire as WireRequest;
  const rules = route.nodes[nodeId] ?? [];
  const choice = chooseMockRule(nodeId, rules, wire, rendered.record, lookup);
  if ('detail' in choice) return { violation: { code: 'network_error', detail: choice.detail } };
  const rule = rules[choice.index] as MockRule;
  const result = await send({
    ...mockTarget(route, nodeId, choice.index, rule, wire),
    connectTimeoutMs: limits.connectTimeoutMs,
    responseTimeoutMs: limits.responseTimeoutMs,
    maxBodyBytes: limits.maxBodyBytes,
  });
  return { result, marker: { rule: choice.index + 1, server: route.origin } };
}
