/**
 * What the explore tests share: mock environments for the two sample flows the example workspace
 * does not mock (each webhook outcome keyed to an input, as resources/workspace-example's
 * mock.yaml does for balance), and a small flow whose unreachable exits have known reasons.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** meter-reading: lookup by meter number, submit by reading; register_report answered. */
export const METER_MOCK = `name: Meter mock
variables:
  crm_base: https://crm.invalid
limits:
  responseTimeoutMs: 1000
mock:
  register_report:
    - text: ok
  lookup:
    - when: { query.id: "123456" }
      json: { meter_found: true, last_reading: 4711 }
    - when: { query.id: "222222" }
      fault: refuse
    - when: { query.id: "333333" }
      fault: timeout
    - when: { query.id: "444444" }
      status: 500
      text: down
    - when: { query.id: "555555" }
      body: "{oops"
      headers: { Content-Type: application/json }
    - json: { meter_found: false }
  submit:
    - when: { body.reading: "5000" }
      json: { accepted: true, consumption: 289 }
    - when: { body.reading: "2222" }
      fault: refuse
    - when: { body.reading: "3333" }
      fault: timeout
    - when: { body.reading: "4444" }
      status: 503
      text: busy
    - when: { body.reading: "5555" }
      body: "{oops"
      headers: { Content-Type: application/json }
    - json: { accepted: false, reason: lower than the last reading }
`;

/** personalised-menu: the offer by tier; only three tiers exist, so two error kinds cannot be had. */
export const MENU_MOCK = `name: Menu mock
variables:
  crm_base: https://crm.invalid
limits:
  responseTimeoutMs: 1000
mock:
  offer:
    - when: { query.tier: gold }
      json: { offer: double data }
    - when: { query.tier: silver }
      fault: refuse
    - when: { query.tier: standard }
      status: 500
      text: down
`;

/**
 * A menu to a branch on a value nothing sets, and to a webhook no mock answers (its URL refuses
 * connections: only a network error can happen).
 */
export const CRAFTED_FLOW = {
  id: 'crafted',
  name: 'Crafted',
  start: 'ask',
  variables: { crm_base: 'http://127.0.0.1:9' },
  nodes: {
    ask: {
      type: 'menu',
      say: 'Press 1 or 2.',
      options: { '1': 'check', '2': 'lookup' },
      retries: 0,
      onFail: 'bye',
    },
    check: {
      type: 'branch',
      cases: [{ if: { var: 'level', op: 'eq', value: 'platinum' }, next: 'vip' }],
      default: 'bye',
    },
    lookup: { type: 'http', method: 'GET', url: '${crm_base}/x', next: 'bye', onError: 'bye' },
    vip: { type: 'hangup', say: 'Welcome, VIP.' },
    bye: { type: 'hangup', say: 'Bye.' },
  },
};

/** Writes `text` to `name` in `dir`; returns the path. */
export function writeIn(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
