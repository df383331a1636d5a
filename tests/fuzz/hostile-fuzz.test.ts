/**
 * A bounded, seeded fuzz of the parts that judge hostile input: random replies through the real
 * webhook client on loopback, random flow mutations through the validator and the engine. It
 * asserts no crash, no hang (the runner's timeout), a verdict of ../shared/spec/WEBHOOK.md for
 * every reply and nothing applied from a failing one. Replay a failure with
 * `FUZZ_SEED=<seed printed>`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { HttpNode } from '../../src/shared/flow/flow-schema.ts';
import { validateFlowText } from '../../src/shared/flow/validate-flow.ts';
import { VIOLATION_CODES } from '../../src/shared/webhook-types.ts';
import type { WebhookExchange } from '../../src/shared/webhook-types.ts';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import { runScripted } from '../helpers/engine-harness.ts';
import { mutateFlow } from './flow-mutator.ts';
import type { HostileReply } from './hostile-replies.ts';
import { hostileReply } from './hostile-replies.ts';
import { fuzzSeed, seededRandom } from './seeded-random.ts';

const SEED = fuzzSeed(20261128);
const REPLIES = 300;
const MUTANTS = 150;
const SECRET = 's3cr3t-fuzz-token';

/** The reply the server sends next, by request path `/r/<index>`; other paths get a random one. */
const planned = new Map<number, HostileReply>();
const serverRandom = seededRandom(SEED ^ 0x5eed);
let server: http.Server;
let base = '';

before(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const index = /^\/r\/(\d+)/.exec(req.url ?? '')?.[1];
      const reply =
        (index !== undefined && planned.get(Number(index))) || hostileReply(serverRandom);
      const headers: Record<string, string> = { 'content-length': String(reply.body.length) };
      if (reply.contentType !== null) headers['content-type'] = reply.contentType;
      if (reply.status === 204 || reply.status === 304) {
        res.writeHead(reply.status);
        res.end();
        return;
      }
      res.writeHead(reply.status, headers);
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The rules every exchange keeps, whatever the reply was. */
function assertWellJudged(exchange: WebhookExchange, where: string): void {
  assert.equal(exchange.ok, exchange.error === null, `${where}: ok and error agree`);
  if (exchange.error !== null) {
    assert.ok(VIOLATION_CODES.includes(exchange.error), `${where}: ${exchange.error} is a code`);
    assert.ok(exchange.violations.length > 0, `${where}: a failing exchange names its violations`);
    assert.deepEqual(exchange.variablesSet, {}, `${where}: nothing applied from a failing reply`);
  } else {
    assert.deepEqual(exchange.violations, [], `${where}: an ok exchange has no violation`);
  }
  assert.notEqual(exchange.request.url, '', `${where}: the exchange keeps its URL`);
}

describe(`fuzz (seed ${SEED}; replay with FUZZ_SEED=${SEED})`, () => {
  test(`${REPLIES} hostile replies through the real client`, async () => {
    const random = seededRandom(SEED);
    const client = createWebhookClient();
    try {
      for (let i = 0; i < REPLIES; i++) {
        const reply = hostileReply(random);
        planned.set(i, reply);
        const node: HttpNode = {
          type: 'http',
          method: 'GET',
          contentType: 'json',
          url: `${base}/r/${i}`,
          next: 'end',
          ...(random.chance(0.5) ? { setVariable: 'reply' } : {}),
        } as HttpNode;
        const where = `reply ${i} (${reply.label}, seed ${SEED})`;
        const { exchange } = await client.execute({
          nodeId: 'hook',
          node,
          variables: {},
          onHangup: false,
        });
        assertWellJudged(exchange, where);
        assert.equal(exchange.request.url, `${base}/r/${i}`, where);
        if (reply.verdict === 'ok') assert.equal(exchange.error, null, `${where}: accepted`);
        if (reply.verdict === 'bad') assert.notEqual(exchange.error, null, `${where}: refused`);
        planned.delete(i);
      }
    } finally {
      await client.close();
    }
  });

  test(`${MUTANTS} mutated flows through the validator and the engine`, async () => {
    const random = seededRandom(SEED + 1);
    const samples = ['balance', 'personalised-menu', 'meter-reading'].map((name) =>
      readFileSync(new URL(`../../resources/flows/${name}.json`, import.meta.url), 'utf8'),
    );
    let ran = 0;
    for (let i = 0; i < MUTANTS; i++) {
      const flow = JSON.parse(random.pick(samples)) as { [key: string]: never };
      (flow['variables'] as unknown as Record<string, string>)['crm_base'] = base;
      const text = mutateFlow(random, flow);
      const where = `mutant ${i} (seed ${SEED})`;
      const validation = validateFlowText(text);
      assert.equal(validation.ok, validation.flow !== null, where);
      for (const problem of validation.problems) {
        assert.ok(['error', 'warning'].includes(problem.severity), where);
        assert.equal(typeof problem.pointer, 'string', where);
        assert.ok(problem.message.length > 0, where);
      }
      if (!validation.flow) {
        assert.ok(
          validation.problems.some((p) => p.severity === 'error'),
          `${where}: refused with an error`,
        );
        continue;
      }
      const keys = Array.from({ length: random.int(0, 30) }, () =>
        random.pick([...'0123456789*#~']),
      ).join('');
      const { result, of, events } = await runScripted(validation.flow, keys, {
        maxSteps: 2000,
        secrets: { crm_token: SECRET },
      });
      ran++;
      assert.ok(['hangup', 'transfer', 'error'].includes(result.outcome), `${where}: it ends`);
      for (const event of of('webhook')) assertWellJudged(event.exchange, where);
      assert.ok(!JSON.stringify(events).includes(SECRET), `${where}: the secret stays unrecorded`);
    }
    // The mutations must leave enough flows valid for the engine half to mean something.
    assert.ok(ran >= MUTANTS / 5, `only ${ran} of ${MUTANTS} mutants were valid`);
  });
});
