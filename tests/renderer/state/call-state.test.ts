/**
 * The console's call-state reducer, pure, under Node: CallEvents folded into what the softphone,
 * the variables, the inspector and the timeline show, including events that overtake the answer
 * to `call.start`, duplicates, barge-in and the end of the call.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CallEvent, CallEventBody } from '../../../src/shared/call-events.ts';
import type { WebhookExchange } from '../../../src/shared/webhook-types.ts';
import type { CallAction } from '../../../src/renderer/src/state/call-state.ts';
import type { CallView } from '../../../src/renderer/src/state/call-view.ts';
import { callReducer, INITIAL_CALL_VIEW } from '../../../src/renderer/src/state/call-state.ts';

const CALL = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** Builds events with consecutive seq numbers, 100 ms apart. */
function eventsOf(...bodies: CallEventBody[]): CallEvent[] {
  return bodies.map((body, seq) => ({ ...body, seq, t: seq * 100 }) as CallEvent);
}

function fold(view: CallView, actions: CallAction[]): CallView {
  return actions.reduce(callReducer, view);
}

const started = (): CallView =>
  fold(INITIAL_CALL_VIEW, [
    { type: 'start_requested' },
    { type: 'start_succeeded', callId: CALL, sessionId: 's-1', now: 10_000 },
  ]);

const deliver = (events: CallEvent[], callId = CALL, now = 20_000): CallAction[] =>
  events.map((event) => ({ type: 'event', callId, event, now }));

const exchange = (node: string, ok: boolean): WebhookExchange => ({
  node,
  onHangup: false,
  request: { method: 'POST', url: 'http://127.0.0.1:1/ivr/auth', headers: [], body: '{}' },
  response: null,
  ok,
  error: ok ? null : 'network_error',
  violations: [],
  warnings: [],
  parsed: {},
  variablesSet: {},
  timings: { startedAt: 0, connectMs: null, ttfbMs: null, totalMs: 3 },
  curl: "curl -X POST 'http://127.0.0.1:1/ivr/auth'",
});

const CALL_STARTED: CallEventBody = {
  type: 'call_started',
  flowId: 'balance',
  flowName: 'Balance read-back',
  source: '+3612345678',
  destination: '+3612000000',
  variables: { uuid: CALL, source: '+3612345678', crm_base: 'http://x' },
};

describe('call-state reducer', () => {
  test('starts idle, then connecting, then active with the ids from call.start', () => {
    assert.equal(INITIAL_CALL_VIEW.phase, 'idle');
    const connecting = callReducer(INITIAL_CALL_VIEW, { type: 'start_requested' });
    assert.equal(connecting.phase, 'connecting');
    const view = started();
    assert.equal(view.phase, 'active');
    assert.equal(view.callId, CALL);
    assert.equal(view.sessionId, 's-1');
  });

  test('a refused start says why and leaves the phone idle', () => {
    const view = fold(INITIAL_CALL_VIEW, [
      { type: 'start_requested' },
      { type: 'start_failed', message: 'the flow has 2 errors' },
    ]);
    assert.equal(view.phase, 'idle');
    assert.equal(view.startError, 'the flow has 2 errors');
  });

  test('events that arrive before call.start answers are kept and applied in order', () => {
    const events = eventsOf(CALL_STARTED, {
      type: 'node_entered',
      node: 'welcome',
      nodeType: 'play',
    });
    const view = fold(INITIAL_CALL_VIEW, [
      { type: 'start_requested' },
      // Out of order, and mixed with another call's event: only this call's count.
      ...deliver([events[1]!], CALL, 5_000),
      ...deliver([events[0]!], OTHER, 5_000),
      ...deliver([events[0]!], CALL, 5_000),
      { type: 'start_succeeded', callId: CALL, sessionId: null, now: 5_050 },
    ]);
    assert.equal(view.phase, 'active');
    assert.deepEqual(
      view.events.map((e) => e.type),
      ['call_started', 'node_entered'],
    );
    assert.equal(view.flowName, 'Balance read-back');
    assert.deepEqual(view.path, ['welcome']);
    assert.equal(view.early.length, 0);
  });

  test("another call's events and duplicates are ignored", () => {
    const events = eventsOf(CALL_STARTED, { type: 'key', key: '1', node: null, buffered: true });
    const view = fold(started(), [
      ...deliver(events),
      ...deliver([events[1]!]),
      ...deliver(
        eventsOf(CALL_STARTED, { type: 'key', key: '9', node: null, buffered: true }),
        OTHER,
      ),
    ]);
    assert.equal(view.digits, '1');
    assert.equal(view.events.length, 2);
  });

  test('the timer starts at the call start: startedAtMs is the page clock minus t', () => {
    const [first] = eventsOf(CALL_STARTED);
    const view = callReducer(started(), {
      type: 'event',
      callId: CALL,
      event: { ...first!, t: 250 },
      now: 30_000,
    });
    assert.equal(view.startedAtMs, 29_750);
    assert.equal(view.variables['uuid'], CALL);
  });

  test('captions follow prompts; a barge-in marks the caption cut short', () => {
    const events = eventsOf(
      CALL_STARTED,
      { type: 'node_entered', node: 'ask_id', nodeType: 'getDigits' },
      { type: 'prompt_started', node: 'ask_id', text: 'Enter your number.', purpose: 'say' },
      { type: 'awaiting_input', node: 'ask_id', mode: 'digits', attempt: 1, timeoutMs: 6000 },
      { type: 'key', key: '1', node: 'ask_id', buffered: false },
      { type: 'prompt_ended', node: 'ask_id', interrupted: true },
    );
    const speaking = fold(started(), deliver(events.slice(0, 4)));
    assert.deepEqual(speaking.caption, {
      node: 'ask_id',
      text: 'Enter your number.',
      purpose: 'say',
      status: 'speaking',
      // The prompt's own event number: the recording player keys on it.
      seq: events[2]?.seq,
    });
    assert.equal(speaking.awaiting?.mode, 'digits');
    const cut = fold(speaking, deliver(events.slice(4)));
    assert.equal(cut.caption?.status, 'interrupted');
    assert.equal(cut.digits, '1');
  });

  test('a prompt that ends on its own is done, not cut short', () => {
    const events = eventsOf(
      CALL_STARTED,
      { type: 'prompt_started', node: 'welcome', text: 'Welcome.', purpose: 'say' },
      { type: 'prompt_ended', node: 'welcome', interrupted: false },
    );
    assert.equal(fold(started(), deliver(events)).caption?.status, 'done');
  });

  test("variable changes apply, and the highlight shows the last step's changes only", () => {
    const events = eventsOf(
      CALL_STARTED,
      { type: 'node_entered', node: 'ask_id', nodeType: 'getDigits' },
      {
        type: 'variables_changed',
        node: 'ask_id',
        source: 'getDigits',
        changes: [{ name: 'customer_id', to: '12345' }],
      },
      { type: 'node_entered', node: 'auth', nodeType: 'http' },
      { type: 'webhook', node: 'auth', exchange: exchange('auth', true) },
      {
        type: 'variables_changed',
        node: 'auth',
        source: 'webhook',
        changes: [
          { name: 'authenticated', to: true },
          { name: 'account', to: { balance: 1250.75, currency: 'EUR' } },
        ],
      },
      {
        type: 'variables_changed',
        node: 'auth',
        source: 'setVariable',
        changes: [{ name: 'customer_id', from: '12345', to: '54321' }],
      },
    );
    const afterDigits = fold(started(), deliver(events.slice(0, 3)));
    assert.deepEqual(Object.keys(afterDigits.lastChanges?.changes ?? {}), ['customer_id']);

    const view = fold(afterDigits, deliver(events.slice(3)));
    assert.deepEqual(view.variables['account'], { balance: 1250.75, currency: 'EUR' });
    assert.equal(view.variables['customer_id'], '54321');
    // Same step (auth): the webhook's and the setVariable's changes add up.
    assert.equal(view.lastChanges?.node, 'auth');
    assert.deepEqual(Object.keys(view.lastChanges?.changes ?? {}).sort(), [
      'account',
      'authenticated',
      'customer_id',
    ]);
    assert.deepEqual(view.lastChanges?.changes['customer_id'], {
      from: '12345',
      to: '54321',
      source: 'setVariable',
    });
    assert.equal(view.exchanges.length, 1);
    assert.equal(view.exchanges[0]?.exchange.node, 'auth');
    assert.deepEqual(view.path, ['ask_id', 'auth']);
  });

  test('the end of the call: outcome, who ended it, final variables, no more waiting', () => {
    const events = eventsOf(
      CALL_STARTED,
      { type: 'node_entered', node: 'options', nodeType: 'menu' },
      { type: 'prompt_started', node: 'options', text: 'Press 9.', purpose: 'say' },
      { type: 'awaiting_input', node: 'options', mode: 'menu', attempt: 1, timeoutMs: 5000 },
      { type: 'transfer', node: 'agent', target: 'support-queue' },
      {
        type: 'call_ended',
        outcome: 'transfer',
        endedBy: 'flow',
        transferTarget: 'support-queue',
        error: null,
        durationMs: 4321,
        variables: { done: true },
      },
    );
    const view = fold(started(), deliver(events));
    assert.equal(view.phase, 'ended');
    assert.deepEqual(view.end, {
      outcome: 'transfer',
      endedBy: 'flow',
      transferTarget: 'support-queue',
      error: null,
      durationMs: 4321,
    });
    assert.deepEqual(view.variables, { done: true });
    assert.equal(view.awaiting, null);
    assert.equal(view.caption?.status, 'done');
    // Events after the end of another call, or late duplicates, change nothing.
    assert.equal(callReducer(view, deliver(events.slice(0, 1))[0]!), view);
  });

  test('a new call starts from a clean slate', () => {
    const ended = fold(
      started(),
      deliver(eventsOf(CALL_STARTED, { type: 'key', key: '5', node: null, buffered: true })),
    );
    const next = callReducer(ended, { type: 'start_requested' });
    assert.equal(next.phase, 'connecting');
    assert.equal(next.digits, '');
    assert.deepEqual(next.events, []);
    assert.equal(next.callId, null);
  });

  test('a gap in the events is noticed, and a snapshot of the call fills it in', () => {
    const events = eventsOf(
      CALL_STARTED,
      { type: 'node_entered', node: 'ask_id', nodeType: 'getDigits' },
      { type: 'key', key: '1', node: 'ask_id', buffered: false },
      { type: 'key', key: '2', node: 'ask_id', buffered: false },
    );
    // The stream lost seq 1 and 2.
    const gapped = fold(started(), deliver([events[0]!, events[3]!]));
    assert.equal(gapped.missedEvents, true);
    assert.equal(gapped.digits, '2');
    const caughtUp = callReducer(gapped, {
      type: 'snapshot',
      callId: CALL,
      events,
      now: 99_000,
    });
    assert.equal(caughtUp.missedEvents, false);
    assert.equal(caughtUp.digits, '12');
    assert.deepEqual(caughtUp.path, ['ask_id']);
    assert.equal(caughtUp.startedAtMs, gapped.startedAtMs, 'the timer keeps its start');
    assert.equal(caughtUp.phase, 'active');
    // Another call's snapshot changes nothing.
    assert.equal(callReducer(gapped, { type: 'snapshot', callId: OTHER, events, now: 1 }), gapped);
  });

  test('speech events of the current call drive the speaking flag', () => {
    const view = fold(started(), [
      { type: 'speech', callId: CALL, state: 'speaking' },
      { type: 'speech', callId: OTHER, state: 'done' },
    ]);
    assert.equal(view.speaking, true);
    assert.equal(
      callReducer(view, { type: 'speech', callId: CALL, state: 'done' }).speaking,
      false,
    );
  });
});
