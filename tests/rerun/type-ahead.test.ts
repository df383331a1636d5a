/**
 * Callers of the desktop softphone do not wait for the flow: they type ahead during prompts, barge
 * in, hang up mid-sentence. Such sessions are recorded here in-process (keys pressed while a
 * prompt plays) and must replay exactly, prompts cut short and skipped as they were.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CallEvent } from '../../src/shared/call-events.ts';
import type { Flow } from '../../src/shared/flow/flow-schema.ts';
import { runCall } from '../../src/main/calls/run-call.ts';
import { scriptedCaller } from '../../src/main/calls/scripted-caller.ts';
import { parseDtmfScript } from '../../src/main/cli/dtmf-option.ts';
import { startDemoCrm } from '../../src/main/demo-crm/demo-crm-server.ts';
import type { DemoCrm } from '../../src/main/demo-crm/demo-crm-server.ts';
import type { Call } from '../../src/main/engine/call-engine.ts';
import { VirtualClock } from '../../src/main/engine/clock.ts';
import { createSilentSpeaker } from '../../src/main/engine/speaker.ts';
import { loadFlowFile } from '../../src/main/flows/load-flow-file.ts';
import { deriveCallerScript } from '../../src/main/rerun/caller-script.ts';
import { rerunSession } from '../../src/main/rerun/rerun-session.ts';
import { openSessionStore } from '../../src/main/store/session-store.ts';
import { tempDir } from '../helpers/cli-process.ts';
import { BALANCE, loadSession } from './rerun-helpers.ts';

let crm: DemoCrm;
let flow: Flow;

before(async () => {
  crm = await startDemoCrm({ port: 0 });
  const loaded = await loadFlowFile(BALANCE);
  assert.ok(loaded.flow);
  flow = loaded.flow;
});
after(() => crm.close());

/**
 * Records a balance call: `atWaits` answers the waits like `--dtmf`; `during(event, call)` runs on
 * every event and may press keys or hang up there.
 */
async function recordLive(
  atWaits: string,
  during: (event: CallEvent, call: Call) => void,
): Promise<{ db: string; id: string }> {
  const db = join(tempDir('ivr-replay-'), 'sessions.db');
  const store = openSessionStore({ path: db });
  try {
    const clock = new VirtualClock({ start: Date.now(), autoAdvance: true });
    let call: Call | null = null;
    const running = runCall({
      flow,
      flowPath: BALANCE,
      clock,
      speaker: createSilentSpeaker(clock),
      store,
      options: {
        source: '+3612345678',
        destination: '+3612000000',
        variables: { crm_base: crm.url },
        onWaitingForKey: scriptedCaller(parseDtmfScript(atWaits), () => call as Call),
      },
      // runCall starts the call before it returns it: the first events come before `call` is set,
      // so the caller acts a microtask later, while the prompt is still playing.
      onEvent: (event) => queueMicrotask(() => during(event, call as Call)),
    });
    call = running.call;
    await running.done;
    return { db, id: running.sessionId as string };
  } finally {
    store.close();
  }
}

describe('type-ahead, barge-in and hang-up mid-prompt replay exactly', () => {
  test('keys typed during the welcome prompt skip the next prompt; 0 barges into the menu', async () => {
    const recorded = await recordLive('1111', (event, call) => {
      if (event.type !== 'prompt_started') return;
      if (event.node === 'welcome') for (const key of '12345#') call.pressKey(key);
      if (event.node === 'options') call.pressKey('0');
    });
    const session = loadSession(recorded.db, recorded.id);
    const spoken = session.events.flatMap((e) => (e.type === 'prompt_started' ? [e.text] : []));
    assert.ok(
      !spoken.includes('Please enter your customer number, then press hash.'),
      'the typed-ahead keys skipped the customer-number prompt',
    );
    assert.equal(session.status, 'transfer');

    const steps = deriveCallerScript(session.events, flow);
    const welcome = { type: 'prompt_started', node: 'welcome', occurrence: 1 };
    assert.deepEqual(
      steps.map((s) => [s.kind === 'key' ? s.key : s.kind, s.anchor]),
      [
        ...[...'12345#'].map((key) => [key, welcome]),
        ...[...'1111'].map((key) => [key, null]),
        ['0', { type: 'prompt_started', node: 'options', occurrence: 1 }],
      ],
    );

    const result = await rerunSession({ session, flow, flowPath: BALANCE, mode: 'mock' });
    assert.deepEqual(result.comparison.differences, []);
    assert.equal(result.comparison.same, true);
    assert.deepEqual(result.rerun.spoken, spoken);
    assert.equal(result.rerun.transferTarget, 'support-queue');
  });

  test('a hang-up during a prompt happens during the same prompt in the re-run', async () => {
    const recorded = await recordLive('12345#1111', (event, call) => {
      if (event.type === 'prompt_started' && event.node === 'greet') call.hangUp();
    });
    const session = loadSession(recorded.db, recorded.id);
    const steps = deriveCallerScript(session.events, flow);
    assert.deepEqual(steps.at(-1)?.anchor, {
      type: 'prompt_started',
      node: 'greet',
      occurrence: 1,
    });
    const result = await rerunSession({ session, flow, flowPath: BALANCE, mode: 'mock' });
    assert.equal(result.comparison.same, true, JSON.stringify(result.comparison.differences));
    assert.equal(result.rerun.path.at(-1), 'greet');
    assert.equal(result.rerun.endedBy, 'caller');
  });
});
