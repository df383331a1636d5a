/**
 * Real HTTPS against a `node:https` server with certificates made by openssl at run time:
 * trusted via the environment's CA, untrusted, expired, not yet valid, for another host, mutual
 * TLS with and without a client certificate, `insecure: true`, keep-alive reuse and timings.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import type { WebhookExchange } from '../../src/shared/webhook-types.ts';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { TestCertificates } from '../helpers/test-certificates.ts';
import { createTestCertificates } from '../helpers/test-certificates.ts';
import { httpNode, startServer } from './helpers.ts';
import type { HttpsTestServer } from './network-helpers.ts';
import { exchangeWith, startHttpsServer } from './network-helpers.ts';

function assertTlsError(exchange: WebhookExchange, pattern: RegExp): void {
  assert.equal(exchange.ok, false);
  assert.equal(exchange.error, 'tls_error', JSON.stringify(exchange.violations));
  assert.equal(exchange.response, null);
  assert.deepEqual(exchange.variablesSet, {});
  assert.match(exchange.violations[0]?.detail ?? '', pattern);
}

describe('webhooks over real HTTPS', () => {
  let certs: TestCertificates | null = null;
  const servers: HttpsTestServer[] = [];
  let trusted: HttpsTestServer;
  let expired: HttpsTestServer;
  let notYetValid: HttpsTestServer;
  let wrongHost: HttpsTestServer;
  let mutual: HttpsTestServer;

  const start = async (...args: Parameters<typeof startHttpsServer>): Promise<HttpsTestServer> => {
    const server = await startHttpsServer(...args);
    servers.push(server);
    return server;
  };

  before(async () => {
    certs = await createTestCertificates();
    if (certs === null) return;
    trusted = await start(certs.server);
    expired = await start(certs.expired);
    notYetValid = await start(certs.notYetValid);
    wrongHost = await start(certs.wrongHost);
    mutual = await start({
      ...certs.server,
      ca: [certs.ca],
      requestCert: true,
      rejectUnauthorized: true,
    });
  });

  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await certs?.remove();
  });

  /** The certificates, or a visible skip when openssl is missing. */
  const need = (t: TestContext): TestCertificates | null => {
    if (certs === null) t.skip('openssl not found');
    return certs;
  };

  test('a server trusted through tls.ca: ok 200, variables set, connect and TLS timed', async (t) => {
    const c = need(t);
    if (c === null) return;
    const exchange = await exchangeWith({ tls: { ca: [c.ca] } }, `${trusted.base}/vars`);
    assert.equal(exchange.error, null, JSON.stringify(exchange.violations));
    assert.equal(exchange.response?.status, 200);
    assert.deepEqual(exchange.variablesSet, { fine: true, path: '/vars' });
    assert.equal(typeof exchange.timings.connectMs, 'number');
    assert.equal(typeof exchange.timings.tlsMs, 'number');
    assert.ok((exchange.timings.tlsMs as number) > 0);
    assert.ok(exchange.timings.totalMs >= (exchange.timings.tlsMs as number));
    assert.deepEqual(exchange.warnings, []);
  });

  test('by name too: https://localhost checks the DNS name (SNI)', async (t) => {
    const c = need(t);
    if (c === null) return;
    const exchange = await exchangeWith(
      { tls: { ca: [c.ca] } },
      `https://localhost:${trusted.port}/by-name`,
    );
    assert.equal(exchange.error, null, JSON.stringify(exchange.violations));
    assert.equal(exchange.request.url, `https://localhost:${trusted.port}/by-name`);
  });

  test('keep-alive over TLS: one handshake, the second exchange reuses it', async (t) => {
    const c = need(t);
    if (c === null) return;
    const client = createWebhookClient({ network: { tls: { ca: [c.ca] } } });
    const before = trusted.secureConnections;
    const first = await client.execute({
      nodeId: 'a',
      node: httpNode({ url: `${trusted.base}/one` }),
      variables: {},
    });
    const second = await client.execute({
      nodeId: 'b',
      node: httpNode({ url: `${trusted.base}/two`, method: 'POST', body: 'x=1' }),
      variables: {},
    });
    await client.close();
    assert.equal(first.exchange.error, null);
    assert.equal(second.exchange.error, null);
    assert.equal(typeof first.exchange.timings.tlsMs, 'number');
    assert.equal(second.exchange.timings.connectMs, null);
    assert.equal(second.exchange.timings.tlsMs, null);
    assert.equal(trusted.secureConnections - before, 1);
  });

  test('without the CA: tls_error, not trusted', async (t) => {
    if (need(t) === null) return;
    const exchange = await exchangeWith({}, `${trusted.base}/x`);
    assertTlsError(exchange, /not trusted/);
    assert.match(exchange.violations[0]!.detail, /UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
    assert.match(exchange.violations[0]!.detail, /tls\.ca/);
    assert.equal(trusted.seen.filter((r) => r.url === '/x').length, 0, 'nothing was sent');
  });

  test('an expired certificate: tls_error that says expired, and when', async (t) => {
    const c = need(t);
    if (c === null) return;
    const exchange = await exchangeWith({ tls: { ca: [c.ca] } }, `${expired.base}/x`);
    assertTlsError(exchange, /expired/);
    assert.match(exchange.violations[0]!.detail, /CERT_HAS_EXPIRED/);
  });

  test('a certificate not valid yet: tls_error that says so', async (t) => {
    const c = need(t);
    if (c === null) return;
    const exchange = await exchangeWith({ tls: { ca: [c.ca] } }, `${notYetValid.base}/x`);
    assertTlsError(exchange, /not valid yet/);
  });

  test('a certificate for another host name: tls_error naming the host and its names', async (t) => {
    const c = need(t);
    if (c === null) return;
    const exchange = await exchangeWith({ tls: { ca: [c.ca] } }, `${wrongHost.base}/x`);
    assertTlsError(exchange, /another host name/);
    assert.match(exchange.violations[0]!.detail, /127\.0\.0\.1/);
    assert.match(exchange.violations[0]!.detail, /wrong\.example/);
  });

  test('mutual TLS: with the client certificate and key, ok', async (t) => {
    const c = need(t);
    if (c === null) return;
    const exchange = await exchangeWith(
      { tls: { ca: [c.ca], cert: c.client.cert, key: c.client.key } },
      `${mutual.base}/mtls`,
    );
    assert.equal(exchange.error, null, JSON.stringify(exchange.violations));
    assert.deepEqual(exchange.variablesSet, {
      fine: true,
      path: '/mtls',
      client: 'ivr-console-client',
    });
  });

  test('mutual TLS: without a client certificate, tls_error asking for one', async (t) => {
    const c = need(t);
    if (c === null) return;
    const exchange = await exchangeWith({ tls: { ca: [c.ca] } }, `${mutual.base}/mtls`);
    assertTlsError(exchange, /client certificate/);
  });

  test('mutual TLS: a client certificate from a CA the server does not know, refused', async (t) => {
    const c = need(t);
    if (c === null) return;
    const exchange = await exchangeWith(
      { tls: { ca: [c.ca], cert: c.rogueClient.cert, key: c.rogueClient.key } },
      `${mutual.base}/mtls`,
    );
    // OpenSSL servers refuse it in the handshake with an "unknown CA" alert (tls_error, see the
    // units); Node's server completes the handshake and then just closes the connection, which
    // the client cannot tell from any other close.
    assert.equal(exchange.ok, false);
    assert.ok(
      exchange.error === 'tls_error' || exchange.error === 'network_error',
      JSON.stringify(exchange.violations),
    );
    assert.equal(exchange.response, null);
    assert.equal(mutual.seen.filter((r) => r.url === '/mtls').length, 1, 'only the good client');
  });

  test('insecure: true accepts the untrusted server, with warning insecure_tls', async (t) => {
    if (need(t) === null) return;
    const exchange = await exchangeWith({ tls: { insecure: true } }, `${trusted.base}/insecure`);
    assert.equal(exchange.error, null, JSON.stringify(exchange.violations));
    assert.equal(exchange.ok, true);
    assert.deepEqual(exchange.variablesSet, { fine: true, path: '/insecure' });
    assert.deepEqual(
      exchange.warnings.map((w) => w.code),
      ['insecure_tls'],
    );
    // Even a certificate for another host name is accepted then.
    const other = await exchangeWith({ tls: { insecure: true } }, `${wrongHost.base}/x`);
    assert.equal(other.error, null, JSON.stringify(other.violations));
    assert.equal(other.warnings[0]?.code, 'insecure_tls');
    // Plain http has no certificate to skip: no such warning there.
    const plain = await startServer();
    try {
      const overHttp = await exchangeWith({ tls: { insecure: true } }, `${plain.base}/ok`);
      assert.equal(overHttp.error, null);
      assert.deepEqual(overHttp.warnings, []);
    } finally {
      await plain.close();
    }
  });

  test('TLS to a plain HTTP port: tls_error that says the server does not speak TLS', async (t) => {
    const c = need(t);
    if (c === null) return;
    const plain = http.createServer((_req, res) => res.end('plain'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const { port } = plain.address() as AddressInfo;
    try {
      const exchange = await exchangeWith({ tls: { ca: [c.ca] } }, `https://127.0.0.1:${port}/x`);
      assertTlsError(exchange, /TLS/);
    } finally {
      plain.closeAllConnections();
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });
});
