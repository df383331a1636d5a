/**
 * The `run --json` document of ../shared/spec/CLI.md, built from a finished call: what `run` prints
 * and what a `test` case's expectations are checked against.
 */
import type { MockMarker } from '../../shared/mock-types.ts';
import type { CallResult } from '../engine/call-engine.ts';
import type { VarMap } from '../../shared/variables.ts';
import type { Violation, WebhookExchange, WebhookWarning } from '../../shared/webhook-types.ts';

/** One entry of `webhooks` in the `run --json` output. */
export interface RunJsonWebhook {
  node: string;
  method: string;
  url: string;
  requestBody: string | null;
  onHangup: boolean;
  status: number | null;
  ok: boolean;
  error: string | null;
  violations: Violation[];
  warnings: WebhookWarning[];
  variablesSet: VarMap;
  durationMs: number;
  /** Present when an environment's mock answered: the rule (1-based) and the mock server. */
  mock?: MockMarker;
}

/** The whole `run --json` document. */
export interface RunJson {
  flow: string;
  sessionId: string | null;
  outcome: CallResult['outcome'];
  endedBy: CallResult['endedBy'];
  transferTarget: string | null;
  path: string[];
  variables: VarMap;
  spoken: string[];
  webhooks: RunJsonWebhook[];
  warnings: string[];
  /** Why the call ended in `error` (added field). */
  error: CallResult['error'];
  /** Call duration on the call's clock (added field). */
  durationMs: number;
}

/** One exchange as an element of `webhooks` (also what `send --json` prints). */
export function toRunJsonWebhook(x: WebhookExchange): RunJsonWebhook {
  return {
    node: x.node,
    method: x.request.method,
    url: x.request.url,
    requestBody: x.request.body,
    onHangup: x.onHangup,
    status: x.response?.status ?? null,
    ok: x.ok,
    error: x.error,
    violations: x.violations,
    warnings: x.warnings,
    variablesSet: x.variablesSet,
    durationMs: Math.round(x.timings.totalMs * 10) / 10,
    ...(x.mock ? { mock: x.mock } : {}),
  };
}

/** Builds the `run --json` document. */
export function toRunJson(result: CallResult, sessionId: string | null): RunJson {
  return {
    flow: result.flowId,
    sessionId,
    outcome: result.outcome,
    endedBy: result.endedBy,
    transferTarget: result.transferTarget,
    path: result.path,
    variables: result.variables,
    spoken: result.spoken,
    webhooks: result.webhooks.map(toRunJsonWebhook),
    warnings: result.warnings,
    error: result.error,
    durationMs: result.durationMs,
  };
}
