/**
 * The comparison on its own: alignment (one inserted node is one difference), call order, and the
 * per-call values (uuid, short id, an overridden crm_base) that must not count as differences.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CallEvent, CallEventBody } from '../../src/shared/call-events.ts';
import type { VarMap } from '../../src/shared/variables.ts';
import type { WebhookExchange } from '../../src/shared/webhook-types.ts';
import { compareRuns, PER_CALL_VARIABLES } from '../../src/main/rerun/compare-runs.ts';
import { recordFromEvents } from '../../src/main/rerun/run-record.ts';
import { diffSequences } from '../../src/main/rerun/sequence-diff.ts';

/** A call as events: start variables, nodes (a prompt each), webhooks after `webhookAfter`. */
function call(options: {
  vars: VarMap;
  path: string[];
  webhook?: { after: string; url: string; body: string };
}): CallEvent[] {
  const bodies: CallEventBody[] = [
    {
      type: 'call_started',
      flowId: 'f',
      flowName: 'F',
      source: 's',
      destination: 'd',
      variables: options.vars,
    },
  ];
  for (const node of options.path) {
    bodies.push({ type: 'node_entered', node, nodeType: 'play' });
    bodies.push({ type: 'prompt_started', node, text: `at ${node}`, purpose: 'say' });
    if (options.webhook?.after === node) {
      const exchange = {
        node,
        onHangup: false,
        request: {
          method: 'POST',
          url: options.webhook.url,
          headers: [],
          body: options.webhook.body,
        },
        response: null,
        ok: true,
        error: null,
        violations: [],
        warnings: [],
        parsed: {},
        variablesSet: {},
        timings: { startedAt: 0, connectMs: null, ttfbMs: null, totalMs: 0 },
        curl: '',
      } satisfies WebhookExchange;
      bodies.push({ type: 'webhook', node, exchange });
    }
  }
  bodies.push({
    type: 'call_ended',
    outcome: 'hangup',
    endedBy: 'flow',
    transferTarget: null,
    error: null,
    durationMs: 0,
    variables: options.vars,
  });
  return bodies.map((body, seq) => ({ ...body, seq, t: 0 }) as CallEvent);
}

const VARS_A = {
  uuid: 'aaaaaaaa-0000-4000-8000-000000000001',
  vccsys_shortid: 'abcd1234',
  crm_base: 'http://127.0.0.1:1111',
};
const VARS_B = {
  uuid: 'bbbbbbbb-0000-4000-8000-000000000002',
  vccsys_shortid: 'wxyz9876',
  crm_base: 'http://127.0.0.1:2222',
};

describe('compareRuns', () => {
  test('one inserted node is one path difference; its prompt one spoken difference', () => {
    const original = recordFromEvents(call({ vars: VARS_A, path: ['a', 'b', 'c', 'd'] }));
    const rerun = recordFromEvents(call({ vars: VARS_A, path: ['a', 'b', 'x', 'c', 'd'] }));
    const { differences, firstDivergence } = compareRuns(original, rerun);
    assert.deepEqual(differences, [
      { kind: 'path', index: 2, rerunIndex: 2, original: [], rerun: ['x'] },
      { kind: 'spoken', index: 2, rerunIndex: 2, original: [], rerun: ['at x'] },
    ]);
    assert.equal(firstDivergence, differences[0]);
  });

  test('differences come in call order, whatever their kind', () => {
    const original = recordFromEvents(
      call({ vars: VARS_A, path: ['a', 'b', 'c'], webhook: { after: 'a', url: 'u', body: '1' } }),
    );
    const rerun = recordFromEvents(
      call({ vars: VARS_A, path: ['a', 'b', 'z'], webhook: { after: 'a', url: 'u', body: '2' } }),
    );
    const kinds = compareRuns(original, rerun).differences.map(
      (d) => `${d.kind}:${d.key ?? d.index}`,
    );
    assert.deepEqual(kinds, ['webhook:requestBody', 'path:2', 'spoken:2']);
  });

  test('uuid and short id inside URLs and bodies are per call; crm_base only when overridden', () => {
    const webhook = (v: typeof VARS_A) => ({
      after: 'a',
      url: `${v.crm_base}/report?call=${v.vccsys_shortid}`,
      body: `uuid=${v.uuid}`,
    });
    const original = recordFromEvents(
      call({ vars: VARS_A, path: ['a'], webhook: webhook(VARS_A) }),
    );
    const rerun = recordFromEvents(call({ vars: VARS_B, path: ['a'], webhook: webhook(VARS_B) }));
    const strict = compareRuns(original, rerun);
    assert.deepEqual(
      strict.differences.map((d) => [d.kind, d.key]),
      [
        ['variables', 'crm_base'],
        ['webhook', 'url'],
      ],
      'only crm_base differs: from the start (first), then in the URL',
    );
    const overridden = compareRuns(original, rerun, {
      perCall: [...PER_CALL_VARIABLES, 'crm_base'],
    });
    assert.equal(overridden.same, true, JSON.stringify(overridden.differences));
  });
});

describe('diffSequences', () => {
  test('aligns by the longest common subsequence, hunks between the matches', () => {
    const { hunks, matches } = diffSequences([...'abcdef'], [...'abXdeYf'], (x, y) => x === y);
    assert.deepEqual(hunks, [
      { originalStart: 2, originalEnd: 3, rerunStart: 2, rerunEnd: 3 },
      { originalStart: 5, originalEnd: 5, rerunStart: 5, rerunEnd: 6 },
    ]);
    assert.equal(matches.length, 5);
    assert.deepEqual(
      diffSequences([], [], (x, y) => x === y),
      { matches: [], hunks: [] },
    );
  });
});
