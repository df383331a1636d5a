// Over 300 lines: one suite over one flow and one token, every surface the token reaches.
/**
 * Secrets go only where they are sent: the validator refuses `${secret.x}` outside an http
 * node's request; the engine never renders one anywhere else, even for a flow that skipped
 * validation; and whatever path a secret value takes (a CRM echoing it in its reply, a variable
 * set from that reply, a prompt or a later request rendering the variable), every event and the
 * call's result show `[redacted]`, while the CRM still receives the real value.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Call } from '../../src/main/engine/call-engine.ts';
import { VirtualClock } from '../../src/main/engine/clock.ts';
import { createSecretRedactor, secretNeedles } from '../../src/main/engine/redact-secrets.ts';
import type { Speaker } from '../../src/main/engine/speaker.ts';
import { openSessionStore } from '../../src/main/store/session-store.ts';
import { runCall } from '../../src/main/calls/run-call.ts';
import { createSilentSpeaker } from '../../src/main/engine/speaker.ts';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import { REDACTED } from '../../src/main/webhook/reference-lookup.ts';
import type { CallEvent } from '../../src/shared/call-events.ts';
import { FlowSchema } from '../../src/shared/flow/flow-schema.ts';
import type { Flow, FlowInput } from '../../src/shared/flow/flow-schema.ts';
import { validateFlow } from '../../src/shared/flow/validate-flow.ts';
import { scriptedCaller } from '../../src/main/calls/scripted-caller.ts';
import { parseDtmfScript } from '../../src/main/cli/dtmf-option.ts';
import { tempDir } from '../helpers/cli-process.ts';
import { replyJson, startLoopbackServer } from '../helpers/loopback-server.ts';
import { TOKEN, TOKEN_LEAK_FORMS } from './leak-forms.ts';

function assertNoToken(text: string, where: string): void {
  for (const form of TOKEN_LEAK_FORMS) {
    assert.equal(text.includes(form), false, `${where} holds the token as ${form}: ${text}`);
  }
}

/** The secret used everywhere it is not allowed. */
const MISPLACED: FlowInput = {
  id: 'misplaced',
  name: 'Misplaced secret',
  start: 'hello',
  variables: { crm_base: 'http://127.0.0.1:9' },
  nodes: {
    hello: { type: 'play', say: 'Your token is ${secret.crm_token}.', next: 'keep' },
    keep: { type: 'setVariable', assign: { copy: 'x${secret.crm_token}x' }, next: 'read' },
    read: {
      type: 'readBack',
      say: 'Token ${secret.crm_token}',
      value: '${secret.crm_token}',
      sayAs: 'text',
      next: 'send',
    },
    send: {
      type: 'http',
      method: 'POST',
      contentType: 'form',
      url: '${crm_base}/copy',
      body: 'copy=${copy}',
      next: 'away',
      onError: 'away',
    },
    away: { type: 'transfer', say: 'Bye ${secret.crm_token}', target: 'q-${secret.crm_token}' },
  },
};

describe('where a secret may go', () => {
  test('the validator refuses ${secret.…} outside an http request, with each pointer', () => {
    const result = validateFlow(MISPLACED);
    assert.equal(result.ok, false);
    const refused = result.problems.filter((p) => p.code === 'secret-not-allowed');
    assert.deepEqual(
      refused.map((p) => [p.severity, p.pointer]),
      [
        ['error', '/nodes/hello/say'],
        ['error', '/nodes/keep/assign/copy'],
        ['error', '/nodes/read/say'],
        ['error', '/nodes/read/value'],
        ['error', '/nodes/away/say'],
        ['error', '/nodes/away/target'],
      ],
    );
    assert.match(
      refused[0]?.message ?? '',
      /\$\{secret\.crm_token\} is not allowed here: secrets go only in an http node's url, headers or body/,
    );
  });

  test("an http node's url, headers and body may use a secret; its other fields may not", () => {
    const result = validateFlow({
      id: 'ok',
      name: 'ok',
      start: 'send',
      nodes: {
        send: {
          type: 'http',
          method: 'POST',
          contentType: 'json',
          url: 'http://127.0.0.1:9/x?t=${secret.crm_token}',
          headers: { Authorization: 'Bearer ${secret.crm_token}' },
          body: '{"t": "${secret.crm_token}"}',
          next: 'ask',
        },
        ask: {
          type: 'getDigits',
          say: 'Enter',
          invalidSay: 'No ${secret.crm_token}',
          variable: 'd',
          next: 'find',
        },
        find: {
          type: 'queryData',
          dataset: 'rows',
          match: { id: '${secret.crm_token}' },
          assign: {},
          next: 'bye',
        },
        bye: { type: 'hangup' },
      },
      datasets: { rows: [{ id: '1' }] },
    });
    assert.deepEqual(
      result.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.pointer]),
      [
        ['secret-not-allowed', '/nodes/ask/invalidSay'],
        ['secret-not-allowed', '/nodes/find/match/id'],
      ],
    );
  });

  test('the engine never renders a secret outside a request, even in a flow that skipped validation', async () => {
    const crm = await startLoopbackServer((_req, res) => replyJson(res, {}));
    try {
      const flow = FlowSchema.parse({
        ...MISPLACED,
        variables: { crm_base: crm.url },
      }) as Flow;
      const heard: string[] = [];
      const clock = new VirtualClock({ start: 0, autoAdvance: true });
      const silent = createSilentSpeaker(clock);
      const speaker: Speaker = {
        speak: (text, options) => {
          heard.push(text);
          return silent.speak(text, options);
        },
      };
      const webhooks = createWebhookClient();
      const events: CallEvent[] = [];
      const call = new Call(
        flow,
        { clock, speaker, webhooks, sink: { record: (e) => events.push(e) } },
        { source: '+3612345678', destination: '+3612000000', secrets: { crm_token: TOKEN } },
      );
      const result = await call.start().finally(() => webhooks.close());
      assert.equal(result.outcome, 'transfer');
      assert.equal(result.transferTarget, 'q-');
      assert.deepEqual(heard, ['Your token is .', 'Token ', 'Bye ']);
      // The variable never held it: the request that renders it sent it empty.
      assert.equal(crm.received[0]?.body, 'copy=xx');
      const warnings = events.filter((e) => e.type === 'warning');
      assert.match(
        warnings[0]?.type === 'warning' ? warnings[0].message : '',
        /secret \$\{secret\.crm_token\} cannot be used here \(secrets go only in an http node's url, headers or body\), rendered empty/,
      );
      assertNoToken(JSON.stringify({ events, result }), 'the events and result');
    } finally {
      await crm.close();
    }
  });
});

describe('an echoed secret is redacted, wherever it went', () => {
  test('reply body, headers, variables, prompts, later requests and the result show [redacted]; the CRM gets the real value', async () => {
    const PIN = '918273645546371';
    const crm = await startLoopbackServer((req, res) => {
      if (req.url.startsWith('/auth')) {
        res.setHeader('x-echo', TOKEN);
        res.setHeader('x-echo-b64', Buffer.from(TOKEN).toString('base64'));
        replyJson(res, {
          name: 'Dora',
          echo: TOKEN,
          info: { token: TOKEN, url: encodeURIComponent(TOKEN) },
          pin: Number(PIN),
        });
      } else {
        replyJson(res, {});
      }
    });
    try {
      const flow = FlowSchema.parse({
        id: 'echo',
        name: 'Echo',
        start: 'auth',
        variables: { crm_base: crm.url },
        nodes: {
          auth: {
            type: 'http',
            method: 'POST',
            contentType: 'json',
            url: '${crm_base}/auth?t=${secret.crm_token}',
            headers: { Authorization: 'Bearer ${secret.crm_token}', 'X-Pin': '${secret.pin}' },
            body: '{"t": "${secret.crm_token}"}',
            next: 'hello',
          },
          hello: {
            type: 'play',
            say: 'Hello ${name}, you said ${echo} and ${pin}.',
            next: 'report',
          },
          report: {
            type: 'http',
            method: 'POST',
            contentType: 'form',
            url: '${crm_base}/report',
            body: 'echo=${echo}&inner=${info.token}',
            next: 'away',
          },
          away: { type: 'transfer', target: 'queue-${echo}' },
        },
      }) as Flow;
      const clock = new VirtualClock({ start: 0, autoAdvance: true });
      const webhooks = createWebhookClient();
      const events: CallEvent[] = [];
      const seen: CallEvent[] = [];
      const call: Call = new Call(
        flow,
        {
          clock,
          speaker: createSilentSpeaker(clock),
          webhooks,
          sink: { record: (e) => events.push(e) },
        },
        {
          source: '+3612345678',
          destination: '+3612000000',
          secrets: { crm_token: TOKEN, pin: PIN },
          onWaitingForKey: scriptedCaller(parseDtmfScript(''), () => call),
        },
      );
      call.subscribe((e) => seen.push(e));
      const result = await call.start().finally(() => webhooks.close());

      // The CRM received the real values, the later request included (it read the variable).
      assert.equal(crm.received[0]?.headers.authorization, `Bearer ${TOKEN}`);
      assert.equal(crm.received[0]?.headers['x-pin'], PIN);
      assert.equal(
        crm.received[1]?.body,
        new URLSearchParams({ echo: TOKEN, inner: TOKEN }).toString(),
      );

      const records = JSON.stringify({ events, seen, result, variables: call.variables });
      assertNoToken(records, 'the events, the result and the variables');
      const at = records.indexOf(PIN);
      assert.equal(at, -1, `the pin echoed as a JSON number: ${records.slice(at - 300, at + 50)}`);
      assert.deepEqual(result.spoken, [`Hello Dora, you said ${REDACTED} and ${REDACTED}.`]);
      assert.equal(result.transferTarget, `queue-${REDACTED}`);
      assert.equal(result.variables.echo, REDACTED);
      assert.deepEqual(result.variables.info, { token: REDACTED, url: REDACTED });
      const first = result.webhooks[0];
      assert.equal(first?.request.url, `${crm.url}/auth?t=${REDACTED}`);
      assert.ok(first?.response?.headers.some(([n, v]) => n === 'x-echo' && v === REDACTED));
      assert.ok(first?.response?.headers.some(([n, v]) => n === 'x-echo-b64' && v === REDACTED));
      assert.deepEqual(first?.variablesSet.pin, REDACTED);
      assert.equal(result.webhooks[1]?.request.body, `echo=${REDACTED}&inner=${REDACTED}`);
      // Names, types and codes stay as they are.
      assert.deepEqual(result.path, ['auth', 'hello', 'report', 'away']);
    } finally {
      await crm.close();
    }
  });

  test('a one-character secret is redacted without breaking event types, node ids or the session log', async () => {
    const dir = tempDir('ivr-short-secret-');
    const store = openSessionStore({ path: join(dir, 'log.db') });
    try {
      const flow = FlowSchema.parse({
        id: 'short',
        name: 'Short',
        start: 'hello',
        variables: { greeting: 'see you later' },
        nodes: {
          hello: { type: 'play', say: '${greeting}', next: 'bye' },
          bye: { type: 'hangup', say: 'Goodbye.' },
        },
      }) as Flow;
      const clock = new VirtualClock({ start: 0, autoAdvance: true });
      const running = runCall({
        flow,
        flowPath: null,
        clock,
        speaker: createSilentSpeaker(clock),
        store,
        options: { source: '+3612345678', destination: '+3612000000', secrets: { s: 'e' } },
      });
      const result = await running.done;
      assert.deepEqual(result.warnings, [], 'the session log took every event');
      assert.deepEqual(result.path, ['hello', 'bye']);
      assert.deepEqual(result.spoken, [
        `s${REDACTED}${REDACTED} you lat${REDACTED}r`,
        `Goodby${REDACTED}.`,
      ]);
      const session = store.get(running.sessionId as string);
      assert.deepEqual(
        session?.events.map((e) => e.type),
        [
          'call_started',
          'node_entered',
          'prompt_started',
          'prompt_ended',
          'node_entered',
          'prompt_started',
          'prompt_ended',
          'hangup',
          'call_ended',
        ],
      );
    } finally {
      store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the redactor', () => {
  test('finds the value and the encodings a CRM could echo, longest first', () => {
    const needles = secretNeedles(['a/b c"d', '']);
    for (const form of [
      'a/b c"d',
      'a%2Fb%20c%22d',
      'a%2fb%20c%22d',
      'a%2Fb+c%22d',
      'a/b c\\"d',
      'a\\/b c\\"d',
      Buffer.from('a/b c"d').toString('base64'),
    ]) {
      assert.ok(needles.includes(form), form);
    }
    assert.ok(!needles.includes(''));
    const lengths = needles.map((n) => n.length);
    assert.deepEqual(
      lengths,
      [...lengths].sort((a, b) => b - a),
    );
  });

  test('never searches its own marker again, and leaves text without a secret as it is', () => {
    const redactor = createSecretRedactor({ a: 'red', b: 'ac' });
    assert.equal(redactor.text('red'), REDACTED);
    assert.equal(redactor.text('redred-acted'), `${REDACTED}${REDACTED}-${REDACTED}ted`);
    assert.equal(redactor.text('nothing here'), 'nothing here');
    assert.equal(createSecretRedactor({ a: '' }).active, false);
  });

  test('a non-UTF-8 body kept as base64 is redacted in its bytes', () => {
    const redactor = createSecretRedactor({ a: TOKEN });
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(TOKEN),
      Buffer.from([0xc3]),
    ]);
    const out = redactor.tree({ response: { bodyBase64: bytes.toString('base64') } });
    const decoded = Buffer.from(out.response.bodyBase64, 'base64');
    assert.equal(decoded.includes(Buffer.from(TOKEN)), false);
    assert.ok(decoded.includes(Buffer.from(REDACTED)));
  });

  test('walks a reply nested 100 000 levels deep, and a cycle, without overflowing or looping', () => {
    const redactor = createSecretRedactor({ a: TOKEN });
    const root: Record<string, unknown> = {};
    let here = root;
    for (let i = 0; i < 100_000; i++) {
      const inner: Record<string, unknown> = {};
      here.v = inner;
      here = inner;
    }
    here.v = TOKEN;
    here.self = root;
    const out = redactor.tree({ type: 'webhook', exchange: { parsed: root } });
    let walk = out.exchange.parsed as Record<string, unknown>;
    for (let i = 0; i < 100_000; i++) walk = walk.v as Record<string, unknown>;
    assert.equal(walk.v, REDACTED);
    assert.equal(walk.self, out.exchange.parsed);
    assert.equal(root !== out.exchange.parsed, true, 'the input is not changed');
  });
});
