/**
 * A workspace for the load runner's tests: a flow with one webhook (the caller's number, then
 * `POST ${crm_base}/ivr/auth` with it), an environment pointing at the test's CRM, and a test file
 * of two cases pressing different numbers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp-dir.ts';

/** Writes the workspace (remove `workspace` afterwards); `port` is the CRM's. */
export function writeLoadWorkspace(port: number): { workspace: string; flowPath: string } {
  const workspace = tempDir('ivr-load-ws-');
  for (const folder of ['flows', 'environments', 'tests']) mkdirSync(join(workspace, folder));
  const flowPath = join(workspace, 'flows', 'login.json');
  writeFileSync(
    flowPath,
    JSON.stringify({
      id: 'login',
      name: 'Login',
      start: 'ask_id',
      variables: { crm_base: 'http://127.0.0.1:1' },
      nodes: {
        ask_id: {
          type: 'getDigits',
          say: 'Your customer number, then hash.',
          variable: 'customer_id',
          minDigits: 1,
          maxDigits: 10,
          terminator: '#',
          timeoutMs: 3000,
          retries: 0,
          next: 'auth',
          onFail: 'bye',
        },
        auth: {
          type: 'http',
          method: 'POST',
          contentType: 'json',
          url: '${crm_base}/ivr/auth',
          body: '{"id": "${customer_id}"}',
          next: 'bye',
          onError: 'bye',
        },
        bye: { type: 'hangup', say: 'Goodbye.' },
      },
    }),
  );
  writeFileSync(
    join(workspace, 'environments', 'local.yaml'),
    `name: Local CRM\nvariables:\n  crm_base: http://127.0.0.1:${port}\n`,
  );
  writeFileSync(
    join(workspace, 'tests', 'login.yaml'),
    [
      'flow: ../flows/login.json',
      'cases:',
      "  - name: first customer\n    dtmf: '111#'\n    expect: { outcome: hangup }",
      "  - name: second customer\n    dtmf: '222#'\n    expect: { outcome: hangup }",
      '',
    ].join('\n'),
  );
  return { workspace, flowPath };
}
