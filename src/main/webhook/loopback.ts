/**
 * Loopback detection for the `insecure_http` warning: plain HTTP to this machine never leaves it,
 * so it does not deserve the platform's "use HTTPS" warning.
 */

/** True for `localhost` (and `*.localhost`), 127.0.0.0/8 and `::1`, as `URL.hostname` spells them. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
