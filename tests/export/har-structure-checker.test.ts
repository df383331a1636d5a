import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { harProblems } from './har-1.2-structure.ts';

/** A small HAR that follows every rule, in the shape of the spec's own examples. */
function validHar(): Record<string, unknown> {
  return {
    log: {
      version: '1.2',
      creator: { name: 'Example', version: '1.0' },
      pages: [
        {
          startedDateTime: '2009-04-16T12:07:23.596Z',
          id: 'page_0',
          title: 'Test Page',
          pageTimings: { onContentLoad: 1720, onLoad: -1 },
        },
      ],
      entries: [
        {
          pageref: 'page_0',
          startedDateTime: '2009-04-16T12:07:23.596+02:00',
          time: 50,
          request: {
            method: 'POST',
            url: 'http://www.example.com/path/?param=value',
            httpVersion: 'HTTP/1.1',
            cookies: [{ name: 'TestCookie', value: 'Cookie Value', httpOnly: false }],
            headers: [{ name: 'Accept', value: '*/*' }],
            queryString: [{ name: 'param', value: 'value' }],
            postData: {
              mimeType: 'application/x-www-form-urlencoded',
              text: 'a=1',
              params: [{ name: 'a', value: '1' }],
            },
            headersSize: 150,
            bodySize: 3,
          },
          response: {
            status: 200,
            statusText: 'OK',
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: [],
            content: {
              size: 33,
              mimeType: 'text/html; charset=utf-8',
              text: '\n',
              encoding: 'base64',
            },
            redirectURL: '',
            headersSize: 160,
            bodySize: 850,
          },
          cache: {},
          timings: { blocked: 0, dns: -1, connect: 15, send: 20, wait: 10, receive: 5, ssl: -1 },
          _custom: { anything: true },
        },
      ],
    },
  };
}

describe('the HAR 1.2 structure checker', () => {
  test('accepts a HAR that follows the spec', () => {
    assert.deepEqual(harProblems(validHar()), []);
  });

  test('reports every missing, mistyped or unknown field with its path', () => {
    const har = validHar();
    const log = har.log as Record<string, unknown>;
    const entry = (log.entries as Record<string, unknown>[])[0]!;
    const request = entry.request as Record<string, unknown>;
    const response = entry.response as Record<string, unknown>;
    const timings = entry.timings as Record<string, unknown>;
    log.version = '1.1';
    delete (log.creator as Record<string, unknown>).version;
    entry.startedDateTime = 'yesterday';
    entry.pageref = 'page_9';
    delete request.httpVersion;
    request.headers = [{ name: 'Accept' }];
    response.status = '200';
    delete (response.content as Record<string, unknown>).mimeType;
    response.extra = 1;
    timings.wait = -1;
    timings.connect = -2;
    assert.deepEqual(
      harProblems(har).map((p) => `${p.path}: ${p.message}`),
      [
        '/log/version: expected "1.2", got "1.1"',
        '/log/creator/version: missing required field',
        '/log/entries/0/startedDateTime: "yesterday" is not an ISO 8601 date-time',
        '/log/entries/0/request/httpVersion: missing required field',
        '/log/entries/0/request/headers/0/value: missing required field',
        '/log/entries/0/response/status: expected integer, got string',
        '/log/entries/0/response/content/mimeType: missing required field',
        '/log/entries/0/response/extra: unknown field (HAR custom fields start with an underscore)',
        '/log/entries/0/timings/connect: -2 matches none of the allowed forms',
        '/log/entries/0/timings/wait: -1 is below the minimum 0',
        '/log/entries/0/pageref: no page has id "page_9"',
        '/log/entries/0/time: 50 is not the sum of the timings (25)',
      ],
    );
  });

  test('a document that is not a HAR at all', () => {
    assert.deepEqual(harProblems([]), [{ path: '/', message: 'expected object, got array' }]);
    assert.deepEqual(harProblems({}), [{ path: '/log', message: 'missing required field' }]);
  });
});
