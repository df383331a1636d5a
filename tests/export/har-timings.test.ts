import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { harTimings } from '../../src/main/export/har-timings.ts';

const startedAt = Date.UTC(2026, 0, 1);

function sumOf(t: Record<string, number>): number {
  return Object.entries(t)
    .filter(([name, value]) => name !== 'ssl' && value >= 0)
    .reduce((acc, [, value]) => acc + value, 0);
}

describe('HAR timings from recorded timings', () => {
  test('a new connection: connect, then wait to the first byte, then receive', () => {
    const { timings, time } = harTimings(
      { startedAt, connectMs: 1.6384850000000029, ttfbMs: 9.404203000000024, totalMs: 9.734566 },
      null,
    );
    assert.deepEqual(timings, {
      blocked: -1,
      dns: -1,
      ssl: -1,
      connect: 1.638,
      send: 0,
      wait: 7.766,
      receive: 0.331,
    });
    assert.equal(time, 9.735);
    assert.ok(Math.abs(sumOf({ ...timings }) - time) < 1e-9);
  });

  test('a kept-alive connection: connect -1, all of it waiting and receiving', () => {
    const { timings, time } = harTimings(
      { startedAt, connectMs: null, ttfbMs: 0.9, totalMs: 1 },
      null,
    );
    assert.equal(timings.connect, -1);
    assert.equal(timings.wait, 0.9);
    assert.equal(timings.receive, 0.1);
    assert.equal(time, 1);
  });

  test('no response: a connect timeout spent its time connecting, a response timeout waiting', () => {
    const connect = harTimings(
      { startedAt, connectMs: null, ttfbMs: null, totalMs: 5000.25 },
      'connect_timeout',
    );
    assert.deepEqual(
      [connect.timings.connect, connect.timings.wait, connect.timings.receive],
      [5000.25, 0, 0],
    );
    assert.equal(connect.time, 5000.25);
    const response = harTimings(
      { startedAt, connectMs: 2, ttfbMs: null, totalMs: 5002 },
      'response_timeout',
    );
    assert.deepEqual(
      [response.timings.connect, response.timings.wait, response.timings.receive],
      [2, 5000, 0],
    );
    assert.equal(response.time, 5002);
  });

  test('clock noise never makes a phase negative', () => {
    // A first byte "before" the connect ended, and a total shorter than the first byte.
    const { timings, time } = harTimings(
      { startedAt, connectMs: 3, ttfbMs: 2.5, totalMs: 2.4 },
      null,
    );
    for (const value of Object.values(timings))
      assert.ok(value === -1 || value >= 0, String(value));
    assert.ok(Math.abs(sumOf({ ...timings }) - time) < 1e-9);
    assert.equal(time, 2.4);
  });
});
