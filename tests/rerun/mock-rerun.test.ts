/**
 * `replay --mock-webhooks` on recorded sessions reproduces path, spoken text and variables
 * exactly, with no network: crm_base points at a closed port (a connection attempt would fail the
 * webhook), or at a live server that must receive nothing.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadFlowFile } from '../../src/main/flows/load-flow-file.ts';
import { rerunSession } from '../../src/main/rerun/rerun-session.ts';
import { closedPort } from '../helpers/closed-port.ts';
import { replyJson, startLoopbackServer } from '../helpers/loopback-server.ts';
import type { Recorded } from './rerun-helpers.ts';
import { BALANCE, loadSession, METER, record, replayJson } from './rerun-helpers.ts';

async function assertReproduced(recorded: Recorded, crmBase: string): Promise<void> {
  const doc = await replayJson(recorded, ['--mock-webhooks', '--var', `crm_base=${crmBase}`], 0);
  assert.equal(doc.same, true, JSON.stringify(doc.differences, null, 2));
  assert.equal(doc.mode, 'mock');
  assert.equal(doc.firstDivergence, null);
  assert.deepEqual(doc.differences, []);
  assert.deepEqual(doc.rerun.path, recorded.run.path);
  assert.deepEqual(doc.rerun.spoken, recorded.run.spoken);
  assert.deepEqual(doc.original.path, recorded.run.path);
}

describe('replay --mock-webhooks reproduces a recorded session with no network', () => {
  test('balance (12345#1111): crm_base on a closed port, still the same call', async () => {
    const recorded = await record(BALANCE, '12345#1111');
    await assertReproduced(recorded, `http://127.0.0.1:${await closedPort()}`);
  });

  test('meter reading with an inter-digit timeout and a send-on-hang-up report carrying the uuid', async () => {
    const recorded = await record(METER, '100200 5000~ 1');
    assert.equal(recorded.run.variables.reading, '5000');
    await assertReproduced(recorded, `http://127.0.0.1:${await closedPort()}`);
  });

  test('balance with timeouts (~): a live server at crm_base receives no request at all', async () => {
    const recorded = await record(BALANCE, '~12345#~1111');
    const server = await startLoopbackServer((_req, res) =>
      replyJson(res, { authenticated: false }),
    );
    try {
      await assertReproduced(recorded, server.url);
      assert.equal(server.received.length, 0, 'no request reached the network');
    } finally {
      await server.close();
    }
  });

  test('the final variables are the original ones, except the per-call uuid and short id', async () => {
    const recorded = await record(BALANCE, '12345#11111');
    const session = loadSession(recorded.db, recorded.id);
    const flow = (await loadFlowFile(BALANCE)).flow;
    assert.ok(flow);
    const result = await rerunSession({ session, flow, flowPath: BALANCE, mode: 'mock' });
    const { uuid: u1, vccsys_shortid: s1, ...original } = result.original.variables;
    const { uuid: u2, vccsys_shortid: s2, ...rerun } = result.rerun.variables;
    assert.notEqual(u1, u2);
    assert.ok(s1 && s2);
    assert.deepEqual(rerun, original);
    assert.deepEqual(
      original,
      (({ uuid: _u, vccsys_shortid: _s, ...rest }) => rest)(recorded.run.variables),
    );
    assert.equal(original.balance, 1250.75);
    assert.equal(result.comparison.same, true);
    assert.equal(result.rerun.outcome, 'hangup');
    assert.equal(result.unusedSteps, 0);
  });
});
