/**
 * Replay as the console computes it, under plain Node: a real call's events (the engine on its
 * virtual clock) folded to each position give exactly what the live console showed at that
 * point; the pace follows the recorded gaps, scaled by the speed and capped; presenter mode masks
 * the digits a PIN node collected and the secret variables.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CallEvent } from '../../../src/shared/call-events.ts';
import {
  collectsSecret,
  isSecretName,
  maskedDigits,
  MASK,
} from '../../../src/renderer/src/lib/secret-mask.ts';
import { callReducer, INITIAL_CALL_VIEW } from '../../../src/renderer/src/state/call-state.ts';
import type { CallView } from '../../../src/renderer/src/state/call-view.ts';
import {
  MAX_REPLAY_GAP_MS,
  replayClock,
  replayDelay,
  replayView,
  stepPosition,
} from '../../../src/renderer/src/state/replay-state.ts';
import { makeFlow, runScripted } from '../../helpers/engine-harness.ts';

const FLOW = makeFlow(
  {
    hello: { type: 'play', say: 'Welcome.', next: 'ask_id' },
    ask_id: {
      type: 'getDigits',
      say: 'Your customer number, then hash.',
      variable: 'customer_id',
      minDigits: 3,
      maxDigits: 6,
      terminator: '#',
      next: 'ask_pin',
    },
    ask_pin: {
      type: 'getDigits',
      say: 'Your PIN.',
      variable: 'pin',
      minDigits: 4,
      maxDigits: 4,
      next: 'bye',
    },
    bye: { type: 'hangup', say: 'Goodbye.' },
  },
  { start: 'hello' },
);

async function recorded(): Promise<CallEvent[]> {
  const { events } = await runScripted(FLOW, '123#4567');
  return events;
}

/** The live console's view after the same events, fed one by one as they arrived. */
function liveView(events: readonly CallEvent[], count: number): CallView {
  let view = callReducer(INITIAL_CALL_VIEW, { type: 'start_requested' });
  view = callReducer(view, { type: 'start_succeeded', callId: 'c', sessionId: 'c', now: 0 });
  for (const event of events.slice(0, count)) {
    view = callReducer(view, { type: 'event', callId: 'c', event, now: event.t });
  }
  return view;
}

describe('replay view', () => {
  test('at every position it is what the live console showed after as many events', async () => {
    const events = await recorded();
    assert.ok(events.length > 15);
    for (let position = 0; position <= events.length; position++) {
      const replayed = replayView('c', events, position);
      const live = liveView(events, position);
      assert.deepEqual(
        { ...replayed, startedAtMs: null },
        { ...live, startedAtMs: null },
        `position ${position}`,
      );
    }
    const end = replayView('c', events, events.length);
    assert.equal(end.phase, 'ended');
    assert.equal(end.digits, '123#4567');
    assert.deepEqual(end.path, ['hello', 'ask_id', 'ask_pin', 'bye']);
    assert.equal(end.variables['pin'], '4567');
    assert.equal(end.caption?.text, 'Goodbye.');
    assert.equal(replayView('c', events, 10_000).events.length, events.length, 'clamped');
    assert.equal(replayView('c', events, -3).events.length, 0, 'clamped');
  });

  test('the clock is the recorded one and the pace its gaps, scaled and capped', async () => {
    const events = await recorded();
    assert.equal(replayClock(events, 0), 0);
    assert.equal(replayClock(events, events.length), events.at(-1)?.t);
    for (let position = 0; position < events.length; position++) {
      const gap = (events[position]?.t ?? 0) - replayClock(events, position);
      const expected = Math.min(gap, MAX_REPLAY_GAP_MS);
      assert.equal(replayDelay(events, position, 1), expected);
      assert.equal(replayDelay(events, position, 2), expected / 2);
      assert.equal(replayDelay(events, position, 0.5), expected * 2);
    }
    assert.equal(replayDelay(events, events.length, 1), null, 'nothing after the end');
    // A caller silent for a minute is replayed as a 5 s pause.
    const long: CallEvent[] = [
      { ...(events[0] as CallEvent), seq: 0, t: 0 },
      { ...(events[1] as CallEvent), seq: 1, t: 60_000 },
    ];
    assert.equal(replayDelay(long, 1, 1), MAX_REPLAY_GAP_MS);
  });

  test('positions step within bounds', async () => {
    const events = await recorded();
    assert.equal(stepPosition(0, -1, events.length), 0);
    assert.equal(stepPosition(events.length, 1, events.length), events.length);
    assert.equal(stepPosition(3, 1, events.length), 4);
  });
});

describe('presenter masking', () => {
  test('digits collected by a PIN node are dots; others stay as typed', async () => {
    const events = await recorded();
    assert.equal(maskedDigits(events, FLOW), `123#${MASK.repeat(4)}`);
    assert.equal(maskedDigits(events, null), '123#4567', 'no flow known: nothing to mask by');
    assert.equal(collectsSecret(FLOW, 'ask_pin'), true);
    assert.equal(collectsSecret(FLOW, 'ask_id'), false);
    for (const name of ['pin', 'card_pin', 'online_password', 'otp', 'cvv']) {
      assert.ok(isSecretName(name), name);
    }
    for (const name of ['spinner', 'pinball', 'customer_id', 'option']) {
      assert.ok(!isSecretName(name), name);
    }
  });
});
