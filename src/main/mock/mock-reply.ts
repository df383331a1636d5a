/**
 * What a mock rule answers to the request the mock server received: status, headers and body,
 * every text templated from that request (`${body.pin}`, `${query.id}`, `${header.x-y}`,
 * `${method}`, `${path}`).
 */
import type { MockBody, MockJson, MockRule } from '../../shared/mock-types.ts';
import { setOwn } from '../workspace/set-own.ts';
import { renderFromRequest } from './mock-request-view.ts';

/** A reply ready to write. */
export interface MockReply {
  status: number;
  /** Name/value pairs, in order. */
  headers: [string, string][];
  body: Buffer;
}

const CONTENT_TYPES: Readonly<Record<MockBody['kind'], string | null>> = {
  json: 'application/json',
  ini: 'text/x-ini',
  text: 'text/plain; charset=utf-8',
  // `body` is sent as written: its headers say what it is, or nothing does.
  body: null,
};

/**
 * What a `dribble` rule without a body sends: an empty JSON object padded to 256 bytes, so that
 * at the dribble's pace it outlasts the platform's 5 s response timeout.
 */
export const DRIBBLE_FILLER: MockBody = { kind: 'body', text: `{${' '.repeat(254)}}` };

type Read = (key: string) => string | undefined;

function renderJson(value: MockJson, read: Read): MockJson {
  if (typeof value === 'string') return renderFromRequest(value, read);
  if (Array.isArray(value)) return value.map((item) => renderJson(item, read));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, MockJson> = {};
    for (const [key, item] of Object.entries(value)) {
      setOwn(out, key, renderJson(item, read));
    }
    return out;
  }
  return value;
}

function renderBody(body: MockBody, read: Read): string {
  if (body.kind === 'json') return JSON.stringify(renderJson(body.value, read));
  return renderFromRequest(body.text, read);
}

/** The reply of `rule` to the request `read` reads. */
export function renderMockReply(rule: MockRule, read: Read): MockReply {
  const body = rule.body ?? (rule.fault === 'dribble' ? DRIBBLE_FILLER : null);
  const headers: [string, string][] = rule.headers.map(([name, value]) => [
    name,
    renderFromRequest(value, read),
  ]);
  const type = body === null ? null : CONTENT_TYPES[body.kind];
  const named = headers.some(([name]) => name.toLowerCase() === 'content-type');
  if (type !== null && !named) headers.unshift(['Content-Type', type]);
  return {
    status: rule.status,
    headers,
    body: Buffer.from(body === null ? '' : renderBody(body, read), 'utf8'),
  };
}
