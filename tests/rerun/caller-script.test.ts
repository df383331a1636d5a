/**
 * The caller script derived from recorded sessions: keys in order, a silence for every wait that
 * timed out (first digit, inter-digit, menu), the hang-up where it happened.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RerunCallerStep } from '../../src/main/rerun/caller-script.ts';
import { deriveCallerScript, describeCallerScript } from '../../src/main/rerun/caller-script.ts';
import { BALANCE, loadSession, METER, record } from './rerun-helpers.ts';

/** The steps in `--dtmf` notation, with `!` for a hang-up. */
function notation(steps: RerunCallerStep[]): string {
  return steps.map((s) => (s.kind === 'key' ? s.key : s.kind === 'silence' ? '~' : '!')).join('');
}

async function scriptOf(flow: string, dtmf: string): Promise<RerunCallerStep[]> {
  const recorded = await record(flow, dtmf);
  return deriveCallerScript(loadSession(recorded.db, recorded.id).events);
}

describe('deriveCallerScript on recorded sessions', () => {
  test('balance 12345#1111: the keys in order, then the hang-up at the menu', async () => {
    const steps = await scriptOf(BALANCE, '12345#1111');
    assert.equal(notation(steps), '12345#1111!');
    assert.ok(
      steps.every((s) => s.anchor === null),
      'a --dtmf caller only acts at waits',
    );
    assert.equal(describeCallerScript(steps), '12345#1111, then hangs up');
  });

  test('first-digit timeouts (~) become silences at the same places', async () => {
    // The customer number's first attempt and the PIN's first attempt both time out.
    const steps = await scriptOf(BALANCE, '~12345#~1111');
    assert.equal(notation(steps), '~12345#~1111!');
  });

  test('menu timeouts are silences; the flow ends the call itself after its retries', async () => {
    const steps = await scriptOf(BALANCE, '12345#1111~~');
    assert.equal(notation(steps), '12345#1111~~');
    assert.ok(!steps.some((s) => s.kind === 'hangup'), 'the flow hung up, not the caller');
  });

  test('an inter-digit timeout ends a reading: a silence after its digits', async () => {
    // 100200 fills the six-digit meter number (maxDigits, no wait); 5000 then times out.
    const steps = await scriptOf(METER, '100200 5000~ 1');
    assert.equal(notation(steps), '1002005000~1');
  });

  test('a terminator pressed before any digit is a key, not a silence', async () => {
    // The engine logs that attempt as failed with reason "timeout", but no wait timed out.
    const recorded = await record(BALANCE, '#12345#1111');
    const session = loadSession(recorded.db, recorded.id);
    const failed = session.events.find((e) => e.type === 'input_failed');
    assert.equal(failed?.type === 'input_failed' && failed.reason, 'timeout');
    assert.equal(notation(deriveCallerScript(session.events)), '#12345#1111!');
  });

  test('a reading that ends at maxDigits is followed by no silence', async () => {
    const steps = await scriptOf(BALANCE, '12345#11119');
    // 1111 fills the PIN; 9 ends the call at the menu (goodbye), so nothing is left over.
    assert.equal(notation(steps), '12345#11119');
  });
});
