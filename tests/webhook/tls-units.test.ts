/**
 * TLS without a network: the `tls_error` reasons for the errors Node and OpenSSL raise, unusable
 * TLS settings (a bad PEM is a clear `tls_error`, never a crash), and the TLS handshake time in
 * HAR's `ssl` phase.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { harTimings } from '../../src/main/export/har-timings.ts';
import { TlsHandshakeError, tlsFailureDetail } from '../../src/main/webhook/tls-failure.ts';
import { createTlsSetup } from '../../src/main/webhook/tls-settings.ts';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import { httpNode, startServer } from './helpers.ts';

function coded(code: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`failure ${code}`), { code, ...extra });
}

describe('tls_error reasons', () => {
  test('untrusted certificates say "not trusted" and how to fix it', () => {
    for (const code of [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    ]) {
      const detail = tlsFailureDetail(coded(code)) ?? '';
      assert.match(detail, /^the server's certificate is not trusted: /, code);
      assert.ok(detail.includes(`(${code})`), detail);
      assert.ok(detail.includes('tls.ca'), detail);
    }
    assert.match(tlsFailureDetail(coded('DEPTH_ZERO_SELF_SIGNED_CERT')) ?? '', /self-signed/);
  });

  test('dates: expired and not yet valid, with the date when the certificate is known', () => {
    assert.equal(
      tlsFailureDetail(coded('CERT_HAS_EXPIRED')),
      "the server's certificate has expired (CERT_HAS_EXPIRED)",
    );
    const wrapped = new TlsHandshakeError(coded('CERT_HAS_EXPIRED'), 'crm.example:443', null, {
      validTo: 'Feb  1 00:00:00 2020 GMT',
    });
    assert.equal(
      tlsFailureDetail(wrapped),
      "the server's certificate expired on 2020-02-01 00:00:00 UTC (CERT_HAS_EXPIRED)",
    );
    const chain = new TlsHandshakeError(coded('CERT_HAS_EXPIRED'), 'crm.example:443', null, {
      validTo: 'Feb  1 00:00:00 2999 GMT',
    });
    assert.match(
      tlsFailureDetail(chain) ?? '',
      /a CA certificate in the server's chain has expired/,
    );
    assert.match(tlsFailureDetail(coded('CERT_NOT_YET_VALID')) ?? '', /not valid yet/);
  });

  test('wrong host name: the host and the names the certificate has', () => {
    const error = coded('ERR_TLS_CERT_ALTNAME_INVALID', {
      host: 'crm.example',
      cert: { subjectaltname: 'DNS:other.example, DNS:www.other.example' },
    });
    assert.equal(
      tlsFailureDetail(error),
      `the server's certificate is for another host name: it is not valid for "crm.example", it names DNS:other.example, DNS:www.other.example (ERR_TLS_CERT_ALTNAME_INVALID)`,
    );
  });

  test('client certificate alerts and handshake failures, wherever they surface', () => {
    assert.match(
      tlsFailureDetail(coded('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED')) ?? '',
      /requires a client certificate.*tls\.cert and tls\.key/,
    );
    assert.match(
      tlsFailureDetail(coded('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA')) ?? '',
      /does not trust the client certificate/,
    );
    assert.match(
      tlsFailureDetail(coded('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE')) ?? '',
      /^TLS handshake failed: .*client certificate/,
    );
    assert.match(tlsFailureDetail(coded('ERR_SSL_WRONG_VERSION_NUMBER')) ?? '', /plain HTTP/);
    assert.match(
      tlsFailureDetail(coded('ERR_SSL_SOMETHING_NEW', { reason: 'odd alert' })) ?? '',
      /^TLS handshake failed: odd alert \(ERR_SSL_SOMETHING_NEW\)$/,
    );
    // Inside wrappers: undici errors with a cause, aggregate errors.
    const nested = new Error('request failed', {
      cause: coded('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'),
    });
    assert.match(tlsFailureDetail(nested) ?? '', /client certificate/);
    const aggregate = new AggregateError([new Error('x'), coded('CERT_HAS_EXPIRED')], '');
    assert.match(tlsFailureDetail(aggregate) ?? '', /expired/);
  });

  test('a connection lost during the handshake is a tls_error; other errors are not TLS', () => {
    const lost = new TlsHandshakeError(
      coded('ECONNRESET'),
      'crm.example:443',
      'http://proxy:3128',
      null,
    );
    assert.match(
      tlsFailureDetail(lost) ?? '',
      /^TLS handshake with crm\.example:443 \(through proxy http:\/\/proxy:3128\) failed: .*ECONNRESET/,
    );
    assert.equal(tlsFailureDetail(coded('ECONNREFUSED')), null);
    assert.equal(tlsFailureDetail(new Error('plain')), null);
    assert.equal(tlsFailureDetail(null), null);
    assert.equal(tlsFailureDetail('text'), null);
  });
});

describe('TLS settings', () => {
  test('nothing set, or only insecure: usable', () => {
    assert.equal(createTlsSetup().error, null);
    const insecure = createTlsSetup({ insecure: true });
    assert.equal(insecure.settings?.rejectUnauthorized, false);
  });

  test('bad PEMs and half client certificates: the reason names the field', () => {
    const cases: [Parameters<typeof createTlsSetup>[0], RegExp][] = [
      [{ ca: ['not a pem'] }, /tls\.ca certificate 1 of 1 is not a PEM certificate/],
      [
        { ca: ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'] },
        /tls\.ca certificate 1 of 1 does not parse/,
      ],
      [{ cert: 'x' }, /tls\.cert is set without tls\.key/],
      [{ key: 'x' }, /tls\.key is set without tls\.cert/],
      [{ cert: 'x', key: 'y' }, /tls\.cert \(the client certificate\) is not a PEM certificate/],
    ];
    for (const [options, pattern] of cases) {
      const setup = createTlsSetup(options);
      assert.equal(setup.settings, null);
      assert.match(setup.error ?? '', /^the environment's TLS settings cannot be used: /);
      assert.match(setup.error ?? '', pattern);
    }
  });

  test('a bad PEM in the client: every https exchange is a tls_error, http ones still work', async () => {
    const server = await startServer();
    const client = createWebhookClient({ network: { tls: { ca: ['garbage'] } } });
    try {
      const secure = await client.execute({
        nodeId: 's',
        node: httpNode({ url: 'https://127.0.0.1:1/never' }),
        variables: {},
      });
      assert.equal(secure.exchange.error, 'tls_error');
      assert.match(secure.exchange.violations[0]!.detail, /tls\.ca certificate 1 of 1/);
      assert.equal(secure.exchange.timings.connectMs, null);
      const plain = await client.execute({
        nodeId: 'p',
        node: httpNode({ url: `${server.base}/ok` }),
        variables: {},
      });
      assert.equal(plain.exchange.error, null);
    } finally {
      await client.close();
      await server.close();
    }
  });
});

describe('TLS time in HAR', () => {
  const startedAt = Date.UTC(2026, 10, 28);

  test('ssl is the handshake, counted inside connect; time is still the sum', () => {
    const { timings, time } = harTimings(
      { startedAt, connectMs: 1.5, tlsMs: 4.25, ttfbMs: 9, totalMs: 10 },
      null,
    );
    assert.equal(timings.ssl, 4.25);
    assert.equal(timings.connect, 5.75);
    assert.equal(timings.wait, 3.25);
    assert.equal(timings.receive, 1);
    assert.equal(time, 10);
    assert.equal(timings.connect + timings.send + timings.wait + timings.receive, time);
  });

  test('no handshake (absent, null, reused connection): ssl -1 as before', () => {
    for (const tlsMs of [undefined, null]) {
      const { timings } = harTimings(
        {
          startedAt,
          connectMs: 2,
          ...(tlsMs === undefined ? {} : { tlsMs }),
          ttfbMs: 3,
          totalMs: 4,
        },
        null,
      );
      assert.equal(timings.ssl, -1);
      assert.equal(timings.connect, 2);
    }
    const reused = harTimings(
      { startedAt, connectMs: null, tlsMs: null, ttfbMs: 1, totalMs: 2 },
      null,
    );
    assert.deepEqual([reused.timings.ssl, reused.timings.connect], [-1, -1]);
  });

  test('a TLS failure before any connection was up spent its time connecting', () => {
    const { timings, time } = harTimings(
      { startedAt, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 7 },
      'tls_error',
    );
    assert.deepEqual([timings.connect, timings.ssl, timings.wait, timings.receive], [7, -1, 0, 0]);
    assert.equal(time, 7);
  });
});
