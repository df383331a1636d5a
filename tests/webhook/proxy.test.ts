// Over 300 lines: one real forward proxy and one HTTPS target shared by every case.
/**
 * Webhooks through a real forward proxy (the `proxy` package): CONNECT tunnels to an https
 * target, absolute-form requests to an http target, the proxy variables and NO_PROXY, proxy
 * credentials, and every way a proxy can fail, each a `network_error` naming the proxy.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import type { WebhookExchange } from '../../src/shared/webhook-types.ts';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import { closedPort } from '../helpers/closed-port.ts';
import type { TestCertificates } from '../helpers/test-certificates.ts';
import { createTestCertificates } from '../helpers/test-certificates.ts';
import type { TestServer } from './helpers.ts';
import { httpNode, startServer } from './helpers.ts';
import type { HttpsTestServer, TestProxy } from './network-helpers.ts';
import { exchangeWith, startHttpsServer, startProxy } from './network-helpers.ts';

/** A raw TCP server that answers every connection with `reply` (or nothing), for bad proxies. */
async function startFakeProxy(
  reply: string | null,
): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', () => {
      if (reply !== null) socket.write(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function assertNetworkError(exchange: WebhookExchange, pattern: RegExp): string {
  assert.equal(exchange.ok, false);
  assert.equal(exchange.error, 'network_error', JSON.stringify(exchange.violations));
  assert.equal(exchange.response, null);
  const detail = exchange.violations[0]?.detail ?? '';
  assert.match(detail, pattern);
  return detail;
}

describe('webhooks through a proxy', () => {
  let certs: TestCertificates | null = null;
  let secure: HttpsTestServer | null = null;
  let plain: TestServer;
  let proxy: TestProxy;
  let guarded: TestProxy;

  before(async () => {
    certs = await createTestCertificates();
    if (certs !== null) secure = await startHttpsServer(certs.server);
    plain = await startServer();
    plain.route('/big', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ big: 'x'.repeat(70_000) }));
    });
    plain.route('/gone', (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('down');
    });
    proxy = await startProxy();
    guarded = await startProxy('ivr:p@ss w0rd');
  });

  after(async () => {
    await Promise.all([secure?.close(), plain.close(), proxy.close(), guarded.close()]);
    await certs?.remove();
  });

  const httpsTarget = (t: TestContext): { server: HttpsTestServer; ca: string } | null => {
    if (certs === null || secure === null) {
      t.skip('openssl not found');
      return null;
    }
    return { server: secure, ca: certs.ca };
  };

  test('explicit proxy, https target: a CONNECT tunnel, TLS to the target, one tunnel reused', async (t) => {
    const target = httpsTarget(t);
    if (target === null) return;
    proxy.reset();
    const client = createWebhookClient({ network: { proxy: proxy.url, tls: { ca: [target.ca] } } });
    const url = `${target.server.base}/through?x=1`;
    const first = await client.execute({ nodeId: 'a', node: httpNode({ url }), variables: {} });
    const second = await client.execute({ nodeId: 'b', node: httpNode({ url }), variables: {} });
    await client.close();
    assert.equal(first.exchange.error, null, JSON.stringify(first.exchange.violations));
    assert.deepEqual(first.exchange.variablesSet, { fine: true, path: '/through' });
    assert.equal(first.exchange.request.url, url);
    assert.equal(typeof first.exchange.timings.connectMs, 'number');
    assert.equal(typeof first.exchange.timings.tlsMs, 'number');
    assert.equal(second.exchange.error, null);
    assert.equal(second.exchange.timings.connectMs, null, 'the tunnel is kept alive');
    assert.deepEqual(proxy.seen.connects, [`127.0.0.1:${target.server.port}`]);
    assert.deepEqual(proxy.seen.requests, []);
    assert.equal(target.server.seen.at(-1)?.url, '/through?x=1');
  });

  test('HTTP_PROXY from proxyEnv, http target: absolute form through the proxy, recorded as before', async () => {
    proxy.reset();
    const url = `${plain.base}/ok?q=a%20b`;
    const exchange = await exchangeWith({ proxyEnv: { HTTP_PROXY: proxy.url } }, url);
    assert.equal(exchange.error, null, JSON.stringify(exchange.violations));
    assert.deepEqual(exchange.variablesSet, { fine: true });
    assert.deepEqual(proxy.seen.requests, [url]);
    assert.deepEqual(proxy.seen.connects, []);
    assert.equal(exchange.request.url, url);
    assert.ok(exchange.curl.includes(`'${url}'`), exchange.curl);
    assert.ok(!exchange.request.headers.some(([name]) => name.toLowerCase() === 'host'));
    const seen = plain.seen.at(-1)!;
    assert.equal(seen.url, '/ok?q=a%20b');
    assert.equal(seen.headers.host, `127.0.0.1:${plain.port}`);
    assert.equal(typeof exchange.timings.connectMs, 'number', 'the connection to the proxy');
    assert.equal(exchange.timings.tlsMs, undefined, 'plain http has no TLS timing');
  });

  test('lower-case https_proxy for https targets; HTTP_PROXY alone does not apply to them', async (t) => {
    const target = httpsTarget(t);
    if (target === null) return;
    proxy.reset();
    const tunnelled = await exchangeWith(
      { proxyEnv: { https_proxy: proxy.url }, tls: { ca: [target.ca] } },
      `${target.server.base}/env`,
    );
    assert.equal(tunnelled.error, null, JSON.stringify(tunnelled.violations));
    assert.equal(proxy.seen.connects.length, 1);
    proxy.reset();
    const direct = await exchangeWith(
      { proxyEnv: { HTTP_PROXY: proxy.url }, tls: { ca: [target.ca] } },
      `${target.server.base}/env`,
    );
    assert.equal(direct.error, null, JSON.stringify(direct.violations));
    assert.deepEqual(proxy.seen, { connects: [], requests: [], authorizations: [] });
  });

  test('NO_PROXY matching the target: straight there, the proxy sees nothing', async (t) => {
    proxy.reset();
    const httpDirect = await exchangeWith(
      { proxyEnv: { HTTP_PROXY: proxy.url, NO_PROXY: `example.com, 127.0.0.1:${plain.port}` } },
      `${plain.base}/ok`,
    );
    assert.equal(httpDirect.error, null, JSON.stringify(httpDirect.violations));
    const target = certs === null || secure === null ? null : secure;
    if (target !== null && certs !== null) {
      const httpsDirect = await exchangeWith(
        {
          proxyEnv: { HTTPS_PROXY: proxy.url, no_proxy: 'localhost,127.0.0.1' },
          tls: { ca: [certs.ca] },
        },
        `${target.base}/direct`,
      );
      assert.equal(httpsDirect.error, null, JSON.stringify(httpsDirect.violations));
    } else {
      t.diagnostic('https part skipped: openssl not found');
    }
    assert.deepEqual(proxy.seen, { connects: [], requests: [], authorizations: [] });
    // A NO_PROXY entry for another port does not match: through the proxy then.
    const other = await exchangeWith(
      { proxyEnv: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1:1' } },
      `${plain.base}/ok`,
    );
    assert.equal(other.error, null);
    assert.equal(proxy.seen.requests.length, 1);
  });

  test('a proxy that cannot be reached: network_error naming the proxy', async (t) => {
    const port = await closedPort();
    const dead = `http://127.0.0.1:${port}`;
    const viaHttp = await exchangeWith({ proxy: dead }, `${plain.base}/ok`);
    assertNetworkError(viaHttp, new RegExp(`^proxy ${dead} cannot be reached \\(ECONNREFUSED\\)$`));
    const target = httpsTarget(t);
    if (target === null) return;
    const viaTunnel = await exchangeWith(
      {
        proxyEnv: { HTTPS_PROXY: `http://user:secret@127.0.0.1:${port}` },
        tls: { ca: [target.ca] },
      },
      `${target.server.base}/x`,
    );
    const detail = assertNetworkError(viaTunnel, /cannot be reached \(ECONNREFUSED\)/);
    assert.ok(detail.includes(dead), detail);
    assert.ok(!detail.includes('secret'), 'credentials never shown');
  });

  test('proxy credentials: right ones pass (CONNECT and absolute form), wrong ones are a 407 naming the proxy', async (t) => {
    guarded.reset();
    const good = `http://ivr:p%40ss%20w0rd@127.0.0.1:${guarded.port}`;
    const expected = `Basic ${Buffer.from('ivr:p@ss w0rd').toString('base64')}`;
    const forwarded = await exchangeWith({ proxy: good }, `${plain.base}/ok`);
    assert.equal(forwarded.error, null, JSON.stringify(forwarded.violations));
    assert.ok(!JSON.stringify(forwarded).includes('w0rd'), 'credentials stay off the record');
    assert.ok(!JSON.stringify(forwarded).toLowerCase().includes('proxy-authorization'));
    const wrong = `http://ivr:nope@127.0.0.1:${guarded.port}`;
    const refused = await exchangeWith({ proxy: wrong }, `${plain.base}/ok`);
    const detail = assertNetworkError(
      refused,
      new RegExp(
        `^proxy http://127\\.0\\.0\\.1:${guarded.port} answered 407 Proxy Authentication Required`,
      ),
    );
    assert.ok(!detail.includes('nope'), detail);
    const none = await exchangeWith({ proxy: guarded.url }, `${plain.base}/ok`);
    assertNetworkError(
      none,
      /answered 407 Proxy Authentication Required \(the proxy URL has no credentials\)/,
    );
    const target = httpsTarget(t);
    if (target === null) return;
    const tunnelled = await exchangeWith(
      { proxy: good, tls: { ca: [target.ca] } },
      `${target.server.base}/x`,
    );
    assert.equal(tunnelled.error, null, JSON.stringify(tunnelled.violations));
    const refusedTunnel = await exchangeWith(
      { proxy: wrong, tls: { ca: [target.ca] } },
      `${target.server.base}/x`,
    );
    assertNetworkError(
      refusedTunnel,
      /answered 407 Proxy Authentication Required \(the credentials in the proxy URL were refused\)/,
    );
    assert.equal(guarded.seen.authorizations[0], expected);
    assert.ok(guarded.seen.authorizations.includes(expected));
  });

  test('a proxy that refuses CONNECT: network_error with its status', async (t) => {
    const target = httpsTarget(t);
    if (target === null) return;
    const refusing = await startFakeProxy('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    try {
      const exchange = await exchangeWith(
        { proxy: refusing.url, tls: { ca: [target.ca] } },
        `${target.server.base}/x`,
      );
      assertNetworkError(
        exchange,
        new RegExp(
          `^proxy ${refusing.url} refused CONNECT 127\\.0\\.0\\.1:${target.server.port}: 403 Forbidden$`,
        ),
      );
    } finally {
      await refusing.close();
    }
  });

  test('a proxy that never answers CONNECT: connect_timeout on time, naming the proxy', async (t) => {
    const target = httpsTarget(t);
    if (target === null) return;
    const silent = await startFakeProxy(null);
    try {
      const started = performance.now();
      const exchange = await exchangeWith(
        { proxy: silent.url, tls: { ca: [target.ca] } },
        `${target.server.base}/x`,
        { connectTimeoutMs: 300 },
      );
      const took = performance.now() - started;
      assert.equal(exchange.error, 'connect_timeout', JSON.stringify(exchange.violations));
      assert.match(
        exchange.violations[0]!.detail,
        new RegExp(`within 300 ms \\(through proxy ${silent.url}\\)`),
      );
      assert.ok(took >= 290, `took ${took} ms`);
    } finally {
      await silent.close();
    }
  });

  test('a proxy answer head over 16 KiB, or not HTTP: network_error, bounded', async (t) => {
    const target = httpsTarget(t);
    if (target === null) return;
    const huge = await startFakeProxy(`HTTP/1.1 200 OK\r\nX-Pad: ${'a'.repeat(20_000)}`);
    const garbage = await startFakeProxy('SSH-2.0-OpenSSH\r\n\r\n');
    try {
      const big = await exchangeWith(
        { proxy: huge.url, tls: { ca: [target.ca] } },
        `${target.server.base}/x`,
      );
      assertNetworkError(big, /head over 16384 bytes/);
      const odd = await exchangeWith(
        { proxy: garbage.url, tls: { ca: [target.ca] } },
        `${target.server.base}/x`,
      );
      assertNetworkError(odd, /not HTTP: "SSH-2\.0-OpenSSH"/);
    } finally {
      await huge.close();
      await garbage.close();
    }
  });

  test('an invalid proxy URL: a clear network_error, nothing sent, no crash', async () => {
    const bad = await exchangeWith({ proxy: 'http://user:pw@bad host:99999' }, `${plain.base}/ok`);
    const detail = assertNetworkError(
      bad,
      /the proxy ".*" \(the environment's proxy\) is not a valid URL/,
    );
    assert.ok(!detail.includes(':pw@'), detail);
    const socks = await exchangeWith(
      { proxyEnv: { HTTP_PROXY: 'socks5://127.0.0.1:1080' } },
      `${plain.base}/ok`,
    );
    assertNetworkError(socks, /only http:\/\/ proxies are/);
  });

  test("the platform's rules hold through a proxy: status, body cap", async () => {
    const network = { proxy: proxy.url };
    const status = await exchangeWith(network, `${plain.base}/gone`);
    assert.equal(status.error, 'http_status');
    assert.equal(status.response?.status, 500);
    const big = await exchangeWith(network, `${plain.base}/big`);
    assert.equal(big.error, 'body_too_large');
    assert.ok((big.response?.bytesRead ?? 0) <= 65536 + 70_000);
  });
});
