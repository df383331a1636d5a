/**
 * A call that ends in error: a flow whose one webhook goes to a port nothing listens on, with no
 * onError to go to. Shared by the in-process and the child-process tests of `run`'s exit 1.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closedPort } from '../helpers/closed-port.ts';

/** Writes the flow into `dir`; returns the `ivr-console run …` arguments that place the call. */
export async function failingWebhookRun(dir: string): Promise<string[]> {
  const flow = join(dir, 'fails.json');
  writeFileSync(
    flow,
    JSON.stringify({
      id: 'fails',
      name: 'Fails',
      start: 'hook',
      variables: { crm_base: 'http://127.0.0.1:1' },
      nodes: {
        hook: { type: 'http', method: 'GET', url: '${crm_base}/x', next: 'bye' },
        bye: { type: 'hangup' },
      },
    }),
  );
  const port = await closedPort();
  return ['run', flow, '--var', `crm_base=http://127.0.0.1:${port}`, '--json', '--no-log'];
}
