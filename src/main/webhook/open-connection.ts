/**
 * Opens the socket for one undici connection, under one precise connect deadline: TCP to the
 * target or to a proxy, then for an https target through a proxy the CONNECT tunnel, then for
 * https the TLS handshake. It measures the TCP part (up to the tunnel) and the TLS handshake
 * apart, and turns a proxy's failures into errors that name it (credentials never shown).
 *
 * The stages share one deadline, one abort path and one set of timings, so they stay here; the
 * tunnel's exchange (`proxy-tunnel.ts`), the errors (`connect-errors.ts`) and what is read from the
 * TLS peer (`tls-peer.ts`) are apart.
 */
import net from 'node:net';
import type { Socket } from 'node:net';
import tls from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { describeError } from './describe-error.ts';
import { codeOrMessage, ConnectDeadlineError, ProxyError, timedOut } from './connect-errors.ts';
import { openTunnel } from './proxy-tunnel.ts';
import type { ProxyEndpoint } from './proxy-route.ts';
import { TlsHandshakeError } from './tls-failure.ts';
import { keepTlsError, peerSummary, verifyError } from './tls-peer.ts';
import type { TlsConnectSettings } from './tls-settings.ts';

export { ConnectDeadlineError, ProxyError, proxyAuthenticationRequired } from './connect-errors.ts';
export { MAX_PROXY_HEAD_BYTES } from './proxy-tunnel.ts';

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

/** Called exactly once: with the error, or with the open socket and its timings. */
export type ConnectCallback = (
  ...result: [Error, null, null] | [null, Socket | TLSSocket, ConnectTimes]
) => void;

/** `host:port`, an IPv6 host in brackets, as CONNECT and error messages write it. */
function authority(hostname: string, port: number): string {
  return `${net.isIPv6(hostname) ? `[${hostname}]` : hostname}:${port}`;
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
    openTunnel(tcp, endpoint, target, {
      settled: () => settled,
      fail: finish,
      open: () => {
        connectMs = performance.now() - started;
        startTls();
      },
    });
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

function noop(): void {
  // Errors of a socket another one took over are reported by that one.
}
