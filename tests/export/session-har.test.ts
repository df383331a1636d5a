import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { SessionDetail } from '../../src/shared/session-types.ts';
import type { WebhookExchange } from '../../src/shared/webhook-types.ts';
import type { HarEntry, HarLog } from '../../src/main/export/har-types.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import type { ExportFixtures } from './export-fixtures.ts';
import { createExportFixtures, readSession, SECRET } from './export-fixtures.ts';
import { harProblems } from './har-1.2-structure.ts';

let fixtures: ExportFixtures;

/** The session exported through the real CLI. */
async function exportAs(id: string, format: 'har' | 'json'): Promise<string> {
  const run = await runCliInProcess([
    'sessions',
    'export',
    id,
    '--format',
    format,
    '--db',
    fixtures.db,
  ]);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
}

async function harOf(id: string): Promise<HarLog> {
  return JSON.parse(await exportAs(id, 'har')) as HarLog;
}

function exchangesOf(session: SessionDetail): WebhookExchange[] {
  return session.events.flatMap((e) => (e.type === 'webhook' ? [e.exchange] : []));
}

function entryOf(har: HarLog, node: string): HarEntry {
  const entry = har.log.entries.find((e) => e._node === node);
  assert.ok(entry, `an entry for node ${node}`);
  return entry;
}

before(async () => {
  fixtures = await createExportFixtures();
});

describe('sessions export --format har', () => {
  test('every exported session passes the HAR 1.2 structure checks', async () => {
    for (const [name, id] of Object.entries(fixtures.ids)) {
      const har = await harOf(id);
      assert.deepEqual(harProblems(har), [], `${name} session`);
      assert.ok(har.log.entries.length > 0, `${name} has exchanges`);
    }
  });

  test('timings: each -1 or >= 0, time is their sum and the recorded total', async () => {
    for (const id of Object.values(fixtures.ids)) {
      const har = await harOf(id);
      const exchanges = exchangesOf(readSession(fixtures.db, id));
      har.log.entries.forEach((entry, index) => {
        const t = entry.timings;
        for (const [phase, value] of Object.entries(t)) {
          assert.ok(value === -1 || value >= 0, `${phase} = ${value}`);
        }
        assert.deepEqual([t.blocked, t.dns, t.ssl, t.send], [-1, -1, -1, 0]);
        const sum = [t.connect, t.send, t.wait, t.receive]
          .filter((v) => v >= 0)
          .reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(entry.time - sum) < 1e-6, `time ${entry.time} = sum ${sum}`);
        const recorded = exchanges[index]!.timings;
        assert.ok(Math.abs(entry.time - recorded.totalMs) < 0.001, 'time is the recorded total');
        assert.equal(entry.startedDateTime, new Date(recorded.startedAt).toISOString());
        assert.equal(
          t.connect,
          recorded.connectMs === null ? -1 : Math.round(recorded.connectMs * 1000) / 1000,
        );
      });
    }
  });

  test('one page for the call, one entry per exchange in order, with the verdict fields', async () => {
    const session = readSession(fixtures.db, fixtures.ids.meter);
    const har = await harOf(session.id);
    assert.equal(har.log.version, '1.2');
    assert.equal(har.log.creator.name, 'IVR Test Console');
    assert.match(har.log.creator.version, /^\d+\.\d+\.\d+/);
    assert.equal(har.log.pages.length, 1);
    const [page] = har.log.pages;
    assert.equal(page!.id, session.id);
    assert.equal(page!.title, 'Utility meter reading: call from +3612345678');
    assert.equal(page!.startedDateTime, new Date(session.startedAt).toISOString());
    const exchanges = exchangesOf(session);
    assert.equal(har.log.entries.length, session.webhookCount);
    assert.deepEqual(
      har.log.entries.map((e) => [e.pageref, e._node, e._onHangup]),
      [
        [session.id, 'lookup', false],
        [session.id, 'submit', false],
        [session.id, 'register_report', true],
      ],
    );
    har.log.entries.forEach((entry, index) => {
      const exchange = exchanges[index]!;
      assert.equal(entry._ok, exchange.ok);
      assert.equal(entry._error, null);
      assert.deepEqual(entry._violations, exchange.violations);
      assert.deepEqual(entry._warnings, exchange.warnings);
      assert.deepEqual(entry._variablesSet, exchange.variablesSet);
      assert.equal(entry._curl, exchange.curl);
      assert.deepEqual(
        entry.request.headers,
        exchange.request.headers.map(([name, value]) => ({ name, value })),
      );
      assert.deepEqual(
        entry.response.headers,
        exchange.response!.headers.map(([name, value]) => ({ name, value })),
      );
      assert.equal(entry.response.status, exchange.response!.status);
      assert.equal(entry.response.content.text, exchange.response!.body);
      assert.equal(entry.response.content.size, exchange.response!.bytesRead);
    });
    assert.deepEqual(
      entryOf(har, 'register_report')._warnings.map((w) => w.code),
      ['response_ignored'],
    );
    assert.deepEqual(entryOf(har, 'lookup').request.queryString, [{ name: 'id', value: '100200' }]);
    assert.equal(entryOf(har, 'lookup').request.postData, undefined, 'a GET has no body');
  });

  test('request bodies are exactly the ones recorded, byte for byte', async () => {
    const expected: Record<string, Record<string, string>> = {
      [fixtures.ids.balance]: { auth: '{"id":"12345","pin":"1111","caller":"+3612345678"}' },
      [fixtures.ids.meter]: {
        submit: 'meter=100200&reading=4902',
        register_report: `uuid=${fixtures.ids.meter}&caller=%2B3612345678&meter=100200&reading=4902&accepted=true`,
      },
    };
    for (const [id, bodies] of Object.entries(expected)) {
      const har = await harOf(id);
      const exchanges = exchangesOf(readSession(fixtures.db, id));
      for (const [node, body] of Object.entries(bodies)) {
        const entry = entryOf(har, node);
        const recorded = exchanges.find((e) => e.node === node)!.request;
        assert.equal(recorded.body, body, `the store holds the body ${node} sent`);
        assert.ok(entry.request.postData, `${node} has postData`);
        assert.ok(
          Buffer.from(entry.request.postData.text, 'utf8').equals(
            Buffer.from(recorded.body!, 'utf8'),
          ),
          `${node}: postData.text is the recorded body`,
        );
        assert.equal(entry.request.bodySize, Buffer.byteLength(body));
        assert.equal(
          entry.request.postData.mimeType,
          recorded.headers.find(([n]) => n === 'Content-Type')![1],
        );
      }
    }
    const auth = entryOf(await harOf(fixtures.ids.balance), 'auth');
    assert.equal(auth.request.postData!.mimeType, 'application/json');
    assert.equal(auth.request.postData!.params, undefined, 'JSON bodies have no form params');
    const report = entryOf(await harOf(fixtures.ids.meter), 'register_report');
    assert.deepEqual(report.request.postData!.params, [
      { name: 'uuid', value: fixtures.ids.meter },
      { name: 'caller', value: '+3612345678' },
      { name: 'meter', value: '100200' },
      { name: 'reading', value: '4902' },
      { name: 'accepted', value: 'true' },
    ]);
  });

  test('an exchange with no response: status 0 and an _error that explains', async () => {
    const har = await harOf(fixtures.ids.unreachable);
    const entry = entryOf(har, 'lookup');
    assert.equal(entry.response.status, 0);
    assert.equal(entry.response.statusText, '');
    assert.equal(entry.response.content.size, 0);
    assert.deepEqual(entry.response.headers, []);
    assert.equal(entry._ok, false);
    assert.match(entry._error!, /^network_error: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    assert.equal(entry.request.postData!.text, '{"id":"12345"}', 'the request is still exported');
    assert.equal(entry.timings.receive, 0);
  });

  test('a body that is not UTF-8 is exported as base64; a redirect names its target', async () => {
    const har = await harOf(fixtures.ids.misbehave);
    const latin1 = entryOf(har, 'latin1');
    assert.equal(latin1.response.content.encoding, 'base64');
    assert.equal(
      latin1.response.content.text,
      Buffer.from([0x63, 0x61, 0x66, 0xe9]).toString('base64'),
    );
    assert.equal(latin1.response.content.size, 4);
    assert.match(latin1.response.content.mimeType, /^text\/plain/);
    assert.equal(latin1._error, 'invalid_encoding: the body is not valid UTF-8');
    const redirect = entryOf(har, 'redirect');
    assert.equal(redirect.response.status, 302);
    assert.equal(redirect.response.redirectURL, '/ivr/caller');
    assert.equal(redirect.response.content.encoding, undefined, 'UTF-8 bodies stay text');
    assert.equal(redirect.response.content.text, 'moved');
  });

  test('secrets stay redacted in both the HAR and the JSON export', async () => {
    const id = fixtures.ids.secret;
    const har = await exportAs(id, 'har');
    const json = await exportAs(id, 'json');
    for (const text of [har, json]) {
      assert.equal(text.includes(SECRET), false, 'the secret value appears nowhere');
    }
    const entry = entryOf(JSON.parse(har) as HarLog, 'auth');
    assert.deepEqual(
      entry.request.headers.find((h) => h.name === 'Authorization'),
      { name: 'Authorization', value: 'Bearer [redacted]' },
    );
    assert.equal(entry.request.postData!.text, '{"id":"12345","pin":"1111","token":"[redacted]"}');
    assert.match(entry._curl, /Authorization: Bearer \[redacted\]/);
    assert.equal(entry.response.status, 200, 'the real value was sent: the CRM accepted it');
  });
});
