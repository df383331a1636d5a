/**
 * The webhook executor of `replay --mock-webhooks`: each request is rendered from the current flow
 * and variables by the webhook client's own rendering (so a changed URL or body shows), and
 * answered, with no network at all, by the reply the original session recorded for the same
 * node's n-th exchange, judged by the client's own reply rules (status, size, parsing,
 * violations, atomic variables) under the current node.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { Violation, WebhookExchange, WebhookLimits } from '../../shared/webhook-types.ts';
import type { WebhookExecutor } from '../engine/call-engine.ts';
import { evaluateResponse } from '../webhook/evaluate-response.ts';
import { createLookups } from '../webhook/reference-lookup.ts';
import { renderRequest } from '../webhook/render-request.ts';
import { limitsForNode, mergeLimits } from '../webhook/resolve-limits.ts';
import { assemble, DEFAULT_USER_AGENT } from '../webhook/webhook-client.ts';
import type { ExecuteInput, ExecuteResult } from '../webhook/webhook-client.ts';
import { recordedReply } from './recorded-reply.ts';

/** Options of {@link createRecordedWebhooks}. */
export interface RecordedWebhooksOptions {
  /** Limits over the platform defaults, as the live client would use. */
  limits?: Partial<WebhookLimits>;
  userAgent?: string;
  /** The environment's headers, rendered into each request as the live client would. */
  headers?: Readonly<Record<string, string>>;
}

/** The original session's exchanges by node, in the order each node fired them. */
export function exchangesByNode(events: readonly CallEvent[]): Map<string, WebhookExchange[]> {
  const byNode = new Map<string, WebhookExchange[]>();
  for (const event of events) {
    if (event.type !== 'webhook') continue;
    const list = byNode.get(event.node) ?? [];
    list.push(event.exchange);
    byNode.set(event.node, list);
  }
  return byNode;
}

/** Creates the executor over the original session's events. */
export function createRecordedWebhooks(
  events: readonly CallEvent[],
  options: RecordedWebhooksOptions = {},
): WebhookExecutor {
  const recorded = exchangesByNode(events);
  const fired = new Map<string, number>();
  const baseLimits = mergeLimits(options.limits);
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;

  const unanswered = (
    input: ExecuteInput,
    rendered: Parameters<typeof assemble>[1],
    violation: Violation,
    startedAt: number,
  ): ExecuteResult =>
    assemble(input, rendered, {
      response: null,
      violations: [violation],
      warnings: [],
      parsed: {},
      applicable: {},
      timings: { startedAt, connectMs: null, ttfbMs: null, totalMs: 0 },
    });

  return {
    execute(input) {
      const startedAt = Date.now();
      const occurrence = (fired.get(input.nodeId) ?? 0) + 1;
      fired.set(input.nodeId, occurrence);
      const rendered = renderRequest(
        input.node,
        createLookups(input.variables, input.secrets),
        userAgent,
        options.headers,
      );
      // A request that cannot be rendered is not sent live either: same failure as the client.
      if (rendered.wire === null) {
        const failure = rendered.failure ?? { code: 'network_error', detail: 'request not sent' };
        return Promise.resolve(unanswered(input, rendered, failure, startedAt));
      }
      const original = recorded.get(input.nodeId)?.[occurrence - 1];
      const reply = original ? recordedReply(original) : null;
      if (reply === null) {
        const detail = `no recorded response for node ${input.nodeId} (occurrence ${occurrence})`;
        return Promise.resolve(
          unanswered(input, rendered, { code: 'network_error', detail }, startedAt),
        );
      }
      const limits = limitsForNode(baseLimits, input.node);
      const evaluation = evaluateResponse(
        reply,
        input.node.setVariable,
        limits,
        input.onHangup === true,
      );
      return Promise.resolve(
        assemble(input, rendered, {
          ...evaluation,
          timings: { startedAt, connectMs: null, ttfbMs: reply.ttfbMs, totalMs: 0 },
        }),
      );
    },
  };
}
