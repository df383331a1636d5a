/**
 * The TLS side of a webhook client, from its environment's `tls` settings: one secure context
 * (trusted CAs, client certificate and key) and whether certificates are checked. Every PEM is
 * checked on its own first, so a bad one is named precisely; the client never throws for them:
 * each https exchange then fails with `tls_error` and the reason.
 *
 * Extra CAs are added to Node's default trust, which means parsing those couple of hundred PEM
 * certificates again (10 to 20 ms). Each call makes its own client, so contexts are kept for the
 * last few distinct settings and shared: a secure context holds no per-connection state.
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import { describeError } from './describe-error.ts';
import type { WebhookTls } from './network-options.ts';

/** What a TLS connection of the client uses. */
export interface TlsConnectSettings {
  secureContext: tls.SecureContext;
  /** False with `insecure: true`: any certificate is accepted. */
  rejectUnauthorized: boolean;
}

/** The settings, or why they cannot be used. */
export type TlsSetup =
  { settings: TlsConnectSettings; error: null } | { settings: null; error: string };

const PEM_CERTIFICATE = '-----BEGIN CERTIFICATE-----';

function certificateProblem(pem: string, what: string): string | null {
  if (!pem.includes(PEM_CERTIFICATE)) {
    return `${what} is not a PEM certificate (no "${PEM_CERTIFICATE}" line)`;
  }
  try {
    new X509Certificate(pem);
    return null;
  } catch (error) {
    return `${what} does not parse as a certificate: ${describeError(error)}`;
  }
}

/** The default trust: Node's bundled CAs plus any the user added (NODE_EXTRA_CA_CERTS, system). */
function defaultCertificates(): string[] {
  // getCACertificates('default') is what Node trusts when no `ca` is given, extra and system
  // certificates included; rootCertificates (the bundle) is the fallback for older runtimes.
  return typeof tls.getCACertificates === 'function'
    ? tls.getCACertificates('default')
    : [...tls.rootCertificates];
}

const CACHE_SIZE = 8;
const cache = new Map<string, TlsSetup>();

/** The secure context for these settings (shared with earlier clients that had the same); never throws. */
export function createTlsSetup(options: WebhookTls = {}): TlsSetup {
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        options.ca ?? [],
        options.cert ?? null,
        options.key ?? null,
        options.insecure,
      ]),
    )
    .digest('base64');
  const cached = cache.get(key);
  if (cached !== undefined) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const setup = buildTlsSetup(options);
  cache.set(key, setup);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return setup;
}

function buildTlsSetup(options: WebhookTls): TlsSetup {
  const fail = (error: string): TlsSetup => ({
    settings: null,
    error: `the environment's TLS settings cannot be used: ${error}`,
  });
  const ca = options.ca ?? [];
  for (const [index, pem] of ca.entries()) {
    const problem = certificateProblem(pem, `tls.ca certificate ${index + 1} of ${ca.length}`);
    if (problem !== null) return fail(problem);
  }
  const { cert, key } = options;
  if ((cert === undefined) !== (key === undefined)) {
    return fail(
      cert === undefined
        ? 'tls.key is set without tls.cert (a client certificate needs both)'
        : 'tls.cert is set without tls.key (a client certificate needs both)',
    );
  }
  if (cert !== undefined && key !== undefined) {
    const problem = certificateProblem(cert, 'tls.cert (the client certificate)');
    if (problem !== null) return fail(problem);
    let privateKey;
    try {
      privateKey = createPrivateKey(key);
    } catch (error) {
      return fail(
        `tls.key (the client key) does not parse as a private key: ${describeError(error)}`,
      );
    }
    if (!new X509Certificate(cert).checkPrivateKey(privateKey)) {
      return fail('tls.key is not the private key of tls.cert (they do not match)');
    }
  }
  try {
    const secureContext = tls.createSecureContext({
      ...(ca.length > 0 ? { ca: [...defaultCertificates(), ...ca] } : {}),
      ...(cert !== undefined && key !== undefined ? { cert, key } : {}),
    });
    return {
      settings: { secureContext, rejectUnauthorized: options.insecure !== true },
      error: null,
    };
  } catch (error) {
    return fail(describeError(error));
  }
}
