/**
 * What goes in comes out: every kind of event, webhook exchanges whole (raw bytes included),
 * after the file is closed and reopened.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import Database from 'better-sqlite3';
import type { SessionDetail } from '../../src/shared/session-types.ts';
import { openSessionStore } from '../../src/main/store/session-store.ts';
import {
  INVALID_UTF8_BODY,
  SAMPLE_EVENT_KINDS,
  sampleEvents,
  sampleStart,
  webhookCountOf,
} from './fixtures/sample-events.ts';
import { tempDbPath } from './fixtures/temp-db.ts';

test('a finished session reads back deep-equal after reopening the file', (t) => {
  const file = tempDbPath(t);
  const events = sampleEvents(SAMPLE_EVENT_KINDS * 3);
  const start = sampleStart({ id: '7d3c9a10-5b1e-4f7a-9c2d-0123456789ab' });
  const finalVariables = {
    customer: 'demo',
    account: { balance: 12.5, currency: 'HUF' },
    ok: true,
  };

  const store = openSessionStore({ path: file });
  const recorder = store.begin(start);
  assert.equal(recorder.id, start.id);
  for (const event of events) recorder.record(event);
  recorder.finish({
    outcome: 'transfer',
    endedBy: 'flow',
    transferTarget: 'support-queue',
    durationMs: 12_345.5,
    variables: finalVariables,
  });
  store.close();

  const reopened = openSessionStore({ path: file });
  t.after(() => reopened.close());
  const expected: SessionDetail = {
    id: start.id,
    flowId: start.flowId,
    flowName: start.flowName,
    flowPath: start.flowPath,
    source: start.source,
    destination: start.destination,
    startedAt: start.startedAt,
    durationMs: 12_345.5,
    status: 'transfer',
    endedBy: 'flow',
    transferTarget: 'support-queue',
    eventCount: events.length,
    webhookCount: webhookCountOf(events.length),
    variables: finalVariables,
    events,
  };
  assert.deepStrictEqual(reopened.get(start.id), expected);
  assert.ok(expected.webhookCount >= 9, 'the sample includes webhook events');
});

test('an invalid-UTF-8 response body is kept once, as its raw bytes', (t) => {
  const file = tempDbPath(t);
  const store = openSessionStore({ path: file });
  const recorder = store.begin(sampleStart());
  const events = sampleEvents(SAMPLE_EVENT_KINDS);
  for (const event of events) recorder.record(event);
  store.close();

  const db = new Database(file, { readonly: true });
  t.after(() => db.close());
  const row = db
    .prepare(`SELECT response_json, response_body FROM webhook_exchanges WHERE node = 'menu_data'`)
    .get() as { response_json: string; response_body: Buffer };
  assert.deepEqual(row.response_body, INVALID_UTF8_BODY);
  // Neither the lossy text nor the base64 is stored next to the bytes.
  assert.doesNotMatch(row.response_json, /"\$?body/);
  const ok = db
    .prepare(`SELECT response_json, response_body FROM webhook_exchanges WHERE node = 'auth'`)
    .get() as { response_json: string; response_body: Buffer };
  assert.match(ok.response_body.toString('utf8'), /"authenticated":true/);
  assert.doesNotMatch(ok.response_json, /authenticated/);
  const dataJson = db
    .prepare(`SELECT data_json FROM events WHERE type = 'webhook'`)
    .pluck()
    .all() as string[];
  assert.deepEqual(dataJson, ['{}', '{}', '{}'], 'the exchange is not repeated in the event row');
});

test('events are readable while the session is still running', (t) => {
  const file = tempDbPath(t);
  const writer = openSessionStore({ path: file });
  t.after(() => writer.close());
  const recorder = writer.begin(sampleStart());
  const events = sampleEvents(5);
  for (const event of events) recorder.record(event);

  const reader = openSessionStore({ path: file, readonly: true });
  t.after(() => reader.close());
  const detail = reader.get(recorder.id);
  assert.equal(detail?.status, 'running');
  assert.equal(detail?.durationMs, null);
  assert.equal(detail?.variables, null);
  assert.equal(detail?.endedBy, null);
  assert.deepStrictEqual(detail?.events, events);
});

test('odd but valid values survive: empty bodies, empty strings, FULL synchronous', (t) => {
  const file = tempDbPath(t);
  const store = openSessionStore({ path: file, synchronous: 'FULL' });
  t.after(() => store.close());
  const recorder = store.begin(
    sampleStart({ id: 'odd', flowPath: null, source: '', destination: '' }),
  );
  const [webhook] = sampleEvents(SAMPLE_EVENT_KINDS).filter((event) => event.type === 'webhook');
  assert.ok(webhook?.type === 'webhook');
  const emptyBody = structuredClone(webhook);
  emptyBody.seq = 0;
  assert.ok(emptyBody.exchange.response);
  emptyBody.exchange.response.body = '';
  emptyBody.exchange.response.bytesRead = 0;
  const truncatedBase64 = structuredClone(webhook);
  truncatedBase64.seq = 1;
  assert.ok(truncatedBase64.exchange.response);
  truncatedBase64.exchange.response.body = '\uFFFD';
  truncatedBase64.exchange.response.bodyBase64 = Buffer.from([0xc3]).toString('base64');
  // A producer whose text and base64 are not Node's own rendering of the bytes: kept verbatim.
  const foreignRendering = structuredClone(webhook);
  foreignRendering.seq = 2;
  assert.ok(foreignRendering.exchange.response);
  foreignRendering.exchange.response.body = '?';
  foreignRendering.exchange.response.bodyBase64 = 'ww';
  recorder.record(emptyBody);
  recorder.record(truncatedBase64);
  recorder.record(foreignRendering);
  recorder.finish({
    outcome: 'error',
    endedBy: 'flow',
    transferTarget: null,
    durationMs: 0,
    variables: {},
  });
  const detail = store.get('odd');
  assert.deepStrictEqual(detail?.events, [emptyBody, truncatedBase64, foreignRendering]);
  assert.equal(detail?.flowPath, null);
  assert.equal(detail?.status, 'error');
  assert.deepStrictEqual(detail?.variables, {});
});
