/**
 * Which proxy a webhook goes through: the NO_PROXY matcher, the proxy variables and the proxy
 * URL parser (units, no network).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bypassesProxy, parseProxyUrl, routeFor } from '../../src/main/webhook/proxy-route.ts';
import type { ProxyRoute } from '../../src/main/webhook/proxy-route.ts';

function kind(route: ProxyRoute): string {
  return route.kind === 'tunnel' || route.kind === 'forward'
    ? `${route.kind} ${route.proxy.label}`
    : route.kind;
}

describe('NO_PROXY', () => {
  test('host names: exact, or as a domain suffix; a leading . or *. is ignored', () => {
    assert.equal(bypassesProxy('example.com', 'example.com', 443), true);
    assert.equal(bypassesProxy('example.com', 'crm.example.com', 443), true);
    assert.equal(bypassesProxy('example.com', 'a.b.example.com', 443), true);
    assert.equal(bypassesProxy('example.com', 'notexample.com', 443), false);
    assert.equal(bypassesProxy('example.com', 'example.com.evil', 443), false);
    assert.equal(bypassesProxy('.example.com', 'crm.example.com', 443), true);
    assert.equal(bypassesProxy('.example.com', 'example.com', 443), true);
    assert.equal(bypassesProxy('*.example.com', 'crm.example.com', 443), true);
    assert.equal(bypassesProxy('EXAMPLE.com.', 'Crm.Example.COM', 443), true);
    assert.equal(bypassesProxy('example.com', 'crm.example.com.', 443), true);
  });

  test('lists: commas and white space, empty entries; * alone matches everything', () => {
    const list = ' foo.test ,, bar.test\tbaz.test\n';
    assert.equal(bypassesProxy(list, 'bar.test', 80), true);
    assert.equal(bypassesProxy(list, 'x.baz.test', 80), true);
    assert.equal(bypassesProxy(list, 'qux.test', 80), false);
    assert.equal(bypassesProxy('*', 'anything.example', 80), true);
    assert.equal(bypassesProxy('foo.test, *', '10.1.2.3', 80), true);
    assert.equal(bypassesProxy('', 'foo.test', 80), false);
    assert.equal(bypassesProxy('*.', 'foo.test', 80), false);
  });

  test('ports: an entry with :port matches that port only', () => {
    assert.equal(bypassesProxy('crm.example:8443', 'crm.example', 8443), true);
    assert.equal(bypassesProxy('crm.example:8443', 'crm.example', 443), false);
    assert.equal(bypassesProxy('127.0.0.1:4010', '127.0.0.1', 4010), true);
    assert.equal(bypassesProxy('127.0.0.1:4010', '127.0.0.1', 4011), false);
    assert.equal(bypassesProxy('crm.example:http', 'crm.example', 80), false);
  });

  test('IP literals match exactly, IPv6 bracketed or bare, in any spelling; CIDR ranges', () => {
    assert.equal(bypassesProxy('127.0.0.1', '127.0.0.1', 80), true);
    assert.equal(bypassesProxy('127.0.0.1', '127.0.0.2', 80), false);
    // A suffix of an address is not a domain.
    assert.equal(bypassesProxy('0.0.1', '127.0.0.1', 80), false);
    assert.equal(bypassesProxy('::1', '[::1]', 80), true);
    assert.equal(bypassesProxy('[::1]', '[::1]', 80), true);
    assert.equal(bypassesProxy('[::1]:8080', '[::1]', 8080), true);
    assert.equal(bypassesProxy('[::1]:8080', '[::1]', 80), false);
    assert.equal(bypassesProxy('0:0:0:0:0:0:0:1', '[::1]', 80), true);
    assert.equal(bypassesProxy('10.0.0.0/8', '10.20.30.40', 80), true);
    assert.equal(bypassesProxy('10.0.0.0/8', '11.0.0.1', 80), false);
    assert.equal(bypassesProxy('10.0.0.0/8', 'ten.example', 80), false);
    assert.equal(bypassesProxy('fd00::/8', '[fd12::1]', 80), true);
    assert.equal(bypassesProxy('localhost', '127.0.0.1', 80), false, 'names are not resolved');
  });
});

describe('proxy routes', () => {
  test('an explicit proxy applies to every request, NO_PROXY or not', () => {
    const network = { proxy: 'http://proxy.example:3128', proxyEnv: { NO_PROXY: '*' } };
    assert.equal(
      kind(routeFor(new URL('https://crm.example/x'), network)),
      'tunnel http://proxy.example:3128',
    );
    assert.equal(
      kind(routeFor(new URL('http://127.0.0.1:4010/x'), network)),
      'forward http://proxy.example:3128',
    );
  });

  test('the variables: HTTPS_PROXY for https, HTTP_PROXY for http, lower case first', () => {
    const env = { HTTPS_PROXY: 'http://secure:1', HTTP_PROXY: 'http://plain:2' };
    const network = { proxyEnv: env };
    assert.equal(
      kind(routeFor(new URL('https://crm.example/'), network)),
      'tunnel http://secure:1',
    );
    assert.equal(kind(routeFor(new URL('http://crm.example/'), network)), 'forward http://plain:2');
    const lower = { proxyEnv: { https_proxy: 'http://lower:3', HTTPS_PROXY: 'http://upper:4' } };
    assert.equal(kind(routeFor(new URL('https://crm.example/'), lower)), 'tunnel http://lower:3');
    const onlyHttp = { proxyEnv: { HTTP_PROXY: 'http://plain:2' } };
    assert.equal(kind(routeFor(new URL('https://crm.example/'), onlyHttp)), 'direct');
    const empty = { proxyEnv: { https_proxy: '', HTTPS_PROXY: 'http://upper:4' } };
    assert.equal(kind(routeFor(new URL('https://crm.example/'), empty)), 'tunnel http://upper:4');
    assert.equal(kind(routeFor(new URL('https://crm.example/'), { proxyEnv: {} })), 'direct');
  });

  test('no implicit bypass for loopback: only NO_PROXY keeps it direct', () => {
    const env = { HTTP_PROXY: 'http://proxy:3128' };
    assert.equal(
      kind(routeFor(new URL('http://localhost:4010/'), { proxyEnv: env })),
      'forward http://proxy:3128',
    );
    assert.equal(
      kind(
        routeFor(new URL('http://localhost:4010/'), {
          proxyEnv: { ...env, no_proxy: 'localhost' },
        }),
      ),
      'direct',
    );
    // The effective port of a URL without one.
    assert.equal(
      kind(
        routeFor(new URL('https://crm.example/'), {
          proxyEnv: { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'crm.example:443' },
        }),
      ),
      'direct',
    );
  });

  test('proxy URLs: credentials become Basic, the label has none; no scheme means http', () => {
    const parsed = parseProxyUrl('http://us%40er:p%3Ass@proxy.example:3128/ignored', 'test');
    assert.ok(typeof parsed !== 'string');
    assert.equal(parsed.label, 'http://proxy.example:3128');
    assert.equal(parsed.origin, 'http://proxy.example:3128');
    assert.equal(parsed.port, 3128);
    assert.equal(parsed.authorization, `Basic ${Buffer.from('us@er:p:ss').toString('base64')}`);
    const bare = parseProxyUrl('proxy.example:8080', 'test');
    assert.ok(typeof bare !== 'string');
    assert.equal(bare.label, 'http://proxy.example:8080');
    assert.equal(bare.authorization, null);
    const defaultPort = parseProxyUrl('http://proxy.example', 'test');
    assert.ok(typeof defaultPort !== 'string');
    assert.equal(defaultPort.port, 80);
    const v6 = parseProxyUrl('http://[::1]:3128', 'test');
    assert.ok(typeof v6 !== 'string');
    assert.equal(v6.hostname, '::1');
    assert.equal(v6.label, 'http://[::1]:3128');
  });

  test('invalid or unsupported proxy settings: a reason, credentials hidden', () => {
    const invalid = routeFor(new URL('https://crm.example/'), {
      proxyEnv: { HTTPS_PROXY: 'http://user:hunter2@bad host:1' },
    });
    assert.equal(invalid.kind, 'invalid');
    assert.ok(invalid.kind === 'invalid');
    assert.match(
      invalid.detail,
      /^request not sent: the proxy ".*" \(HTTPS_PROXY\) is not a valid URL$/,
    );
    assert.ok(!invalid.detail.includes('hunter2'), invalid.detail);
    const https = parseProxyUrl('https://proxy.example:443', 'test');
    assert.equal(typeof https, 'string');
    assert.match(https as string, /only http:\/\/ proxies are/);
  });
});
