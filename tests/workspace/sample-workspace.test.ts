import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseTestFile } from '../../src/main/call-tests/parse-test-file.ts';
import { validateFlowText } from '../../src/shared/flow/validate-flow.ts';
import { loadEnvironmentFile } from '../../src/main/workspace/load-environment.ts';
import {
  findWorkspaceRoot,
  listEnvironmentFiles,
  listWorkspaceFlows,
  resolveEnvironmentArgument,
} from '../../src/main/workspace/workspace-files.ts';

const root = join(import.meta.dirname, '../../resources/workspace-example');

describe('the sample workspace', () => {
  test('its environments load clean', async () => {
    const files = await listEnvironmentFiles(root);
    assert.deepEqual(files, [
      join(root, 'environments/demo.yaml'),
      join(root, 'environments/mock.yaml'),
      join(root, 'environments/staging.yaml'),
    ]);
    const demo = await loadEnvironmentFile(files[0]!);
    assert.deepEqual(demo.problems, []);
    assert.equal(demo.environment?.name, 'Demo CRM');
    assert.equal(demo.environment?.demoCrm, true);
    const staging = await loadEnvironmentFile(files[2]!);
    assert.deepEqual(staging.problems, []);
    assert.equal(staging.environment?.name, 'Staging CRM');
    assert.deepEqual(staging.environment?.variables, {
      crm_base: 'https://crm-staging.example.com',
    });
    assert.deepEqual(staging.environment?.secrets, ['crm_token']);
    assert.deepEqual(staging.environment?.headers, { Authorization: 'Bearer ${secret.crm_token}' });
    // Its mock section is checked in tests/workspace/mock-section.test.ts.
    const mock = await loadEnvironmentFile(files[1]!);
    assert.deepEqual(mock.problems, []);
    assert.equal(mock.environment?.name, 'Mock CRM');
  });

  test('it is found from its flow, lists its flow, and resolves --env by name', async () => {
    assert.equal(findWorkspaceRoot({ flowPath: join(root, 'flows/balance.json'), cwd: '/' }), root);
    assert.deepEqual(await listWorkspaceFlows(root), [
      { path: join(root, 'flows/balance.json'), relative: join('flows', 'balance.json') },
    ]);
    assert.equal((await resolveEnvironmentArgument('demo', root, '/')).name, 'Demo CRM');
  });

  test('its flow is valid and keeps its crm_base default; its test file parses', async () => {
    const text = await readFile(join(root, 'flows/balance.json'), 'utf8');
    const flow = validateFlowText(text);
    assert.equal(flow.ok, true);
    const json = JSON.parse(text) as { $schema: string; variables: Record<string, string> };
    assert.equal(json.$schema, '../../flow.schema.json');
    assert.equal(json.variables['crm_base'], 'http://127.0.0.1:4010');
    const parsed = parseTestFile(
      'tests/balance.yaml',
      await readFile(join(root, 'tests/balance.yaml'), 'utf8'),
    );
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.file?.flow.value, '../flows/balance.json');
  });
});
