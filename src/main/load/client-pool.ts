/**
 * Webhook clients lent to calls, one call at a time: each keeps its kept-alive connection to the
 * CRM between calls, as the platform's connection pool would, so a load run measures the CRM and
 * not a TCP handshake per call. Used by `load`'s workers and by the Artillery engine
 * (packages/artillery-engine-ivr).
 */
import type { WebhookLimits } from '../../shared/webhook-types.ts';
import type { WebhookNetwork } from '../webhook/network-options.ts';
import { createWebhookClient } from '../webhook/webhook-client.ts';
import type { WebhookClient } from '../webhook/webhook-client.ts';

/** Clients built with one environment's network and limits. */
export class ClientPool {
  readonly #idle: WebhookClient[] = [];
  readonly #all: WebhookClient[] = [];
  readonly #settings: { network?: WebhookNetwork; limits?: Partial<WebhookLimits> };

  constructor(settings: { network?: WebhookNetwork; limits?: Partial<WebhookLimits> }) {
    this.#settings = settings;
  }

  /** An idle client, or a new one when every client is on a call. */
  take(): WebhookClient {
    const idle = this.#idle.pop();
    if (idle) return idle;
    const client = createWebhookClient({
      ...(this.#settings.limits ? { limits: this.#settings.limits } : {}),
      ...(this.#settings.network ? { network: this.#settings.network } : {}),
    });
    this.#all.push(client);
    return client;
  }

  /** Back to the pool once its call has ended. */
  give(client: WebhookClient): void {
    this.#idle.push(client);
  }

  /** Closes every client's connections (waits for exchanges in flight). */
  async close(): Promise<void> {
    await Promise.all(this.#all.map((client) => client.close()));
  }
}
