/**
 * How a call's webhooks reach the CRM, from its environment (WORKSPACE.md): headers sent with
 * every request, TLS trust and client certificates, and the proxy.
 */

/** TLS settings of the webhook client. */
export interface WebhookTls {
  /** Extra trusted CA certificates (PEM texts), added to the system's. */
  ca?: readonly string[];
  /** Client certificate (PEM) for mutual TLS. */
  cert?: string;
  /** Its private key (PEM). */
  key?: string;
  /** Accept any server certificate; every exchange then carries warning `insecure_tls`. */
  insecure?: boolean;
}

/** The network side of a webhook client. */
export interface WebhookNetwork {
  /**
   * Header templates sent with every request (`Authorization: Bearer ${secret.crm_token}`),
   * rendered like a node's own headers; a node's header of the same name (any case) wins.
   */
  headers?: Readonly<Record<string, string>>;
  tls?: WebhookTls;
  /**
   * The proxy every request goes through (`http://host:port`, credentials allowed). Absent or
   * null: `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` from {@link proxyEnv} decide.
   */
  proxy?: string | null;
  /** Where the proxy variables are read (upper or lower case); default `process.env`. */
  proxyEnv?: Readonly<Record<string, string | undefined>>;
}
