/**
 * What an environment (../shared/spec/WORKSPACE.md) gives one call or one sent request: the user
 * variables it presets, the secrets it needs, how its webhooks reach the CRM (headers, TLS, proxy)
 * and the limits it overrides. The CLI, the desktop app and browser mode all place calls through
 * this, so an environment means the same thing everywhere.
 */
import type { MockRoute } from '../../shared/mock-types.ts';
import type { VarMap } from '../../shared/variables.ts';
import type { WebhookLimits } from '../../shared/webhook-types.ts';
import type { WebhookNetwork } from '../webhook/network-options.ts';
import type { ResolvedEnvironment } from '../workspace/environment-types.ts';

/** The parts of a call that come from its environment. */
export interface CallEnvironment {
  /** Presets under the call's own (`--var`, the UI's edits), over the flow's `variables`. */
  variables: VarMap;
  /** Values for `${secret.name}`. */
  secrets: Readonly<Record<string, string>>;
  network: WebhookNetwork;
  limits: Partial<WebhookLimits>;
}

/**
 * Builds the call's share of `environment`. `demoCrmUrl` is where the built-in demo CRM listens,
 * for an environment with `demoCrm: true` (its `crm_base` then points there). `mock` is the route
 * to the mock server registered for the environment's `mock` section, when it has one.
 */
export function callEnvironment(
  environment: ResolvedEnvironment,
  secrets: Readonly<Record<string, string>>,
  demoCrmUrl: string | null,
  mock: MockRoute | null = null,
): CallEnvironment {
  const variables: VarMap = { ...environment.variables };
  if (environment.demoCrm && demoCrmUrl !== null) variables.crm_base = demoCrmUrl;
  const tls = environment.tls;
  const network: WebhookNetwork = {
    headers: environment.headers,
    tls: {
      ca: tls.ca,
      ...(tls.cert !== null ? { cert: tls.cert } : {}),
      ...(tls.key !== null ? { key: tls.key } : {}),
      insecure: tls.insecure,
    },
    proxy: environment.proxy,
    // The demo CRM is this machine's own loopback server: HTTP(S)_PROXY must not send its
    // webhooks to a corporate proxy that cannot reach it. An explicit `proxy:` still applies.
    ...(environment.demoCrm && demoCrmUrl !== null ? { proxyEnv: {} } : {}),
    ...(mock !== null ? { mock } : {}),
  };
  return { variables, secrets, network, limits: environment.limits };
}

/**
 * The limits a call runs under, described for people: each override with the platform's value,
 * e.g. `responseTimeoutMs 8000 (platform 5000)`. Empty when nothing is overridden.
 */
export function describeLimitOverrides(
  limits: Partial<WebhookLimits>,
  defaults: Readonly<WebhookLimits>,
): string[] {
  return (Object.keys(defaults) as (keyof WebhookLimits)[])
    .filter((name) => limits[name] !== undefined && limits[name] !== defaults[name])
    .map((name) => `${name} ${limits[name]} (platform ${defaults[name]})`);
}
