/**
 * Opens the socket for one undici connection, under one precise connect deadline: TCP to the
 * target or to a proxy, then for an https target through a proxy the CONNECT tunnel, then for
 * https the TLS handshake. It measures the TCP part (up to the tunnel) and the TLS handshake
 * apart, and turns a proxy's failures into errors that name it (credentials never shown).
 *
 * Longer than 300 lines on purpose: the three stages share one deadline, one abort path and one
 * set of timings, and split across files each would need the others' state threaded through.
 */
import net from 'node:net';
import type { Socket } from 'node:net';
import tls from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { errors } from 'undici';
import { describeError } from './describe-error.ts';
import type { ProxyEndpoint } from './proxy-route.ts';
import type { PeerCertificateSummary } from './tls-failure.ts';
import { TlsHandshakeError, tlsFailureDetail } from './tls-failure.ts';
import type { TlsConnectSettings } from './tls-settings.ts';

/** The most a proxy's answer head to CONNECT may take. */
export const MAX_PROXY_HEAD_BYTES = 16 * 1024;

/** What to open. */
export interface ConnectPlan {
  protocol: 'http:' | 'https:';
  /** The target (IPv6 without brackets). */
  hostname: string;
  port: number;
  /**
   * For https, the CONNECT tunnel's proxy; for http, the proxy this socket goes to (requests are
   * then sent in absolute form). Null: straight to the target.
   */
  proxy: ProxyEndpoint | null;
  /** Required for https. */
  tls: TlsConnectSettings | null;
  /** TLS sessions by `host:port`, so later connections of the same client can resume. */
  sessions: Map<string, Buffer>;
}

/** Where the time went. */
export interface ConnectTimes {
  /** To the TCP connection (through a proxy: to the tunnel or proxy connection) being up. */
  connectMs: number;
  /** The TLS handshake, null for http. */
  tlsMs: number | null;
}

/** A proxy failed (cannot be reached, refused the tunnel, answered nonsense). */
export class ProxyError extends Error {
  readonly code = 'IVR_PROXY_ERROR';

  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ProxyError';
  }
}

/** The connect deadline passed; `via` names the proxy when there is one. */
export class ConnectDeadlineError extends errors.ConnectTimeoutError {
  readonly via: string | null;

  constructor(message: string, via: string | null) {
    super(message);
    this.via = via;
  }
}

export type ConnectCallback = (
  ...result: [Error, null, null] | [null, Socket | TLSSocket, ConnectTimes]
) => void;

/** The detail of a proxy's 407: `proxy http://host:port answered 407 Proxy … (why)`. */
export function proxyAuthenticationRequired(endpoint: ProxyEndpoint, statusLine: string): string {
  const why =
    endpoint.authorization === null
      ? 'the proxy URL has no credentials'
      : 'the credentials in the proxy URL were refused';
  return `proxy ${endpoint.label} answered ${statusLine} (${why})`;
}

function authority(hostname: string, port: number): string {
  return `${net.isIPv6(hostname) ? `[${hostname}]` : hostname}:${port}`;
}

function codeOrMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : describeError(error);
}

/** `AggregateError` of address attempts that all timed out: the same as our own deadline. */
function timedOut(error: unknown): boolean {
  return (
    error instanceof AggregateError &&
    ((error as { code?: unknown }).code === 'ETIMEDOUT' ||
      error.errors.some((e: unknown) => (e as { code?: unknown } | null)?.code === 'ETIMEDOUT'))
  );
}

/** The verification error of an unauthorized socket, as Node would have raised it. */
function verifyError(socket: TLSSocket, hostname: string): Error {
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

function peerSummary(socket: TLSSocket | null): PeerCertificateSummary | null {
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
 * Opens the connection; `done` is called exactly once. On success the socket's own listeners are
 * removed (undici adds its own); on failure every socket opened is destroyed.
 */
export function openConnection(plan: ConnectPlan, timeoutMs: number, done: ConnectCallback): void {
  const started = performance.now();
  const proxy = plan.proxy;
  const via = proxy?.label ?? null;
  const target = authority(plan.hostname, plan.port);
  let phase: 'tcp' | 'proxy' | 'tls' = 'tcp';
  let settled = false;
  let connectMs = 0;
  let tlsStarted = 0;
  let secure: TLSSocket | null = null;

  const finish = (error: Error): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    secure?.destroy();
    tcp.destroy();
    done(error, null, null);
  };

  const onError = (error: Error): void => {
    if (settled) return;
    if (phase === 'tls') {
      finish(new TlsHandshakeError(error, target, via, peerSummary(secure)));
    } else if (timedOut(error)) {
      finish(deadlineError(error));
    } else if (proxy !== null && phase === 'tcp') {
      finish(
        new ProxyError(`proxy ${proxy.label} cannot be reached (${codeOrMessage(error)})`, error),
      );
    } else if (proxy !== null) {
      finish(
        new ProxyError(
          `proxy ${proxy.label} failed while opening a tunnel to ${target}: ${describeError(error)}`,
          error,
        ),
      );
    } else {
      finish(error);
    }
  };

  const deadlineError = (cause?: unknown): Error => {
    const where = via === null ? target : `${target} through proxy ${via}`;
    const error = new ConnectDeadlineError(
      `Connect Timeout Error (attempted address: ${where}, timeout: ${timeoutMs}ms)`,
      via,
    );
    if (cause !== undefined) error.cause = cause;
    return error;
  };

  // May throw (an invalid port): the caller reports it; no timer is running yet.
  const tcp = net.connect({
    host: proxy?.hostname ?? plan.hostname,
    port: proxy?.port ?? plan.port,
  });
  tcp.setNoDelay(true);
  tcp.setKeepAlive(true, 60_000);
  tcp.on('error', onError);

  // undici's own connect timer runs on coarse "fast timers" (about 500 ms resolution: a 300 ms
  // limit fired after a second). This one is precise and covers reaching the proxy, the CONNECT
  // exchange and the TLS handshake: one deadline for the whole connection.
  const timer = setTimeout(() => finish(deadlineError()), timeoutMs);

  const succeed = (socket: Socket | TLSSocket, tlsMs: number | null): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    tcp.off('error', onError);
    // The TLS socket owns the connection from here; the TCP one must never throw unheard.
    if (socket !== tcp) {
      tcp.on('error', noop);
      socket.off('error', onError);
      socket.once('close', () => tcp.destroy());
      socket.on('error', keepTlsError);
    }
    done(null, socket, { connectMs, tlsMs });
  };

  const startTls = (): void => {
    const settings = plan.tls;
    if (settings === null) {
      finish(new Error('internal error: an https connection without TLS settings'));
      return;
    }
    phase = 'tls';
    tlsStarted = performance.now();
    const sessionKey = `${plan.hostname}:${plan.port}`;
    // `host` is what the certificate is checked against; SNI only carries names, never IPs.
    // Node checks the certificate either way; with rejectUnauthorized it would destroy the socket
    // before the certificate can be read, so the verdict is enforced below, on `authorized`,
    // where the certificate's dates and names can still go into the reason.
    try {
      secure = tls.connect({
        socket: tcp,
        host: plan.hostname,
        ...(net.isIP(plan.hostname) === 0 ? { servername: plan.hostname } : {}),
        secureContext: settings.secureContext,
        rejectUnauthorized: false,
        ALPNProtocols: ['http/1.1'],
        session: plan.sessions.get(sessionKey),
      });
    } catch (error) {
      finish(new TlsHandshakeError(error, target, via, null));
      return;
    }
    secure.on('session', (session: Buffer) => plan.sessions.set(sessionKey, session));
    secure.on('error', onError);
    secure.once('secureConnect', () => {
      const socket = secure as TLSSocket;
      if (settings.rejectUnauthorized && !socket.authorized) {
        finish(
          new TlsHandshakeError(
            verifyError(socket, plan.hostname),
            target,
            via,
            peerSummary(socket),
          ),
        );
        return;
      }
      succeed(socket, performance.now() - tlsStarted);
    });
  };

  const tunnel = (endpoint: ProxyEndpoint): void => {
    phase = 'proxy';
    const lines = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`];
    if (endpoint.authorization !== null)
      lines.push(`Proxy-Authorization: ${endpoint.authorization}`);
    tcp.write(`${lines.join('\r\n')}\r\n\r\n`);
    let head: Buffer = Buffer.alloc(0);
    const stop = (): void => {
      tcp.off('readable', onReadable);
      tcp.off('end', onEnd);
    };
    const onEnd = (): void => {
      stop();
      finish(
        new ProxyError(
          `proxy ${endpoint.label} closed the connection before answering CONNECT ${target}`,
        ),
      );
    };
    const onReadable = (): void => {
      let chunk: Buffer | null;
      while (!settled && (chunk = tcp.read() as Buffer | null) !== null) {
        head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end === -1) {
          if (head.length > MAX_PROXY_HEAD_BYTES) {
            stop();
            finish(
              new ProxyError(
                `proxy ${endpoint.label} answered CONNECT ${target} with a head over ${MAX_PROXY_HEAD_BYTES} bytes`,
              ),
            );
          }
          continue;
        }
        stop();
        if (end > MAX_PROXY_HEAD_BYTES) {
          finish(
            new ProxyError(
              `proxy ${endpoint.label} answered CONNECT ${target} with a head over ${MAX_PROXY_HEAD_BYTES} bytes`,
            ),
          );
          return;
        }
        // Bytes past the head belong to the tunnel: give them back to the socket for TLS.
        const rest = head.subarray(end + 4);
        if (rest.length > 0) tcp.unshift(rest);
        answered(endpoint, head.subarray(0, end).toString('latin1'));
        return;
      }
    };
    tcp.on('readable', onReadable);
    tcp.on('end', onEnd);
  };

  const answered = (endpoint: ProxyEndpoint, head: string): void => {
    const statusLine = head.split('\r\n', 1)[0] ?? '';
    const match = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine);
    if (match === null) {
      const shown = statusLine.length > 80 ? `${statusLine.slice(0, 80)}…` : statusLine;
      finish(
        new ProxyError(
          `proxy ${endpoint.label} answered CONNECT ${target} with something that is not HTTP: ${JSON.stringify(shown)}`,
        ),
      );
      return;
    }
    const status = Number(match[1]);
    const line = `${status}${match[2] ? ` ${match[2].trim()}` : ''}`;
    if (status === 407) {
      finish(new ProxyError(proxyAuthenticationRequired(endpoint, line)));
      return;
    }
    if (status < 200 || status > 299) {
      finish(new ProxyError(`proxy ${endpoint.label} refused CONNECT ${target}: ${line}`));
      return;
    }
    connectMs = performance.now() - started;
    startTls();
  };

  tcp.once('connect', () => {
    if (settled) return;
    if (proxy !== null && plan.protocol === 'https:') {
      tunnel(proxy);
      return;
    }
    connectMs = performance.now() - started;
    if (plan.protocol === 'https:') startTls();
    else succeed(tcp, null);
  });
}

/**
 * A TLS alert after the handshake (TLS 1.3: the server demanding a client certificate) is emitted
 * as an error while the socket is still open, and the close that follows would make undici
 * report "other side closed" instead. Destroying the socket with the alert keeps it the reason.
 * Registered before undici's own listener, so it sees the error first.
 */
function keepTlsError(this: TLSSocket, error: Error): void {
  if (!this.destroyed && tlsFailureDetail(error) !== null) this.destroy(error);
}

function noop(): void {
  // Errors of a socket another one took over are reported by that one.
}
