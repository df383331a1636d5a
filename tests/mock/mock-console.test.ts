/**
 * The console's side of mock replies: the environment library hands calls (the phone, Send
 * request, the Load screen) a network routed to the process's mock server, started at the first
 * call that needs it, and describes a mocking environment as such.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createMockServer } from '../../src/main/mock/mock-server.ts';
import type { MockServer } from '../../src/main/mock/mock-server.ts';
import { createMemorySecretStore } from '../../src/main/secrets/secret-store.ts';
import { createEnvironmentLibrary } from '../../src/main/services/environment-library.ts';
import { ServiceError } from '../../src/main/services/service-errors.ts';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import { httpNode } from '../webhook/helpers.ts';

const ENVIRONMENT = `name: Mocked
mock:
  lookup:
    - when: { query.id: "7" }
      json: { found: true }
`;

describe('mock replies in the console', () => {
  let root: string;
  let mockServer: MockServer;

  before(async () => {
    root = await mkdtemp(join(os.tmpdir(), 'ivr-mock-ws-'));
    await mkdir(join(root, 'environments'));
    await writeFile(join(root, 'environments', 'mocked.yaml'), ENVIRONMENT);
    mockServer = createMockServer();
  });

  after(async () => {
    await mockServer.close();
    await rm(root, { recursive: true, force: true });
  });

  const library = (withServer: boolean) =>
    createEnvironmentLibrary({
      root: () => root,
      secrets: createMemorySecretStore(),
      demoCrmUrl: 'http://127.0.0.1:1',
      shell: 'browser',
      ...(withServer ? { mockServer } : {}),
    });

  test('a call in a mocking environment is answered by the mock server', async () => {
    const environments = library(true);
    const listed = (await environments.list()).find((e) => e.id === 'workspace:mocked');
    assert.match(listed?.description ?? '', /mocks lookup/);
    const call = await environments.forCall('workspace:mocked');
    assert.ok(call.network.mock, 'the network carries the route');
    assert.deepEqual(Object.keys(call.network.mock.nodes), ['lookup']);
    const client = createWebhookClient({ network: call.network, limits: call.limits });
    try {
      const { exchange } = await client.execute({
        nodeId: 'lookup',
        node: httpNode({ url: 'https://crm.invalid/find?id=${id}' }),
        variables: { id: 7 },
      });
      assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
      assert.deepEqual(exchange.variablesSet, { found: true });
      assert.deepEqual(exchange.mock, { rule: 1, server: call.network.mock.origin });
    } finally {
      await client.close();
    }
    // The same section again: the same route, no second registration.
    const again = await environments.forCall('workspace:mocked');
    assert.equal(again.network.mock?.key, call.network.mock.key);
  });

  test('without a mock server such an environment is refused, saying why', async () => {
    await assert.rejects(
      library(false).forCall('workspace:mocked'),
      (error: unknown) =>
        error instanceof ServiceError &&
        error.code === 'conflict' &&
        /mocks nodes, and this console runs no mock server/.test(error.message),
    );
  });
});
