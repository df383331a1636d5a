/**
 * The errors a connection attempt ends with when a proxy or the connect deadline is at fault,
 * and the tests that tell which one a socket error stands for.
 */
import { errors } from 'undici';
import { describeError } from './describe-error.ts';
import type { ProxyEndpoint } from './proxy-route.ts';

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

/** The detail of a proxy's 407: `proxy http://host:port answered 407 Proxy … (why)`. */
export function proxyAuthenticationRequired(endpoint: ProxyEndpoint, statusLine: string): string {
  const why =
    endpoint.authorization === null
      ? 'the proxy URL has no credentials'
      : 'the credentials in the proxy URL were refused';
  return `proxy ${endpoint.label} answered ${statusLine} (${why})`;
}

/** An error's code (`ECONNREFUSED`), or its description when it has none. */
export function codeOrMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : describeError(error);
}

/** `AggregateError` of address attempts that all timed out: the same as our own deadline. */
export function timedOut(error: unknown): boolean {
  return (
    error instanceof AggregateError &&
    ((error as { code?: unknown }).code === 'ETIMEDOUT' ||
      error.errors.some((e: unknown) => (e as { code?: unknown } | null)?.code === 'ETIMEDOUT'))
  );
}
