/**
 * "Mock from this call": a logged session turned into an environment whose `mock` section
 * (../shared/spec/WORKSPACE.md, "Mock replies") answers every webhook the call sent with the reply
 * it received: same status, Content-Type, body and time to first byte, or the same kind of
 * failure (a timeout under the call's own response timeout, a body over the cap over it again).
 * Where one node fired several different requests, each rule names the request fields that told
 * them apart, so each request gets its own reply back.
 */
import { stringify } from 'yaml';
import type { SessionDetail } from '../../shared/session-types.ts';
import { isSystemVariable } from '../../shared/variables.ts';
import type { WebhookExchange } from '../../shared/webhook-types.ts';
import { createRequestReader } from '../mock/mock-request-view.ts';
import type { Exporter } from './exporter.ts';

/** One rule as written in the environment file. */
type RuleText = Record<string, unknown>;

/** The fields of a request a rule may pin, with their values (`body.pin` → `1111`). */
function requestFields(exchange: WebhookExchange): Map<string, string> {
  const request = exchange.request;
  const url = new URL(request.url);
  const headers = request.headers.flat();
  const read = createRequestReader({
    method: request.method,
    path: url.pathname,
    search: url.search.slice(1),
    headers,
    body: request.body,
  });
  const keys = [
    'method',
    'path',
    ...new Set([...url.searchParams.keys()].map((k) => `query.${k}`)),
  ];
  const type = headers.find((_, i) => i % 2 === 0 && headers[i]?.toLowerCase() === 'content-type');
  if (request.body !== null && type !== undefined) {
    try {
      // Top-level fields only: JSON leaves (nested objects compared whole) or form fields.
      const parsed: unknown = JSON.parse(request.body);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        for (const key of Object.keys(parsed)) keys.push(`body.${key}`);
      }
    } catch {
      for (const key of new URLSearchParams(request.body).keys()) keys.push(`body.${key}`);
    }
  }
  const fields = new Map<string, string>();
  for (const key of keys) {
    const value = read(key);
    if (value !== undefined) fields.set(key, value);
  }
  return fields;
}

/**
 * The body of a reply the call stopped reading at the cap (`body_too_large`): the bytes kept, then
 * filler up to one byte past the cap, so the mock's reply breaks the same limit again.
 */
function overCap(text: string, bytesRead: number): string {
  const kept = Buffer.byteLength(text);
  return text + ' '.repeat(Math.max(1, bytesRead - kept));
}

/** The reply part of a rule: what the CRM answered, or the failure the call saw instead. */
function replyOf(exchange: WebhookExchange): RuleText {
  const response = exchange.response;
  if (response === null) {
    // No reply: a connection that failed is refused again; a reply that never came, never comes.
    return { fault: exchange.error === 'response_timeout' ? 'timeout' : 'refuse' };
  }
  const rule: RuleText = {};
  if (response.status !== 200) rule['status'] = response.status;
  const contentType = response.headers.find(([name]) => name === 'content-type')?.[1] ?? null;
  const media = (contentType?.split(';')[0] ?? '').trim().toLowerCase();
  const text = response.truncated ? overCap(response.body, response.bytesRead) : response.body;
  if (media === 'application/json' || media === 'text/json') {
    try {
      rule['json'] = JSON.parse(text) as unknown;
    } catch {
      rule['body'] = text;
      rule['headers'] = { 'Content-Type': contentType };
    }
  } else if (media === 'text/x-ini') {
    rule['ini'] = text;
  } else if (media === 'text/plain') {
    rule['text'] = text;
  } else {
    rule['body'] = text;
    if (contentType !== null) rule['headers'] = { 'Content-Type': contentType };
  }
  const ttfb = exchange.timings.ttfbMs;
  if (ttfb !== null && ttfb >= 1) rule['delayMs'] = Math.round(ttfb);
  return rule;
}

/** The rules of one node: one per distinct request, pinned by the fields that differ. */
function rulesOf(exchanges: readonly WebhookExchange[]): RuleText[] {
  const fields = exchanges.map(requestFields);
  const differing = new Set<string>();
  for (const key of new Set(fields.flatMap((f) => [...f.keys()]))) {
    const values = new Set(fields.map((f) => f.get(key)));
    if (values.size > 1) differing.add(key);
  }
  const rules: RuleText[] = [];
  const seen = new Set<string>();
  exchanges.forEach((exchange, index) => {
    const when: Record<string, string> = {};
    for (const key of differing) {
      const value = fields[index]?.get(key);
      if (value !== undefined) when[key] = value;
    }
    // The same request again would never reach a second rule: the first reply stands.
    const signature = JSON.stringify(when);
    if (seen.has(signature)) return;
    seen.add(signature);
    rules.push({ ...(Object.keys(when).length > 0 ? { when } : {}), ...replyOf(exchange) });
  });
  return rules;
}

/**
 * User variables of the call at its start whose value begins a mocked request's URL
 * (`crm_base`): the mock environment keeps them, so the flow's URLs render as they did.
 */
function urlVariables(session: SessionDetail, urls: readonly string[]): Record<string, string> {
  const started = session.events.find((e) => e.type === 'call_started');
  const variables: Record<string, string> = {};
  if (started?.type !== 'call_started') return variables;
  for (const [name, value] of Object.entries(started.variables)) {
    if (isSystemVariable(name) || typeof value !== 'string' || value.length < 8) continue;
    if (urls.some((url) => url.startsWith(value))) variables[name] = value;
  }
  return variables;
}

/**
 * The response timeout the call ran under, when a reply never came in time: the mock's `timeout`
 * fault then ends as quickly as it did in the call, not after the platform's 5 s. Read from the
 * client's own wording of that error (webhook/response-collector.ts).
 */
function timeoutLimit(exchanges: readonly WebhookExchange[]): number | null {
  for (const exchange of exchanges) {
    if (exchange.error !== 'response_timeout') continue;
    const detail = exchange.violations.find((v) => v.code === 'response_timeout')?.detail ?? '';
    const ms = /^response not complete within (\d+) ms$/.exec(detail)?.[1];
    if (ms !== undefined) return Number(ms);
  }
  return null;
}

/** The exchanges of a session by node, in the order they were sent. */
function exchangesByNode(session: SessionDetail): Map<string, WebhookExchange[]> {
  const byNode = new Map<string, WebhookExchange[]>();
  for (const event of session.events) {
    if (event.type !== 'webhook') continue;
    const list = byNode.get(event.node) ?? [];
    list.push(event.exchange);
    byNode.set(event.node, list);
  }
  return byNode;
}

/**
 * The environment file (YAML text) whose mocks give back every reply `session` received, named
 * after its flow and call. Throws when the call sent no webhook (there is nothing to mock).
 */
export function sessionToMockEnvironment(session: SessionDetail, exporter: Exporter): string {
  const byNode = exchangesByNode(session);
  if (byNode.size === 0) throw new Error(`session ${session.id} sent no webhook: nothing to mock`);
  const mock: Record<string, RuleText[]> = {};
  for (const [node, exchanges] of byNode) mock[node] = rulesOf(exchanges);
  const urls = [...byNode.values()].flat().map((e) => e.request.url);
  const variables = urlVariables(session, urls);
  const responseTimeoutMs = timeoutLimit([...byNode.values()].flat());
  const when = new Date(session.startedAt).toISOString().slice(0, 16).replace('T', ' ');
  const document = {
    name: `Mock of ${session.flowName} (call ${when})`,
    ...(Object.keys(variables).length > 0 ? { variables } : {}),
    ...(responseTimeoutMs !== null ? { limits: { responseTimeoutMs } } : {}),
    mock,
  };
  const header = [
    `# Made by ${exporter.name} ${exporter.version} from session ${session.id}:`,
    '# every webhook of that call answered with the reply it received (Mock from this call).',
  ];
  return `${header.join('\n')}\n${stringify(document, { lineWidth: 0 })}`;
}
