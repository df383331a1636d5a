/**
 * The pure pieces of the webhook client, without a network.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeBody } from '../../src/main/webhook/decode-body.ts';
import { formEncode } from '../../src/main/webhook/form-encoding.ts';
import { isLoopbackHost } from '../../src/main/webhook/loopback.ts';
import { mediaType } from '../../src/main/webhook/parse-response.ts';
import { createLookups } from '../../src/main/webhook/reference-lookup.ts';
import { renderRequest } from '../../src/main/webhook/render-request.ts';
import { pathStart } from '../../src/main/webhook/render-url.ts';
import { limitsForNode, mergeLimits } from '../../src/main/webhook/resolve-limits.ts';
import { shellQuote, toCurl } from '../../src/main/webhook/to-curl.ts';
import { codePointLength, typeTextValue } from '../../src/main/webhook/value-rules.ts';
import { DEFAULT_WEBHOOK_LIMITS } from '../../src/shared/webhook-types.ts';
import { httpNode } from './helpers.ts';

describe('webhook units', () => {
  test('formEncode matches URLSearchParams for every ASCII character and beyond', () => {
    let all = '';
    for (let code = 0; code < 128; code++) all += String.fromCharCode(code);
    all += 'ñ日本😀';
    for (const char of Array.from(all)) {
      const expected = new URLSearchParams({ k: char }).toString().slice(2);
      assert.equal(formEncode(char), expected, JSON.stringify(char));
    }
    assert.equal(formEncode('\uD800'), new URLSearchParams({ k: '\uD800' }).toString().slice(2));
  });

  test('pathStart: values before the path are the base, later ones are encoded', () => {
    assert.equal(pathStart('${crm_base}/ivr/auth'), '${crm_base}'.length);
    assert.equal(pathStart('https://${host}:8080/x?y=${v}'), 'https://${host}:8080'.length);
    assert.equal(pathStart('http://h/a/${v}'), 'http://h'.length);
    assert.equal(pathStart('${base}?id=${id}'), '${base}'.length);
    assert.equal(pathStart('${crm_url}'), '${crm_url}'.length);
    assert.equal(pathStart('${a/b}/x'), '${a/b}'.length);
  });

  test('insecure_http for plain HTTP off loopback, none on loopback', () => {
    const lookups = createLookups({});
    const remote = renderRequest(httpNode({ url: 'http://crm.example.com/x' }), lookups, 'ua');
    assert.deepEqual(remote.warnings, [
      { code: 'insecure_http', detail: 'the platform strongly recommends HTTPS' },
    ]);
    const secure = renderRequest(httpNode({ url: 'https://crm.example.com/x' }), lookups, 'ua');
    assert.deepEqual(secure.warnings, []);
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', 'api.localhost']) {
      assert.equal(isLoopbackHost(host), true, host);
    }
    for (const host of ['10.0.0.1', 'example.com', '128.0.0.1', 'localhost.example.com']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });

  test('a flow Content-Type header replaces ours', () => {
    const rendered = renderRequest(
      httpNode({
        url: 'https://h/x',
        method: 'POST',
        body: 'a=1',
        headers: { 'content-type': 'text/plain' },
      }),
      createLookups({}),
      'ua',
    );
    assert.deepEqual(rendered.record.headers, [
      ['User-Agent', 'ua'],
      ['content-type', 'text/plain'],
    ]);
  });

  test('typeTextValue: canonical numbers and booleans only', () => {
    assert.equal(typeTextValue('42'), 42);
    assert.equal(typeTextValue('-3.25'), -3.25);
    assert.equal(typeTextValue('0'), 0);
    assert.equal(typeTextValue('0.5'), 0.5);
    assert.equal(typeTextValue('true'), true);
    assert.equal(typeTextValue('false'), false);
    for (const text of ['0042', '1e3', '+1', '1.', '.5', 'True', '12345678901234567890', '']) {
      assert.equal(typeTextValue(text), text);
    }
  });

  test('codePointLength counts emoji as one', () => {
    assert.equal(codePointLength('😀'.repeat(300), 256), 300);
    assert.equal(codePointLength('abc', 256), 3);
  });

  test('shell quoting and the curl line', () => {
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
    assert.equal(
      toCurl({
        method: 'POST',
        url: 'http://127.0.0.1:1/x?t=[redacted]',
        headers: [['A', "b'c"]],
        body: 'x=1',
      }),
      `curl -sS -X POST 'http://127.0.0.1:1/x?t=%5Bredacted%5D' -H 'A: b'\\''c' --data-raw 'x=1'`,
    );
  });

  test('decodeBody: strict verdict, lossy text, cut characters forgiven', () => {
    assert.deepEqual(decodeBody(Buffer.from('héllo'), false), { text: 'héllo', valid: true });
    assert.equal(decodeBody(Buffer.from([0xff]), false).valid, false);
    const cut = Buffer.from('a😀').subarray(0, 3);
    assert.deepEqual(decodeBody(cut, true), { text: 'a', valid: true });
    assert.equal(decodeBody(cut, false).valid, false);
  });

  test('mediaType ignores parameters and case', () => {
    assert.equal(mediaType('Application/JSON; charset=utf-8'), 'application/json');
    assert.equal(mediaType(undefined), '');
  });

  test('limits: defaults, then settings, then the node', () => {
    const base = mergeLimits({ responseTimeoutMs: 1000, maxKeys: undefined });
    assert.deepEqual(base, { ...DEFAULT_WEBHOOK_LIMITS, responseTimeoutMs: 1000 });
    const node = httpNode({ url: 'https://h/', timeouts: { connectMs: 50 } });
    assert.deepEqual(limitsForNode(base, node), {
      ...DEFAULT_WEBHOOK_LIMITS,
      responseTimeoutMs: 1000,
      connectTimeoutMs: 50,
    });
  });
});
