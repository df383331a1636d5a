import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimateSpeechMs } from '../../src/main/engine/speaker.ts';
import { makeFlow, runScripted, settle, startCall } from '../helpers/engine-harness.ts';

const digitsFlow = (extra: Record<string, unknown> = {}) =>
  makeFlow({
    ask: {
      type: 'getDigits',
      say: 'Enter your number, then hash.',
      variable: 'num',
      minDigits: 3,
      maxDigits: 6,
      terminator: '#',
      timeoutMs: 5000,
      interDigitTimeoutMs: 3000,
      retries: 1,
      invalidSay: 'Not valid.',
      next: 'ok',
      onFail: 'failed',
      ...extra,
    },
    ok: { type: 'hangup', say: 'Got ${num}.' },
    failed: { type: 'hangup', say: 'Failed.' },
  });

describe('getDigits', () => {
  test('the terminator ends entry and is not stored', async () => {
    const { result, of } = await runScripted(digitsFlow(), '1234#');
    assert.equal(result.variables['num'], '1234');
    assert.deepEqual(result.path, ['ask', 'ok']);
    assert.equal(result.spoken.at(-1), 'Got 1234.');
    assert.deepEqual(
      of('input_received').map((e) => [e.value, e.variable]),
      [['1234', 'num']],
    );
  });

  test('maxDigits ends entry without a terminator; the next key is left for later', async () => {
    const flow = makeFlow({
      ask: { type: 'getDigits', variable: 'num', maxDigits: 4, next: 'menu' },
      menu: { type: 'menu', say: 'Press 1.', options: { '1': 'done' } },
      done: { type: 'hangup', say: 'Done.' },
    });
    const { result } = await runScripted(flow, '12341');
    assert.equal(result.variables['num'], '1234');
    assert.deepEqual(result.path, ['ask', 'menu', 'done']);
    assert.equal(result.endedBy, 'flow');
  });

  test('the inter-digit timeout ends entry (~ stays silent)', async () => {
    const { result, of, clock } = await runScripted(digitsFlow(), '123~');
    assert.equal(result.variables['num'], '123');
    const input = of('input_received')[0];
    const lastKey = of('key').at(-1);
    assert.ok(input && lastKey);
    assert.equal(
      input.t - lastKey.t,
      3000,
      'completed exactly interDigitTimeoutMs after the last key',
    );
    assert.ok(clock.now() > 0);
  });

  test('too few digits is a failed attempt: invalidSay, retry, then success', async () => {
    const { result, of } = await runScripted(digitsFlow(), '12#4567#');
    assert.equal(result.variables['num'], '4567');
    const failed = of('input_failed');
    assert.deepEqual(
      failed.map((f) => [f.reason, f.attempt, f.value, f.willRetry]),
      [['too_short', 1, '12', true]],
    );
    assert.deepEqual(result.spoken.slice(0, 3), [
      'Enter your number, then hash.',
      'Not valid.',
      'Enter your number, then hash.',
    ]);
  });

  test('no digit within timeoutMs fails; after the last retry onFail is taken', async () => {
    const { result, of } = await runScripted(digitsFlow(), '~~');
    assert.deepEqual(
      of('input_failed').map((f) => [f.reason, f.willRetry]),
      [
        ['timeout', true],
        ['timeout', false],
      ],
    );
    assert.deepEqual(result.path, ['ask', 'failed']);
    const waits = of('awaiting_input');
    const fails = of('input_failed');
    assert.equal(fails[0]!.t - waits[0]!.t, 5000, 'timeout measured from the end of the prompt');
  });

  test('without onFail the call hangs up after the last attempt', async () => {
    const flow = makeFlow({
      ask: { type: 'getDigits', say: 'Enter.', variable: 'n', retries: 0, next: 'bye' },
      bye: { type: 'hangup' },
    });
    const { result, of } = await runScripted(flow, '~');
    assert.equal(result.outcome, 'hangup');
    assert.equal(result.endedBy, 'flow');
    assert.deepEqual(result.path, ['ask']);
    assert.equal(of('hangup')[0]?.by, 'flow');
  });

  test('* is collected as a digit when it is not the terminator', async () => {
    const { result } = await runScripted(digitsFlow(), '12*4#');
    assert.equal(result.variables['num'], '12*4');
  });
});

const menuFlow = () =>
  makeFlow({
    menu: {
      type: 'menu',
      say: 'Press 1 for sales, 2 for support.',
      options: { '1': 'sales', '2': 'support' },
      timeoutMs: 4000,
      retries: 2,
      invalidSay: 'Not an option.',
      onFail: 'bye',
    },
    sales: { type: 'transfer', say: 'Sales.', target: 'sales-queue' },
    support: { type: 'transfer', target: 'support-queue' },
    bye: { type: 'hangup', say: 'Bye.' },
  });

describe('menu', () => {
  test('a key in options goes there', async () => {
    const { result } = await runScripted(menuFlow(), '2');
    assert.equal(result.outcome, 'transfer');
    assert.equal(result.transferTarget, 'support-queue');
    assert.deepEqual(result.path, ['menu', 'support']);
  });

  test('an invalid key and a timeout are failed attempts, then a valid key', async () => {
    const { result, of } = await runScripted(menuFlow(), '9~1');
    assert.deepEqual(
      of('input_failed').map((f) => f.reason),
      ['invalid_option', 'timeout'],
    );
    assert.equal(result.transferTarget, 'sales-queue');
    assert.equal(result.spoken.filter((s) => s === 'Not an option.').length, 2);
  });

  test('retries exhausted goes to onFail', async () => {
    const { result, of } = await runScripted(menuFlow(), '999');
    assert.equal(of('input_failed').length, 3);
    assert.deepEqual(result.path, ['menu', 'bye']);
    assert.equal(result.outcome, 'hangup');
  });

  test('with no keys left the scripted caller hangs up', async () => {
    const { result } = await runScripted(menuFlow(), '');
    assert.equal(result.outcome, 'hangup');
    assert.equal(result.endedBy, 'caller');
  });
});

describe('type-ahead and barge-in', () => {
  const flow = () =>
    makeFlow({
      welcome: {
        type: 'play',
        say: 'Welcome to a long welcome message that takes a while.',
        next: 'notice',
      },
      notice: { type: 'play', say: 'Calls may be recorded.', next: 'ask' },
      ask: {
        type: 'getDigits',
        say: 'Enter your customer number.',
        variable: 'id',
        maxDigits: 4,
        next: 'menu',
      },
      menu: { type: 'menu', say: 'Press 1.', options: { '1': 'done' } },
      done: { type: 'hangup', say: 'Done.' },
    });

  test('keys typed during a prompt cut it short and are used by the next input nodes', async () => {
    const h = startCall(flow());
    await settle();
    h.clock.advance(500); // half-way through the welcome
    for (const key of '12341') assert.equal(h.call.pressKey(key), true);
    await settle();
    while (h.clock.runNext()) await settle();
    const result = await h.done;
    assert.equal(result.variables['id'], '1234');
    assert.deepEqual(result.path, ['welcome', 'notice', 'ask', 'menu', 'done']);
    // The welcome was cut; the prompts after it were skipped because input was already waiting.
    assert.deepEqual(result.spoken, [
      'Welcome to a long welcome message that takes a while.',
      'Done.',
    ]);
    const ended = h.of('prompt_ended')[0];
    assert.equal(ended?.interrupted, true);
    assert.equal(ended?.t, 500);
    assert.ok(h.of('key').every((k) => k.buffered));
  });

  test('a key during a menu prompt stops the prompt and selects the option', async () => {
    const h = startCall(
      makeFlow({
        menu: {
          type: 'menu',
          say: 'Press 1 for this, or listen to all the other options first.',
          options: { '1': 'done' },
        },
        done: { type: 'hangup' },
      }),
    );
    await settle();
    h.clock.advance(1000);
    h.call.pressKey('1');
    await settle();
    const result = await h.done;
    assert.deepEqual(result.path, ['menu', 'done']);
    assert.equal(h.of('prompt_ended')[0]?.interrupted, true);
    assert.equal(h.of('call_ended')[0]?.durationMs, 1000);
  });

  test('keys that are not DTMF keys are refused', async () => {
    const h = startCall(menuFlow());
    await settle();
    assert.equal(h.call.pressKey('x'), false);
    assert.equal(h.call.pressKey('12'), false);
    h.call.hangUp();
    await h.done;
    assert.equal(h.call.pressKey('1'), false, 'no keys after the call ended');
  });

  test('a prompt takes its estimated speaking time on the virtual clock', async () => {
    const { result } = await runScripted(
      makeFlow({ bye: { type: 'hangup', say: 'Goodbye and thank you.' } }),
      '',
    );
    assert.equal(result.durationMs, estimateSpeechMs('Goodbye and thank you.'));
  });
});
