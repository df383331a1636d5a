/**
 * How a call's webhooks reach the CRM, from its environment (../shared/spec/WORKSPACE.md): headers
 * sent with every request, TLS trust and client certificates, and the proxy.
 */

import type { MockRoute } from '../../shared/mock-types.ts';

/**
 * TLS settings of the webhook client. A PEM that does not parse, a key without its certificate
 * or one that does not match it: every https exchange fails with `tls_error` naming the field
 * (the client is still created; plain http exchanges are unaffected).
 */
export interface WebhookTls {
  /**
   * Extra trusted CA certificates (PEM texts), added to Node's default trust (its bundled CAs
   * plus any from `NODE_EXTRA_CA_CERTS` or the system store when Node is told to use them).
   */
  ca?: readonly string[];
  /** Client certificate (PEM) for mutual TLS; needs {@link key}. */
  cert?: string;
  /** Its private key (PEM, unencrypted). */
  key?: string;
  /** Accept any server certificate; every exchange to an https URL then carries warning `insecure_tls`. */
  insecure?: boolean;
}

/** The network side of a webhook client. */
export interface WebhookNetwork {
  /**
   * Header templates sent with every request (`Authorization: Bearer ${secret.crm_token}`),
   * rendered like a node's own (secrets `[redacted]` in the record and the cURL line), placed
   * after the console's Content-Type / User-Agent and before the node's headers; a node's header
   * of the same name (any case) wins and the environment's is then not sent.
   */
  headers?: Readonly<Record<string, string>>;
  tls?: WebhookTls;
  /**
   * The proxy every request goes through (`http://host:port`, `http://user:password@host:port`
   * for Basic `Proxy-Authorization`; only http:// proxies), `NO_PROXY` notwithstanding. https
   * targets go through a CONNECT tunnel, http targets are sent to it in absolute form. Absent or
   * null: `HTTPS_PROXY` (https targets) / `HTTP_PROXY` (http targets) / `NO_PROXY` from
   * {@link proxyEnv} decide; loopback targets are not exempt unless `NO_PROXY` lists them (see
   * proxy-route.ts for the exact rules).
   */
  proxy?: string | null;
  /** Where the proxy variables are read (lower case first, then upper); default `process.env`. */
  proxyEnv?: Readonly<Record<string, string | undefined>>;
  /**
   * Mocked nodes (an environment's `mock` section served by the loopback mock server): a listed
   * node's request is matched against its rules and sent there, never to its own URL, whatever
   * the proxy settings; a node not listed is unaffected.
   */
  mock?: MockRoute;
}
