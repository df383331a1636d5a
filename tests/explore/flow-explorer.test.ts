/**
 * The console's "Generate tests" service: explores a flow in an environment of the console and
 * saves the file in the workspace's tests/ folder, never over an existing file.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { CallEnvironment } from '../../src/main/calls/call-environment.ts';
import type { EnvironmentLibrary } from '../../src/main/services/environment-library.ts';
import { createFlowExplorer } from '../../src/main/services/flow-explorer.ts';
import { ServiceError } from '../../src/main/services/service-errors.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { CRAFTED_FLOW, writeIn } from './explore-fixtures.ts';

/** Environments that know only `plain`: no variables, no mocks. */
const environments = {
  forCall: async (id: string): Promise<CallEnvironment> => {
    if (id !== 'plain') throw new ServiceError('not_found', `no environment ${id}`);
    return { variables: {}, secrets: {}, network: {}, limits: {} };
  },
} as unknown as EnvironmentLibrary;

describe('flow explorer service', () => {
  test('explores into the workspace tests/ folder and saves without overwriting', async () => {
    const root = tempDir('ivr-explorer-');
    mkdirSync(join(root, 'flows'));
    const flow = writeIn(join(root, 'flows'), 'crafted.json', JSON.stringify(CRAFTED_FLOW));
    const explorer = createFlowExplorer({
      environments,
      workspaceRoot: () => root,
      savedTestsDir: join(root, 'saved'),
    });
    const report = await explorer.explore({ flowPath: flow, environmentId: 'plain', maxCases: 3 });
    assert.equal(report.suggestedPath, join(root, 'tests', 'crafted.explored.yaml'));
    assert.equal(report.cases.length, 3);
    assert.equal(report.environmentId, 'plain');
    assert.match(report.yaml, /^flow: "\.\.\/flows\/crafted\.json"$/m);

    const first = await explorer.save({ path: report.suggestedPath, text: report.yaml });
    assert.equal(first.path, report.suggestedPath);
    const second = await explorer.save({ path: report.suggestedPath, text: 'second\n' });
    assert.equal(second.path, join(root, 'tests', 'crafted.explored-2.yaml'));
    assert.equal(readFileSync(first.path, 'utf8'), report.yaml);
    assert.equal(readFileSync(second.path, 'utf8'), 'second\n');

    await assert.rejects(
      explorer.save({ path: join(root, 'elsewhere.yaml'), text: 'x' }),
      (error: unknown) => error instanceof ServiceError && error.code === 'forbidden',
    );
    await assert.rejects(
      explorer.explore({ flowPath: flow, environmentId: 'nope' }),
      (error: unknown) => error instanceof ServiceError && error.code === 'not_found',
    );
    const broken = join(root, 'broken.json');
    writeFileSync(broken, '{');
    await assert.rejects(
      explorer.explore({ flowPath: broken, environmentId: 'plain' }),
      (error: unknown) => error instanceof ServiceError && error.code === 'invalid_input',
    );
  });
});
