/**
 * The limits one exchange runs under: the platform's defaults, then the console's settings, then
 * the node's own `timeouts` (../shared/spec/WEBHOOK.md: configurable, never silently).
 */
import type { HttpNode } from '../../shared/flow/flow-schema.ts';
import type { WebhookLimits } from '../../shared/webhook-types.ts';
import { DEFAULT_WEBHOOK_LIMITS } from '../../shared/webhook-types.ts';

/**
 * Merges settings over the platform defaults. Undefined entries are skipped so that a partial
 * settings object built with optional fields cannot blank out a default.
 */
export function mergeLimits(overrides: Partial<WebhookLimits> | undefined): WebhookLimits {
  const limits: WebhookLimits = { ...DEFAULT_WEBHOOK_LIMITS };
  if (overrides === undefined) return limits;
  for (const name of Object.keys(limits) as (keyof WebhookLimits)[]) {
    const value = overrides[name];
    if (value !== undefined) limits[name] = value;
  }
  return limits;
}

/** Applies a node's `timeouts` (if any) over the client's limits. */
export function limitsForNode(base: WebhookLimits, node: HttpNode): WebhookLimits {
  const timeouts = node.timeouts;
  if (timeouts === undefined) return base;
  return {
    ...base,
    connectTimeoutMs: timeouts.connectMs ?? base.connectTimeoutMs,
    responseTimeoutMs: timeouts.responseMs ?? base.responseTimeoutMs,
  };
}
