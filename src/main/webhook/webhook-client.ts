/**
 * The webhook client the engine calls: renders an `http` node's request, sends it under the
 * platform's limits, judges the reply and returns one {@link WebhookExchange}. It never throws:
 * every failure is an exchange with `ok: false`.
 */
import type { HttpNode } from '../../shared/flow/flow-schema.ts';
import type { VarMap } from '../../shared/variables.ts';
import type {
  Violation,
  WebhookExchange,
  WebhookLimits,
  WebhookWarning,
} from '../../shared/webhook-types.ts';
import { describeError } from './describe-error.ts';
import { evaluateResponse } from './evaluate-response.ts';
import { createTransport } from './http-transport.ts';
import type { Transport } from './http-transport.ts';
import { sendMocked } from './mocked-exchange.ts';
import type { WebhookNetwork } from './network-options.ts';
import { createLookups } from './reference-lookup.ts';
import { renderRequest } from './render-request.ts';
import type { RenderedRequest } from './render-request.ts';
import { limitsForNode, mergeLimits } from './resolve-limits.ts';
import { toCurl } from './to-curl.ts';
import type { TransportRequest, TransportResult } from './transport-types.ts';

/**
 * Client settings: limits over the platform defaults, the User-Agent to send, and the network
 * side from the call's environment (headers sent with every request, TLS, proxy).
 */
export interface WebhookClientOptions {
  limits?: Partial<WebhookLimits>;
  userAgent?: string;
  network?: WebhookNetwork;
}

/** One webhook to fire. */
export interface ExecuteInput {
  nodeId: string;
  node: HttpNode;
  /** The variable snapshot when fired (end-of-call variables for on-hang-up requests). */
  variables: VarMap;
  /** Values for `${secret.name}`. */
  secrets?: Readonly<Record<string, string>>;
  /** True for a `sendOnHangup` request fired at call end: its reply is never applied. */
  onHangup?: boolean;
}

/** The exchange, and the references that were undefined (rendered empty). */
export interface ExecuteResult {
  exchange: WebhookExchange;
  missing: string[];
}

/** Fires webhooks over one keep-alive connection pool. */
export interface WebhookClient {
  /** Runs one exchange; never rejects. */
  execute(input: ExecuteInput): Promise<ExecuteResult>;
  /** Closes the pooled connections (waits for exchanges in flight). */
  close(): Promise<void>;
}

/** Identifies the console to CRM servers (they may log it). */
export const DEFAULT_USER_AGENT = 'IVR-Test-Console/0.1';

interface Outcome {
  response: WebhookExchange['response'];
  violations: Violation[];
  warnings: WebhookWarning[];
  parsed: WebhookExchange['parsed'];
  applicable: WebhookExchange['variablesSet'];
  timings: WebhookExchange['timings'];
}

/**
 * Builds the exchange from a rendered request and the verdict on its reply: the first violation
 * is the error, and variables apply atomically. Exported so a recorded reply (replay's
 * `--mock-webhooks`) is turned into an exchange by the same rules as a live one.
 */
export function assemble(
  input: ExecuteInput,
  rendered: RenderedRequest,
  outcome: Outcome,
): ExecuteResult {
  const violations = outcome.violations;
  const ok = violations.length === 0;
  const onHangup = input.onHangup === true;
  const exchange: WebhookExchange = {
    node: input.nodeId,
    onHangup,
    request: rendered.record,
    response: outcome.response,
    ok,
    error: violations[0]?.code ?? null,
    violations,
    warnings: [...rendered.warnings, ...outcome.warnings],
    parsed: outcome.parsed,
    // Atomic: one violation and nothing applies; on-hang-up replies never apply.
    variablesSet: ok && !onHangup ? outcome.applicable : {},
    timings: outcome.timings,
    curl: toCurl(rendered.record),
  };
  return { exchange, missing: rendered.missing };
}

function unsentTimings(startedAt: number): WebhookExchange['timings'] {
  return { startedAt, connectMs: null, ttfbMs: null, totalMs: 0 };
}

/** How far an exchange got, for the report of an unexpected failure. */
interface Progress {
  rendered: RenderedRequest | null;
}

/**
 * The exchange for a failure nothing foresaw. The record is the rendered request when there is
 * one; otherwise the node's URL template as written (never a rendered value, so no secret).
 */
function internalFailure(
  input: ExecuteInput,
  rendered: RenderedRequest | null,
  error: unknown,
  startedAt: number,
): ExecuteResult {
  const template = { method: input.node.method, url: input.node.url, headers: [], body: null };
  const outcome: Outcome = {
    response: null,
    violations: [{ code: 'network_error', detail: `internal error: ${describeError(error)}` }],
    warnings: [],
    parsed: {},
    applicable: {},
    timings: { ...unsentTimings(startedAt), totalMs: Date.now() - startedAt },
  };
  const bare = (record: RenderedRequest['record']): RenderedRequest => ({
    wire: null,
    record,
    missing: rendered?.missing ?? [],
    warnings: rendered?.warnings ?? [],
    failure: null,
  });
  if (rendered !== null) {
    try {
      return assemble(input, bare(rendered.record), outcome);
    } catch {
      // The rendered record itself may be what failed (copy-as-cURL of it): fall back below.
    }
  }
  return assemble(input, bare(template), outcome);
}

const INSECURE_TLS: WebhookWarning = {
  code: 'insecure_tls',
  detail: "certificate checks are off (the environment's tls.insecure): the platform will check",
};

/** The exchange for a reply (or a failure) the transport brought back. */
function judge(
  input: ExecuteInput,
  rendered: RenderedRequest,
  result: TransportResult,
  limits: WebhookLimits,
  startedAt: number,
  https: boolean,
): ExecuteResult {
  const evaluation = evaluateResponse(
    result,
    input.node.setVariable,
    limits,
    input.onHangup === true,
  );
  return assemble(input, rendered, {
    ...evaluation,
    timings: {
      startedAt,
      connectMs: result.connectMs,
      // Only https exchanges have the field: plain http ones keep their recorded shape.
      ...(https ? { tlsMs: result.tlsMs ?? null } : {}),
      ttfbMs: result.ttfbMs,
      totalMs: result.totalMs,
    },
  });
}

/** Creates a client with one keep-alive undici Agent; call `close()` when the call ends. */
export function createWebhookClient(options: WebhookClientOptions = {}): WebhookClient {
  const baseLimits = mergeLimits(options.limits);
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const network = options.network ?? {};
  const transport = createTransport(baseLimits.connectTimeoutMs, network);
  const insecure = network.tls?.insecure === true;
  const mock = network.mock;
  // Mocked requests go to loopback directly: never through the environment's proxy or TLS.
  let mockTransport: Transport | null = null;
  const mockSend = (request: TransportRequest): Promise<TransportResult> => {
    mockTransport ??= createTransport(baseLimits.connectTimeoutMs, { proxy: null, proxyEnv: {} });
    return mockTransport.send(request);
  };

  async function run(
    input: ExecuteInput,
    startedAt: number,
    progress: Progress,
  ): Promise<ExecuteResult> {
    const node = input.node;
    const limits = limitsForNode(baseLimits, node);
    const lookups = createLookups(input.variables, input.secrets);
    const rendered = renderRequest(node, lookups, userAgent, network.headers);
    progress.rendered = rendered;
    if (rendered.wire === null) {
      const failure: Violation = rendered.failure ?? {
        code: 'network_error',
        detail: 'request not sent',
      };
      return assemble(input, rendered, {
        response: null,
        violations: [failure],
        warnings: [],
        parsed: {},
        applicable: {},
        timings: unsentTimings(startedAt),
      });
    }
    // One own-property test for unmocked calls: the load tests' hot path pays nothing more.
    if (mock !== undefined && Object.hasOwn(mock.nodes, input.nodeId)) {
      const mocked = await sendMocked(input.nodeId, mock, rendered, lookups.real, limits, mockSend);
      if ('violation' in mocked) {
        return assemble(input, rendered, {
          response: null,
          violations: [mocked.violation],
          warnings: [],
          parsed: {},
          applicable: {},
          timings: { ...unsentTimings(startedAt), totalMs: Date.now() - startedAt },
        });
      }
      const done = judge(input, rendered, mocked.result, limits, startedAt, false);
      done.exchange.mock = mocked.marker;
      return done;
    }
    const https = rendered.wire.origin.startsWith('https:');
    // Every exchange that goes out over https without certificate checks says so.
    if (insecure && https) rendered.warnings.unshift({ ...INSECURE_TLS });
    const result = await transport.send({
      ...rendered.wire,
      connectTimeoutMs: limits.connectTimeoutMs,
      responseTimeoutMs: limits.responseTimeoutMs,
      maxBodyBytes: limits.maxBodyBytes,
    });
    return judge(input, rendered, result, limits, startedAt, https);
  }

  return {
    async execute(input) {
      const startedAt = Date.now();
      const progress: Progress = { rendered: null };
      try {
        return await run(input, startedAt, progress);
      } catch (error) {
        // A bug of ours must not take the call down: report it like any other failure, with the
        // request as rendered (its real URL) when rendering got that far.
        return internalFailure(input, progress.rendered, error, startedAt);
      }
    },
    close: async () => {
      await Promise.all([transport.close(), mockTransport?.close()]);
    },
  };
}
