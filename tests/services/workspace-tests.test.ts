/**
 * The test files of the open workspace (`tests/*.yaml`, ../shared/spec/WORKSPACE.md) are listed
 * beside the samples and the saved ones: the Load screen's test-file picker and autopilot offer
 * the user's own cases, not only ours.
 */
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { dispatchRequest } from '../../src/main/ipc/dispatch-request.ts';
import type { TestFileEntry } from '../../src/shared/contract.ts';
import { ROOT } from '../helpers/project-root.ts';
import { startTestConsole } from '../helpers/console-services.ts';
import type { TestConsole } from '../helpers/console-services.ts';
import { tempDir } from '../helpers/temp-dir.ts';

let app: TestConsole;
let workspace: string;

before(async () => {
  workspace = join(tempDir('ivr-ws-tests-'), 'my-ivr');
  cpSync(join(ROOT, 'resources/workspace-example'), workspace, { recursive: true });
  app = await startTestConsole({ workspace });
});
after(async () => {
  await app?.services.close();
});

test("tests.list includes the workspace's own test files, with their cases", async () => {
  const answer = await dispatchRequest(app.handlers, 'tests.list', {});
  assert.ok(answer.ok, JSON.stringify(answer));
  const files = answer.value as TestFileEntry[];
  const own = files.find((f) => f.path === join(workspace, 'tests', 'balance.yaml'));
  assert.ok(own, `listed: ${files.map((f) => f.path).join(', ')}`);
  assert.deepEqual(own.problems, []);
  assert.equal(own.saved, false);
  assert.equal(own.flowPath, join(workspace, 'flows', 'balance.json'));
  assert.ok(own.cases.length > 0, 'its cases are listed');
  // The samples are still there, each file once.
  assert.ok(files.some((f) => f.path === join(ROOT, 'resources/tests/balance.yaml')));
  assert.equal(new Set(files.map((f) => f.path)).size, files.length);
});
