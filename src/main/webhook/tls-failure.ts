/**
 * Why a TLS connection failed, in words a CRM developer can act on (`tls_error`'s detail). TLS
 * errors surface in three places: during the handshake (certificate checks, alerts), as a
 * connection error of undici, and, with TLS 1.3, after the handshake while the response is
 * awaited (a server that demands a client certificate says so with an alert after the client
 * has finished its side). {@link tlsFailureDetail} recognises them wherever they come from.
 */
import { describeError } from './describe-error.ts';

/** What the peer's certificate said, when it could be read before the failure. */
export interface PeerCertificateSummary {
  /** `Jan  1 00:00:00 2020 GMT`, as OpenSSL prints it. */
  validFrom?: string;
  validTo?: string;
  /** `DNS:crm.example, IP Address:10.0.0.1`. */
  subjectAltName?: string;
}

/**
 * An error during the TLS handshake of a connection the transport opened: the cause is the
 * system's error; `target` is `host:port`, `via` the proxy's label when tunnelled.
 */
export class TlsHandshakeError extends Error {
  readonly code = 'IVR_TLS_HANDSHAKE';
  readonly target: string;
  readonly via: string | null;
  readonly peer: PeerCertificateSummary | null;

  constructor(
    cause: unknown,
    target: string,
    via: string | null,
    peer: PeerCertificateSummary | null,
  ) {
    super(`TLS handshake with ${target} failed: ${describeError(cause)}`, { cause });
    this.name = 'TlsHandshakeError';
    this.target = target;
    this.via = via;
    this.peer = peer;
  }
}

interface TlsErrorLike {
  code?: unknown;
  message?: unknown;
  reason?: unknown;
  host?: unknown;
  cert?: unknown;
  cause?: unknown;
  errors?: unknown;
}

const ADVICE_TRUST =
  "add the CA that issued it to the environment's tls.ca, or set tls.insecure: true to accept any certificate";

/** Certificate verification failures that mean "not trusted", and what each one says. */
const UNTRUSTED: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a self-signed CA certificate that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'it was not issued by a trusted CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'it was not issued by a trusted CA',
  UNABLE_TO_GET_ISSUER_CERT: 'the certificate of its issuer is not available',
  CERT_UNTRUSTED: 'its CA is not trusted for this purpose',
  CERT_REJECTED: 'its CA is marked to reject this purpose',
  INVALID_CA: 'a certificate in its chain is not a valid CA',
  CERT_CHAIN_TOO_LONG: 'its chain is too long',
  PATH_LENGTH_EXCEEDED: 'its chain exceeds a CA path length limit',
  INVALID_PURPOSE: 'it is not valid for a TLS server',
  CERT_SIGNATURE_FAILURE: 'its signature does not verify',
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: 'its signature cannot be read',
  UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: "its issuer's public key cannot be read",
  ERROR_IN_CERT_NOT_BEFORE_FIELD: 'its start date is malformed',
  ERROR_IN_CERT_NOT_AFTER_FIELD: 'its end date is malformed',
};

/** Alerts a server sends about the client certificate (mutual TLS). */
const CLIENT_CERTIFICATE_ALERTS: Readonly<Record<string, string>> = {
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED:
    "the server requires a client certificate (mutual TLS) and none was sent: set the environment's tls.cert and tls.key",
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA:
    'the server does not trust the client certificate (unknown CA): it was not issued by a CA the server accepts',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE:
    'the server rejected the client certificate (bad certificate)',
  ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE:
    'the server rejected the client certificate (unsupported certificate)',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN:
    'the server rejected the client certificate (certificate unknown)',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED:
    'the server rejected the client certificate: it has expired',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED:
    'the server rejected the client certificate: it has been revoked',
  ERR_SSL_TLSV1_ALERT_ACCESS_DENIED:
    'the server denied access (access denied alert): the client certificate is not allowed',
};

/** Handshake failures that are not about certificates. */
const HANDSHAKE: Readonly<Record<string, string>> = {
  ERR_SSL_WRONG_VERSION_NUMBER:
    'the server did not answer with TLS: is this port plain HTTP (an http:// URL)?',
  ERR_SSL_PACKET_LENGTH_TOO_LONG:
    'the server did not answer with TLS: is this port plain HTTP (an http:// URL)?',
  ERR_SSL_HTTP_REQUEST: 'the server did not answer with TLS',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE:
    'the server refused the handshake (handshake failure alert): it may require a client certificate (mutual TLS), or share no cipher with the console',
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION:
    'the server and the console share no TLS version (protocol version alert)',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'the server offered a TLS version the console does not accept',
  ERR_SSL_NO_PROTOCOLS_AVAILABLE: 'no TLS version is available for this connection',
  ERR_SSL_TLSV1_UNRECOGNIZED_NAME:
    'the server does not know this host name (unrecognized name alert)',
  ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR:
    'the server failed during the handshake (internal error alert)',
};

function codeOf(error: TlsErrorLike): string {
  return typeof error.code === 'string' ? error.code : '';
}

/** `2020-02-01 00:00:00 UTC` from OpenSSL's `Feb  1 00:00:00 2020 GMT`, or the text as is. */
function dateText(openssl: string): string {
  const time = Date.parse(openssl);
  if (Number.isNaN(time)) return openssl;
  return `${new Date(time).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

function peerOf(error: TlsErrorLike, peer: PeerCertificateSummary | null): PeerCertificateSummary {
  const cert = error.cert as
    { valid_from?: unknown; valid_to?: unknown; subjectaltname?: unknown } | null | undefined;
  const summary: PeerCertificateSummary = { ...peer };
  if (cert && typeof cert === 'object') {
    if (typeof cert.valid_from === 'string') summary.validFrom ??= cert.valid_from;
    if (typeof cert.valid_to === 'string') summary.validTo ??= cert.valid_to;
    if (typeof cert.subjectaltname === 'string') summary.subjectAltName ??= cert.subjectaltname;
  }
  return summary;
}

function openSslReason(error: TlsErrorLike): string {
  if (typeof error.reason === 'string' && error.reason !== '') return error.reason;
  return typeof error.message === 'string' ? error.message : describeError(error);
}

/** The detail for one error with a recognised TLS code, or null. */
function reasonOf(error: TlsErrorLike, peer: PeerCertificateSummary | null): string | null {
  const code = codeOf(error);
  if (code === '') return null;
  const untrusted = UNTRUSTED[code];
  if (untrusted !== undefined) {
    return `the server's certificate is not trusted: ${untrusted} (${code}); ${ADVICE_TRUST}`;
  }
  if (code === 'CERT_HAS_EXPIRED') {
    const validTo = peerOf(error, peer).validTo;
    const end = validTo === undefined ? Number.NaN : Date.parse(validTo);
    if (Number.isNaN(end)) return "the server's certificate has expired (CERT_HAS_EXPIRED)";
    if (end < Date.now()) {
      return `the server's certificate expired on ${dateText(validTo as string)} (CERT_HAS_EXPIRED)`;
    }
    // The server's own certificate is current: the expired one is a CA's in its chain.
    return `a CA certificate in the server's chain has expired (the server's own is valid until ${dateText(validTo as string)}) (CERT_HAS_EXPIRED)`;
  }
  if (code === 'CERT_NOT_YET_VALID') {
    const validFrom = peerOf(error, peer).validFrom;
    const when = validFrom === undefined ? '' : `: it is valid from ${dateText(validFrom)}`;
    return `the server's certificate is not valid yet${when} (CERT_NOT_YET_VALID); check the server's clock and this machine's`;
  }
  if (code === 'CERT_REVOKED') return "the server's certificate has been revoked (CERT_REVOKED)";
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') {
    const host = typeof error.host === 'string' ? error.host : null;
    const names = peerOf(error, peer).subjectAltName;
    const forHost = host === null ? 'this host name' : `"${host}"`;
    const listed = names === undefined || names === '' ? 'no subject alternative names' : names;
    return `the server's certificate is for another host name: it is not valid for ${forHost}, it names ${listed} (${code})`;
  }
  const client = CLIENT_CERTIFICATE_ALERTS[code];
  if (client !== undefined) return `${client} (${code})`;
  const handshake = HANDSHAKE[code];
  if (handshake !== undefined) return `TLS handshake failed: ${handshake} (${code})`;
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_OSSL_')) {
    return `TLS handshake failed: ${openSslReason(error)} (${code})`;
  }
  if (code.startsWith('ERR_TLS_')) return `TLS failed: ${openSslReason(error)} (${code})`;
  return null;
}

/**
 * The `tls_error` detail for an error, looking through wrappers (`cause`, aggregate `errors`), or
 * null when the error is not about TLS.
 */
export function tlsFailureDetail(error: unknown): string | null {
  const seen = new Set<unknown>();
  const visit = (value: unknown, peer: PeerCertificateSummary | null): string | null => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return null;
    seen.add(value);
    if (value instanceof TlsHandshakeError) {
      const inner = visit(value.cause, value.peer);
      if (inner !== null) return inner;
      // Not a TLS code: the connection ended or failed during the handshake.
      const through = value.via === null ? '' : ` (through proxy ${value.via})`;
      return `TLS handshake with ${value.target}${through} failed: ${describeError(value.cause)}`;
    }
    const coded = value as TlsErrorLike;
    const own = reasonOf(coded, peer);
    if (own !== null) return own;
    if (Array.isArray(coded.errors)) {
      for (const member of coded.errors as unknown[]) {
        const found = visit(member, peer);
        if (found !== null) return found;
      }
    }
    return visit(coded.cause, peer);
  };
  return visit(error, null);
}
