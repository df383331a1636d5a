// Over 300 lines: one loopback server that decodes what it receives, each test one encoding case.
/**
 * What goes on the wire: URL, form and JSON encoding of tricky values (decoded by the server),
 * methods, headers, secrets (sent for real, redacted everywhere else), copy-as-cURL, undefined
 * references, and requests that cannot be sent.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { WebhookClient } from '../../src/main/webhook/webhook-client.ts';
import { closedPort } from '../helpers/closed-port.ts';
import type { TestServer } from './helpers.ts';
import { assertHealthy, httpNode, sendJson, startServer } from './helpers.ts';

const run = promisify(execFile);

/** Quotes, `&`, `=`, `+`, `%`, newlines, backslash, a literal `${x}`, non-ASCII and emoji. */
const TRICKY = ` a "double" 'single' & b=c + d % 100\nline2\ttab \\ / ? # \${x} ñ 日本 😀 `;

describe('request rendering', () => {
  let server: TestServer;
  let client: WebhookClient;

  before(async () => {
    server = await startServer();
    client = createWebhookClient();
    // Decodes what it got, the way a CRM would, and sends it back as variables.
    server.route('/echo', (req, res, body) => {
      const url = new URL(req.url ?? '', server.base);
      const got: Record<string, string> = { method: req.method ?? '' };
      const query = url.searchParams.get('q');
      if (query !== null) got.query = query;
      const type = req.headers['content-type'] ?? '';
      if (type === 'application/x-www-form-urlencoded') {
        got.form = new URLSearchParams(body).get('v') ?? '(none)';
      } else if (type === 'application/json' && body !== '') {
        const json = JSON.parse(body) as { v: string; nested?: { w: string } };
        got.json = json.v;
        if (json.nested !== undefined) got.nested = json.nested.w;
      }
      sendJson(res, got);
    });
    server.route('/reset', (req) => req.socket.destroy());
  });

  after(async () => {
    await client.close();
    await server.close();
  });

  test('a tricky value survives the URL (encodeURIComponent)', async () => {
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/echo?q=\${v}&lit=1` }),
      variables: { v: TRICKY },
    });
    assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
    assert.equal(exchange.variablesSet.query, TRICKY);
    // encodeURIComponent keeps `'`; the WHATWG URL parser then writes it as %27 in a query.
    const encoded = encodeURIComponent(TRICKY).replaceAll("'", '%27');
    assert.equal(server.seen.at(-1)?.url, `/echo?q=${encoded}&lit=1`);
  });

  test('a tricky value survives a form body (form-encoded, space as +)', async () => {
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({
        url: `${server.base}/echo`,
        method: 'POST',
        contentType: 'form',
        body: 'v=${v}&other=x',
      }),
      variables: { v: TRICKY },
    });
    assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
    assert.equal(exchange.variablesSet.form, TRICKY);
    const expected = `v=${new URLSearchParams({ v: TRICKY }).toString().slice(2)}&other=x`;
    assert.equal(server.seen.at(-1)?.body, expected);
    assert.equal(exchange.request.body, expected);
    assert.deepEqual(exchange.request.headers[0], [
      'Content-Type',
      'application/x-www-form-urlencoded',
    ]);
  });

  test('a tricky value survives a JSON body (substituted on the parsed tree)', async () => {
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({
        url: `${server.base}/echo`,
        method: 'POST',
        contentType: 'json',
        body: '{"v": "${v}", "nested": {"w": "<${v}>"}, "n": 1}',
      }),
      variables: { v: TRICKY },
    });
    assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
    assert.equal(exchange.variablesSet.json, TRICKY);
    assert.equal(exchange.variablesSet.nested, `<${TRICKY}>`);
    assert.deepEqual(JSON.parse(server.seen.at(-1)?.body ?? ''), {
      v: TRICKY,
      nested: { w: `<${TRICKY}>` },
      n: 1,
    });
    assert.equal(server.seen.at(-1)?.headers['content-type'], 'application/json');
  });

  test('numbers and nested objects render as text in JSON strings', async () => {
    await client.execute({
      nodeId: 'n',
      node: httpNode({
        url: `${server.base}/echo`,
        method: 'PUT',
        contentType: 'json',
        body: '{"v": "${count}", "acct": "${account}", "bal": "${account.balance}"}',
      }),
      variables: { count: 3, account: { balance: 12.5 } },
    });
    const seen = server.seen.at(-1);
    assert.equal(seen?.method, 'PUT');
    assert.deepEqual(JSON.parse(seen?.body ?? ''), {
      v: '3',
      acct: '{"balance":12.5}',
      bal: '12.5',
    });
  });

  test('GET with a query, PUT and DELETE', async () => {
    const get = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/echo?id=\${id}&kind=x` }),
      variables: { id: '12 34' },
    });
    assert.equal(get.exchange.variablesSet.method, 'GET');
    assert.equal(server.seen.at(-1)?.url, '/echo?id=12%2034&kind=x');
    assert.equal(get.exchange.request.body, null);
    assert.equal(server.seen.at(-1)?.headers['content-type'], undefined);

    const put = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/echo`, method: 'PUT', body: 'v=${v}' }),
      variables: { v: 'é' },
    });
    assert.equal(put.exchange.variablesSet.method, 'PUT');
    assert.equal(put.exchange.variablesSet.form, 'é');

    const del = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/echo?q=1`, method: 'DELETE' }),
      variables: {},
    });
    assert.equal(del.exchange.variablesSet.method, 'DELETE');
    assert.equal(del.exchange.request.body, null);
    assert.equal(server.seen.at(-1)?.body, '');
    assert.deepEqual(
      del.exchange.request.headers.map(([name]) => name),
      ['User-Agent'],
    );
  });

  test('secrets are sent for real and redacted in the record, warnings and curl', async () => {
    const secret = 's3cr3t-T0ken';
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({
        url: `${server.base}/ok?token=\${secret.crm_token}&id=\${id}`,
        method: 'POST',
        contentType: 'form',
        body: 't=${secret.crm_token}&id=${id}',
        headers: { Authorization: 'Bearer ${secret.crm_token}', 'X-Call': '${id}' },
      }),
      variables: { id: '7' },
      secrets: { crm_token: secret },
    });
    assert.equal(exchange.ok, true);
    const seen = server.seen.at(-1);
    assert.equal(seen?.headers.authorization, `Bearer ${secret}`);
    assert.equal(seen?.url, `/ok?token=${secret}&id=7`);
    assert.equal(seen?.body, `t=${secret}&id=7`);
    assert.equal(exchange.request.url, `${server.base}/ok?token=[redacted]&id=7`);
    assert.equal(exchange.request.body, 't=[redacted]&id=7');
    assert.deepEqual(exchange.request.headers, [
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['User-Agent', 'IVR-Test-Console/0.1'],
      ['Authorization', 'Bearer [redacted]'],
      ['X-Call', '7'],
    ]);
    assert.ok(!JSON.stringify(exchange).includes(secret));
    assert.match(exchange.curl, /-H 'Authorization: Bearer \[redacted\]'/);
    assert.match(exchange.curl, /--data-raw 't=\[redacted\]&id=7'/);
  });

  test('a secret in a JSON body is redacted in the record', async () => {
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({
        url: `${server.base}/ok`,
        method: 'POST',
        contentType: 'json',
        body: '{"token": "${secret.k}", "v": "${v}"}',
      }),
      variables: { v: 'x' },
      secrets: { k: 'real"value' },
    });
    assert.equal(JSON.parse(server.seen.at(-1)?.body ?? '').token, 'real"value');
    assert.equal(exchange.request.body, '{"token":"[redacted]","v":"x"}');
  });

  test('the cURL copy is runnable and sends the same request', async () => {
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({
        url: `${server.base}/echo?q=\${v}`,
        method: 'POST',
        contentType: 'json',
        body: '{"v": "${v}"}',
        headers: { 'X-Quote': `it's "\${w}" $HOME \`ls\`` },
      }),
      variables: { v: TRICKY, w: 'w' },
    });
    assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
    const sent = server.seen.at(-1);
    assert.match(exchange.curl, /^curl -sS -X POST '/);
    const { stdout } = await run('bash', ['-c', exchange.curl]);
    const replayed = server.seen.at(-1);
    assert.notEqual(replayed, sent);
    assert.equal(replayed?.url, sent?.url);
    assert.equal(replayed?.body, sent?.body);
    assert.equal(replayed?.headers['content-type'], 'application/json');
    assert.equal(replayed?.headers['x-quote'], 'it\'s "w" $HOME `ls`');
    assert.equal(replayed?.headers['x-quote'], sent?.headers['x-quote']);
    assert.equal(JSON.parse(stdout).json, TRICKY);
  });

  test('undefined references render empty and are returned in missing', async () => {
    const result = await client.execute({
      nodeId: 'n',
      node: httpNode({
        url: `${server.base}/echo?q=\${nope}`,
        method: 'POST',
        body: 'v=${gone}&t=${secret.absent}&again=${nope}',
      }),
      variables: {},
    });
    assert.deepEqual(result.missing, ['nope', 'gone', 'secret.absent']);
    assert.equal(server.seen.at(-1)?.url, '/echo?q=');
    assert.equal(server.seen.at(-1)?.body, 'v=&t=&again=');
    assert.deepEqual(
      result.exchange.warnings.map((warning) => [warning.code, warning.key]),
      [
        ['undefined_variable', 'nope'],
        ['undefined_variable', 'gone'],
        ['undefined_variable', 'secret.absent'],
      ],
    );
  });

  test('a base URL from a variable is inserted as is; later values are encoded', async () => {
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: '${crm_base}/echo?q=${v}' }),
      variables: { crm_base: server.base, v: 'a/b c' },
    });
    assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
    assert.equal(exchange.variablesSet.query, 'a/b c');
    assert.equal(exchange.request.url, `${server.base}/echo?q=a%2Fb%20c`);
  });

  test('a rendered URL that is not http(s) is network_error without a request', async () => {
    const before = server.seen.length;
    for (const url of ['${crm_base}/x', 'ftp://127.0.0.1/x', 'http://']) {
      const { exchange } = await client.execute({
        nodeId: 'n',
        node: httpNode({ url }),
        variables: {},
      });
      assert.equal(exchange.error, 'network_error', url);
      assert.match(exchange.violations[0]?.detail ?? '', /not a valid http\(s\) URL/);
      assert.equal(exchange.response, null);
      assert.deepEqual(exchange.variablesSet, {});
    }
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: '${crm_base}/x' }),
      variables: {},
    });
    assert.match(exchange.violations[0]?.detail ?? '', /"\/x"/);
    assert.equal(server.seen.length, before);
  });

  test('an invalid JSON body template is not sent', async () => {
    const before = server.seen.length;
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({
        url: `${server.base}/echo`,
        method: 'POST',
        contentType: 'json',
        body: '{"v": ${v}}',
      }),
      variables: { v: 1 },
    });
    assert.equal(exchange.error, 'network_error');
    assert.match(exchange.violations[0]?.detail ?? '', /not valid JSON/);
    assert.equal(server.seen.length, before);
  });

  test('a header value with CR/LF fails cleanly (no header injection)', async () => {
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/echo`, headers: { 'X-V': '${v}' } }),
      variables: { v: 'a\r\nX-Injected: 1' },
    });
    assert.equal(exchange.error, 'network_error');
    assert.ok(!server.seen.some((seen) => seen.headers['x-injected'] !== undefined));
    await assertHealthy(client, server);
  });

  test('connection refused is network_error with the system message', async () => {
    const port = await closedPort();
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `http://127.0.0.1:${port}/x` }),
      variables: {},
    });
    assert.equal(exchange.error, 'network_error');
    assert.match(exchange.violations[0]?.detail ?? '', /ECONNREFUSED/);
    assert.deepEqual(exchange.variablesSet, {});
    assert.equal(exchange.timings.ttfbMs, null);
    await assertHealthy(client, server);
  });

  test('a connection reset by the server is network_error', async () => {
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/reset`, method: 'POST', body: 'a=1' }),
      variables: {},
    });
    assert.equal(exchange.error, 'network_error');
    assert.ok((exchange.violations[0]?.detail ?? '').length > 0);
    assert.deepEqual(exchange.variablesSet, {});
    await assertHealthy(client, server);
  });

  test('http:// to loopback (localhost too) carries no insecure_http warning', async () => {
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `http://localhost:${server.port}/ok` }),
      variables: {},
    });
    assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
    assert.deepEqual(exchange.warnings, []);
  });
});
