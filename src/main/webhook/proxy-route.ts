/**
 * Which proxy, if any, a webhook goes through: the environment's explicit `proxy` (every request),
 * else the conventional variables `HTTPS_PROXY` (https targets) / `HTTP_PROXY` (http targets) and
 * `NO_PROXY`, read upper or lower case (lower case first, as curl does).
 *
 * Choices, where conventions differ:
 * - No implicit bypass: loopback targets (`localhost`, 127.0.0.1) go through an environment
 *   proxy unless `NO_PROXY` lists them, as with curl and undici (Go's net/http bypasses them).
 *   An explicit `proxy` ignores `NO_PROXY`: it is "the proxy every request goes through".
 * - An https target uses `HTTPS_PROXY` only, never `HTTP_PROXY` (as curl does).
 * - `NO_PROXY`: entries separated by commas or white space; `*` matches everything; a host name
 *   matches itself and its subdomains, a leading `.` or `*.` is ignored (`.example.com` matches
 *   `example.com` too, as curl does); `:port` limits an entry to that port; IP literals match
 *   exactly, IPv6 in brackets or bare; `10.0.0.0/8` style CIDR ranges match IP targets.
 * - Only `http://` proxies (TLS to the target runs inside the CONNECT tunnel); a proxy URL without
 *   a scheme is read as `http://`; without a port, 80.
 */
import { BlockList, isIP } from 'node:net';
import type { WebhookNetwork } from './network-options.ts';

/** A proxy to connect through. */
export interface ProxyEndpoint {
  /** `http://host:port` without credentials: how messages name the proxy. */
  readonly label: string;
  /** The origin absolute-form requests are dispatched to (`http://host[:port]`). */
  readonly origin: string;
  /** Host name or IP (IPv6 without brackets). */
  readonly hostname: string;
  readonly port: number;
  /** `Basic …` for `Proxy-Authorization` when the URL has credentials, else null. */
  readonly authorization: string | null;
}

/**
 * How a request reaches its target: straight, through a CONNECT tunnel (https targets), forwarded
 * in absolute form (http targets), or not at all (the proxy setting is invalid).
 */
export type ProxyRoute =
  | { kind: 'direct' }
  | { kind: 'tunnel' | 'forward'; proxy: ProxyEndpoint }
  | { kind: 'invalid'; detail: string };

const DIRECT: ProxyRoute = { kind: 'direct' };

/** Hides `user:password@` in a proxy setting that did not parse. */
function withoutCredentials(text: string): string {
  return text.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)?[^/@\s]*@/i,
    (_match, scheme: string | undefined) => `${scheme ?? ''}[credentials]@`,
  );
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Parses a proxy setting; a string is the reason it cannot be used. */
export function parseProxyUrl(text: string, source: string): ProxyEndpoint | string {
  const trimmed = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  const url = URL.parse(withScheme);
  const shown = withoutCredentials(trimmed);
  if (url === null || url.hostname === '') {
    return `request not sent: the proxy "${shown}" (${source}) is not a valid URL`;
  }
  if (url.protocol !== 'http:') {
    return `request not sent: the proxy "${shown}" (${source}) is not supported: only http:// proxies are`;
  }
  const label = `${url.protocol}//${url.host}`;
  const port = url.port === '' ? 80 : Number(url.port);
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  let authorization: string | null = null;
  if (url.username !== '' || url.password !== '') {
    const credentials = `${decode(url.username)}:${decode(url.password)}`;
    authorization = `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
  }
  return { label, origin: url.origin, hostname, port, authorization };
}

function envValue(env: Readonly<Record<string, string | undefined>>, name: string): string | null {
  const value = env[name.toLowerCase()] || env[name.toUpperCase()];
  return value === undefined || value.trim() === '' ? null : value;
}

/** Lowercase, without IPv6 brackets or a trailing dot. */
function bareHost(hostname: string): string {
  let host = hostname.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host;
}

/** An IP literal in one spelling (IPv6 compressed), or null when `text` is not one. */
function canonicalIp(text: string): string | null {
  const family = isIP(text);
  if (family === 0) return null;
  if (family === 4) return text;
  return URL.parse(`http://[${text}]/`)?.hostname.slice(1, -1) ?? text;
}

/** Splits `name[:port]` / `[v6][:port]` / bare IPv6; null when the entry is malformed. */
function splitEntry(entry: string): { name: string; port: number | null } | null {
  if (entry.startsWith('[')) {
    const end = entry.indexOf(']');
    if (end === -1) return null;
    const rest = entry.slice(end + 1);
    if (rest !== '' && !/^:\d+$/.test(rest)) return null;
    return { name: entry.slice(1, end), port: rest === '' ? null : Number(rest.slice(1)) };
  }
  if (isIP(entry) === 6 || entry.includes('/')) return { name: entry, port: null };
  const colon = entry.lastIndexOf(':');
  if (colon === -1) return { name: entry, port: null };
  const portText = entry.slice(colon + 1);
  if (!/^\d+$/.test(portText)) return null;
  return { name: entry.slice(0, colon), port: Number(portText) };
}

function inCidr(range: string, ip: string): boolean {
  const [network, bitsText] = range.split('/');
  const family = isIP(network ?? '');
  const bits = Number(bitsText);
  if (family === 0 || family !== isIP(ip) || !Number.isInteger(bits)) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (bits < 0 || bits > (family === 4 ? 32 : 128)) return false;
  const list = new BlockList();
  list.addSubnet(network as string, bits, type);
  return list.check(ip, type);
}

/**
 * True when `NO_PROXY`'s value lists the target (`hostname` as `URL.hostname` spells it, `port`
 * the effective port).
 */
export function bypassesProxy(noProxy: string, hostname: string, port: number): boolean {
  const host = bareHost(hostname);
  const hostIp = canonicalIp(host);
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const split = splitEntry(entry);
    if (split === null || (split.port !== null && split.port !== port)) continue;
    let name = split.name;
    if (name.startsWith('*.')) name = name.slice(2);
    else if (name.startsWith('.')) name = name.slice(1);
    if (name.endsWith('.')) name = name.slice(0, -1);
    if (name === '') continue;
    if (name.includes('/')) {
      if (hostIp !== null && inCidr(name, hostIp)) return true;
      continue;
    }
    const entryIp = canonicalIp(name);
    if (entryIp !== null || hostIp !== null) {
      // IP literals match exactly; a suffix of an address means nothing.
      if (entryIp !== null && entryIp === hostIp) return true;
      continue;
    }
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** The effective port of a URL. */
function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** Decides how a request to `target` (an http or https URL) travels. */
export function routeFor(
  target: URL,
  network: Pick<WebhookNetwork, 'proxy' | 'proxyEnv'> = {},
): ProxyRoute {
  const https = target.protocol === 'https:';
  const kind = https ? 'tunnel' : 'forward';
  const explicit = network.proxy;
  if (explicit !== undefined && explicit !== null && explicit.trim() !== '') {
    const proxy = parseProxyUrl(explicit, "the environment's proxy");
    return typeof proxy === 'string' ? { kind: 'invalid', detail: proxy } : { kind, proxy };
  }
  const env = network.proxyEnv ?? process.env;
  const variable = https ? 'HTTPS_PROXY' : 'HTTP_PROXY';
  const setting = envValue(env, variable);
  if (setting === null) return DIRECT;
  const noProxy = envValue(env, 'NO_PROXY');
  if (noProxy !== null && bypassesProxy(noProxy, target.hostname, portOf(target))) return DIRECT;
  const proxy = parseProxyUrl(setting, variable);
  return typeof proxy === 'string' ? { kind: 'invalid', detail: proxy } : { kind, proxy };
}
