/**
 * What the TLS peer presented, read for error messages: the verification failure as Node would
 * have raised it, and a summary of the certificate; and the listener that keeps a late TLS alert
 * as the reason a connection closed.
 */
import tls from 'node:tls';
import type { TLSSocket } from 'node:tls';
import type { PeerCertificateSummary } from './tls-failure.ts';
import { tlsFailureDetail } from './tls-failure.ts';

/** The verification error of an unauthorized socket, as Node would have raised it. */
export function verifyError(socket: TLSSocket, hostname: string): Error {
  // Typed as an Error, but Node sets the code string (`CERT_HAS_EXPIRED`).
  const reason = socket.authorizationError as unknown;
  const code = reason instanceof Error ? (reason as { code?: string }).code : String(reason);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    // The same check Node made, for its full reason (host, names).
    const identity = tls.checkServerIdentity(hostname, socket.getPeerCertificate());
    if (identity !== undefined) return identity;
  }
  return Object.assign(new Error(`certificate verification failed: ${String(code)}`), { code });
}

/** The peer certificate's dates and names, or null when there is none (or it cannot be read). */
export function peerSummary(socket: TLSSocket | null): PeerCertificateSummary | null {
  try {
    const cert = socket?.getPeerCertificate();
    if (cert === undefined || cert === null || Object.keys(cert).length === 0) return null;
    return {
      validFrom: cert.valid_from,
      validTo: cert.valid_to,
      ...(cert.subjectaltname === undefined ? {} : { subjectAltName: cert.subjectaltname }),
    };
  } catch {
    return null;
  }
}

/**
 * A TLS alert after the handshake (TLS 1.3: the server demanding a client certificate) is emitted
 * as an error while the socket is still open, and the close that follows would make undici
 * report "other side closed" instead. Destroying the socket with the alert keeps it the reason.
 * Registered before undici's own listener, so it sees the error first.
 */
export function keepTlsError(this: TLSSocket, error: Error): void {
  if (!this.destroyed && tlsFailureDetail(error) !== null) this.destroy(error);
}
