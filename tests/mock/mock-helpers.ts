/**
 * Fixtures for the mock reply tests: a section read from real YAML through the environment
 * loader (a temporary file, removed), a running mock server with its route, and a webhook client
 * whose network carries the route.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import type { MockRoute, MockSection } from '../../src/shared/mock-types.ts';
import type { WebhookLimits } from '../../src/shared/webhook-types.ts';
import { createMockServer } from '../../src/main/mock/mock-server.ts';
import type { MockServer } from '../../src/main/mock/mock-server.ts';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { WebhookClient } from '../../src/main/webhook/webhook-client.ts';
import { loadEnvironmentFile } from '../../src/main/workspace/load-environment.ts';

/** Reads `mock:` YAML (the section's lines, indented under it) as an environment file would be. */
export async function sectionFrom(mockYaml: string): Promise<MockSection> {
  const folder = await mkdtemp(join(os.tmpdir(), 'ivr-mock-'));
  try {
    const file = join(folder, 'mock.yaml');
    await writeFile(file, `name: Mock\nmock:\n${mockYaml}`);
    const loaded = await loadEnvironmentFile(file);
    assert.deepEqual(loaded.problems, []);
    const mock = loaded.environment?.mock;
    assert.ok(mock, 'the environment has a mock section');
    return mock;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A mock server serving one section, and clients routed to it. */
export interface MockRig {
  server: MockServer;
  route: MockRoute;
  /** A client with the route in its network (closed by {@link MockRig.close}). */
  client(limits?: Partial<WebhookLimits>): WebhookClient;
  close(): Promise<void>;
}

/** Starts a mock server for `section`. */
export async function startMockRig(section: MockSection): Promise<MockRig> {
  const server = createMockServer();
  const route = await server.route(section);
  const clients: WebhookClient[] = [];
  return {
    server,
    route,
    client(limits) {
      const client = createWebhookClient({
        network: { mock: route, proxyEnv: {} },
        ...(limits ? { limits } : {}),
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await server.close();
    },
  };
}
