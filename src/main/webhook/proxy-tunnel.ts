/**
 * The CONNECT exchange that turns a connection to a proxy into a tunnel to an https target: the
 * request (with the proxy's credentials, never shown), then the answer head read up to a limit,
 * with every way a proxy can fail named as a {@link ProxyError}.
 */
import type { Socket } from 'node:net';
import { ProxyError, proxyAuthenticationRequired } from './connect-errors.ts';
import type { ProxyEndpoint } from './proxy-route.ts';

/** The most a proxy's answer head to CONNECT may take. */
export const MAX_PROXY_HEAD_BYTES = 16 * 1024;

/** How the tunnel reports back to the connection being opened. */
export interface TunnelHandlers {
  /** True once the connection attempt has ended (the deadline, an error): stop reading. */
  settled(): boolean;
  /** The proxy failed; the caller destroys the sockets. */
  fail(error: ProxyError): void;
  /** The proxy answered 2xx: `tcp` now carries the tunnel, its unread bytes put back. */
  open(): void;
}

/** Asks the proxy behind `tcp` (already connected) for a tunnel to `target` (`host:port`). */
export function openTunnel(
  tcp: Socket,
  endpoint: ProxyEndpoint,
  target: string,
  on: TunnelHandlers,
): void {
  const lines = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`];
  if (endpoint.authorization !== null) lines.push(`Proxy-Authorization: ${endpoint.authorization}`);
  tcp.write(`${lines.join('\r\n')}\r\n\r\n`);
  const tooLong = (): ProxyError =>
    new ProxyError(
      `proxy ${endpoint.label} answered CONNECT ${target} with a head over ${MAX_PROXY_HEAD_BYTES} bytes`,
    );
  let head: Buffer = Buffer.alloc(0);
  const stop = (): void => {
    tcp.off('readable', onReadable);
    tcp.off('end', onEnd);
  };
  const onEnd = (): void => {
    stop();
    on.fail(
      new ProxyError(
        `proxy ${endpoint.label} closed the connection before answering CONNECT ${target}`,
      ),
    );
  };
  const onReadable = (): void => {
    let chunk: Buffer | null;
    while (!on.settled() && (chunk = tcp.read() as Buffer | null) !== null) {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) {
        if (head.length > MAX_PROXY_HEAD_BYTES) {
          stop();
          on.fail(tooLong());
        }
        continue;
      }
      stop();
      if (end > MAX_PROXY_HEAD_BYTES) {
        on.fail(tooLong());
        return;
      }
      // Bytes past the head belong to the tunnel: give them back to the socket for TLS.
      const rest = head.subarray(end + 4);
      if (rest.length > 0) tcp.unshift(rest);
      const refusal = answerProblem(endpoint, target, head.subarray(0, end).toString('latin1'));
      if (refusal === null) on.open();
      else on.fail(refusal);
      return;
    }
  };
  tcp.on('readable', onReadable);
  tcp.on('end', onEnd);
}

/** Reads the proxy's answer head: null for a 2xx, else the error that says what went wrong. */
function answerProblem(endpoint: ProxyEndpoint, target: string, head: string): ProxyError | null {
  const statusLine = head.split('\r\n', 1)[0] ?? '';
  const match = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine);
  if (match === null) {
    const shown = statusLine.length > 80 ? `${statusLine.slice(0, 80)}…` : statusLine;
    return new ProxyError(
      `proxy ${endpoint.label} answered CONNECT ${target} with something that is not HTTP: ${JSON.stringify(shown)}`,
    );
  }
  const status = Number(match[1]);
  const line = `${status}${match[2] ? ` ${match[2].trim()}` : ''}`;
  if (status === 407) return new ProxyError(proxyAuthenticationRequired(endpoint, line));
  if (status < 200 || status > 299) {
    return new ProxyError(`proxy ${endpoint.label} refused CONNECT ${target}: ${line}`);
  }
  return null;
}
