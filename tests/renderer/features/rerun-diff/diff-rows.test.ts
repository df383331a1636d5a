// Over 300 lines: one suite over one call recorded once in `before`, each test a re-run of it.
/**
 * The re-run diff's rows, from real reports: a balance call recorded through the CLI, then
 * re-run by the real engine (`rerunSession`) against edited copies of the flow with the
 * recorded replies, or against a live server that now answers differently. Rows must stay level
 * (an inserted or removed node is a gap on one side, later steps keep their counterparts) and the
 * first divergence must flag the row the comparison names.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { RerunReport } from '../../../../src/shared/rerun/rerun-types.ts';
import type { SessionDetail } from '../../../../src/shared/session-types.ts';
import type { VarMap } from '../../../../src/shared/variables.ts';
import { loadFlowFile } from '../../../../src/main/flows/load-flow-file.ts';
import { compareRuns, PER_CALL_VARIABLES } from '../../../../src/main/rerun/compare-runs.ts';
import { describeCallerScript } from '../../../../src/main/rerun/caller-script.ts';
import type { RerunMode } from '../../../../src/main/rerun/rerun-session.ts';
import { rerunSession } from '../../../../src/main/rerun/rerun-session.ts';
import { buildDiffView } from '../../../../src/renderer/src/features/rerun-diff/diff-rows.ts';
import type { DiffView } from '../../../../src/renderer/src/features/rerun-diff/diff-rows.ts';
import type { SequenceRow } from '../../../../src/renderer/src/features/rerun-diff/sequence-rows.ts';
import { PER_CALL_VARIABLES as VIEW_PER_CALL } from '../../../../src/renderer/src/features/rerun-diff/variable-rows.ts';
import { replyJson, startLoopbackServer } from '../../../helpers/loopback-server.ts';
import { BALANCE, copyFlow, loadSession, record } from '../../../rerun/rerun-helpers.ts';
import { BALANCE_PATH_TO_OPTIONS } from '../../../helpers/balance-flow.ts';

/** The parts of a flow file these tests edit. */
interface EditableFlow {
  nodes: Record<string, Record<string, unknown> & { cases?: { next: string }[] }>;
}

function editedFlow(change: (flow: EditableFlow) => void): string {
  const path = copyFlow(BALANCE);
  const flow = JSON.parse(readFileSync(path, 'utf8'));
  change(flow);
  writeFileSync(path, JSON.stringify(flow, null, 2));
  return path;
}

let session: SessionDetail;

/** Re-runs the recorded call against `flowPath` and returns the report the console receives. */
async function rerun(
  flowPath: string,
  mode: RerunMode = 'mock',
  variables?: VarMap,
): Promise<RerunReport> {
  const loaded = await loadFlowFile(flowPath);
  assert.ok(loaded.flow, JSON.stringify(loaded.problems));
  const result = await rerunSession({
    session,
    flow: loaded.flow,
    flowPath,
    mode,
    ...(variables ? { variables } : {}),
  });
  const { steps, ...rest } = result;
  // Through IPC the report arrives structured-cloned: no object identity survives.
  return structuredClone({ ...rest, script: describeCallerScript(steps) });
}

/** Every item of both calls appears once, in order, on its side. */
function assertCovers(rows: SequenceRow[], original: string[], rerunItems: string[]): void {
  const a = rows.filter((r) => r.originalNumber !== null);
  const b = rows.filter((r) => r.rerunNumber !== null);
  assert.deepEqual(
    a.map((r) => r.original),
    original,
  );
  assert.deepEqual(
    a.map((r) => r.originalNumber),
    original.map((_, i) => i + 1),
  );
  assert.deepEqual(
    b.map((r) => r.rerun),
    rerunItems,
  );
  assert.deepEqual(
    b.map((r) => r.rerunNumber),
    rerunItems.map((_, i) => i + 1),
  );
  for (const row of rows) {
    const expected =
      row.original === null
        ? 'added'
        : row.rerun === null
          ? 'removed'
          : row.status === 'same'
            ? 'same'
            : 'changed';
    assert.equal(row.status, expected, JSON.stringify(row));
  }
}

function assertAllCovered(view: DiffView, report: RerunReport): void {
  assertCovers(view.sections.path, report.original.path, report.rerun.path);
  assertCovers(view.sections.spoken, report.original.spoken, report.rerun.spoken);
}

function flagged(view: DiffView): string[] {
  const { path, spoken, webhooks, variables, outcome } = view.sections;
  return [...path, ...spoken, ...webhooks, ...variables, ...outcome]
    .filter((row) => row.firstDivergence)
    .map((row) => row.id);
}

/** The recorded call's path (the caller hangs up at the options menu). */
const ORIGINAL_PATH = BALANCE_PATH_TO_OPTIONS;

describe('re-run diff rows from real re-runs of a recorded balance call', () => {
  before(async () => {
    const recorded = await record(BALANCE, '12345#1111');
    session = loadSession(recorded.db, recorded.id);
  });

  test('the per-call variables set aside are the comparison’s own', () => {
    assert.deepEqual([...VIEW_PER_CALL], [...PER_CALL_VARIABLES]);
  });

  test('the flow unchanged: every row the same, nothing flagged, per-call variables left out', async () => {
    const report = await rerun(copyFlow(BALANCE));
    assert.equal(report.comparison.same, true, JSON.stringify(report.comparison.differences));
    const view = buildDiffView(report);
    assert.deepEqual(view.summary, {
      same: true,
      total: 0,
      byKind: { path: 0, spoken: 0, webhook: 0, variables: 0, outcome: 0 },
      firstDivergence: null,
      firstDivergenceKind: null,
    });
    assert.equal(view.firstDivergenceRowId, null);
    assert.deepEqual(flagged(view), []);
    assertAllCovered(view, report);
    assert.deepEqual(
      view.sections.path.map((r) => [r.originalNumber, r.original, r.rerunNumber, r.rerun]),
      ORIGINAL_PATH.map((node, i) => [i + 1, node, i + 1, node]),
    );
    const { webhooks, variables, outcome } = view.sections;
    assert.deepEqual(
      webhooks.map((r) => [r.node, r.status, r.originalNumber, r.rerunNumber]),
      [
        ['auth', 'same', 1, 1],
        ['fetch_balance', 'same', 2, 2],
      ],
    );
    assert.ok(webhooks.every((r) => r.fields.every((f) => !f.changed && f.original === f.rerun)));
    // The POST shows its body, the GET has none to show.
    assert.ok(webhooks[0]!.fields.some((f) => f.key === 'requestBody'));
    assert.ok(!webhooks[1]!.fields.some((f) => f.key === 'requestBody'));
    assert.ok(variables.every((r) => r.status === 'same' && !r.differsOnlyByPerCall));
    const names = variables.map((r) => r.name);
    assert.ok(!names.includes('uuid') && !names.includes('vccsys_shortid'));
    assert.ok(names.includes('customer_name') && names.includes('balance'));
    assert.deepEqual(names, [...names].sort());
    assert.equal(variables.find((r) => r.name === 'customer_name')?.original, '"Anna"');
    assert.deepEqual(
      outcome.map((r) => [r.field, r.status, r.original, r.rerun]),
      [
        ['outcome', 'same', 'hangup', 'hangup'],
        ['endedBy', 'same', 'caller', 'caller'],
      ],
    );
  });

  test('a re-routed branch: the path diverges at step 6, the rest of the hunk faces gaps', async () => {
    const report = await rerun(editedFlow((f) => (f.nodes.check!.cases![0]!.next = 'denied')));
    const view = buildDiffView(report);
    assertAllCovered(view, report);
    assert.equal(view.summary.firstDivergence, 'step 6: the flow went to denied instead of greet');
    assert.equal(view.summary.firstDivergenceKind, 'path');
    assert.equal(view.summary.total, report.comparison.differences.length);
    assert.ok(view.summary.byKind.path === 1 && view.summary.byKind.outcome === 1);
    const path = view.sections.path;
    assert.deepEqual(
      path.map((r) => [r.status, r.original, r.rerun, r.firstDivergence]),
      [
        ['same', 'welcome', 'welcome', false],
        ['same', 'ask_id', 'ask_id', false],
        ['same', 'ask_pin', 'ask_pin', false],
        ['same', 'auth', 'auth', false],
        ['same', 'check', 'check', false],
        ['changed', 'greet', 'denied', true],
        ['removed', 'fetch_balance', null, true],
        ['removed', 'read_balance', null, true],
        ['removed', 'options', null, true],
      ],
    );
    assert.equal(view.firstDivergenceRowId, path[5]!.id);
    assert.deepEqual(
      flagged(view),
      path.slice(5).map((r) => r.id),
    );
    // Consequences are shown but not flagged: the balance request never sent, the ending.
    assert.deepEqual(
      view.sections.webhooks.map((r) => [r.node, r.status, r.originalNumber, r.rerunNumber]),
      [
        ['auth', 'same', 1, 1],
        ['fetch_balance', 'removed', 2, null],
      ],
    );
    const removed = view.sections.webhooks[1]!;
    assert.ok(removed.fields.every((f) => f.rerun === null && f.original !== null && !f.changed));
    const endedBy = view.sections.outcome.find((r) => r.field === 'endedBy');
    assert.deepEqual(
      [endedBy?.status, endedBy?.original, endedBy?.rerun],
      ['changed', 'caller', 'flow'],
    );
    assert.equal(view.sections.variables.find((r) => r.name === 'balance')?.status, 'removed');
    assert.equal(view.sections.variables.find((r) => r.name === 'balance')?.rerun, null);
  });

  test('the same two calls the other way round: the extra nodes and webhook show as added', async () => {
    const report = await rerun(editedFlow((f) => (f.nodes.check!.cases![0]!.next = 'denied')));
    // The real comparison over the swapped records: what a flow that now goes further looks like.
    const swapped: RerunReport = {
      ...report,
      original: report.rerun,
      rerun: report.original,
      comparison: compareRuns(report.rerun, report.original),
    };
    const view = buildDiffView(structuredClone(swapped));
    assertAllCovered(view, swapped);
    assert.deepEqual(
      view.sections.path.slice(5).map((r) => [r.status, r.original, r.rerun, r.rerunNumber]),
      [
        ['changed', 'denied', 'greet', 6],
        ['added', null, 'fetch_balance', 7],
        ['added', null, 'read_balance', 8],
        ['added', null, 'options', 9],
      ],
    );
    assert.deepEqual(
      view.sections.webhooks.map((r) => [r.node, r.status, r.originalNumber, r.rerunNumber]),
      [
        ['auth', 'same', 1, 1],
        ['fetch_balance', 'added', null, 2],
      ],
    );
    assert.equal(view.sections.variables.find((r) => r.name === 'balance')?.status, 'added');
  });

  test('a changed prompt: only that spoken row differs, and it is the first divergence', async () => {
    const report = await rerun(
      editedFlow((f) => (f.nodes.greet!.say = 'Good to hear from you, ${customer_name}.')),
    );
    const view = buildDiffView(report);
    assertAllCovered(view, report);
    assert.equal(view.summary.total, 1);
    assert.ok(view.sections.path.every((r) => r.status === 'same'));
    const changed = view.sections.spoken.filter((r) => r.status !== 'same');
    assert.deepEqual(changed, [
      {
        id: 'spoken-3',
        status: 'changed',
        firstDivergence: true,
        originalNumber: 4,
        rerunNumber: 4,
        original: 'Hello Anna.',
        rerun: 'Good to hear from you, Anna.',
      },
    ]);
    assert.equal(view.firstDivergenceRowId, 'spoken-3');
    assert.deepEqual(flagged(view), ['spoken-3']);
    assert.equal(
      view.summary.firstDivergence,
      'prompt 4: the re-run said "Good to hear from you, Anna." instead of "Hello Anna."',
    );
  });

  test('a CRM that now answers differently: the reply field is marked, per-call values are not', async () => {
    const exchanges = session.events.flatMap((e) => (e.type === 'webhook' ? [e.exchange] : []));
    const authReply = JSON.parse(exchanges[0]!.response!.body);
    const balance = exchanges[1]!.response!;
    const crm = await startLoopbackServer((req, res) => {
      if (req.url.startsWith('/ivr/auth')) replyJson(res, { ...authReply, customer_name: 'Bob' });
      else {
        // The balance as recorded: its own body and content type (plain text).
        const type = balance.headers.find(([name]) => name === 'content-type')?.[1];
        res.writeHead(balance.status, type ? { 'content-type': type } : {});
        res.end(balance.body);
      }
    });
    let report: RerunReport;
    try {
      report = await rerun(copyFlow(BALANCE), 'live', { crm_base: crm.url });
    } finally {
      await crm.close();
    }
    const view = buildDiffView(report);
    assertAllCovered(view, report);
    assert.equal(view.summary.firstDivergenceKind, 'webhook');
    const auth = view.sections.webhooks[0]!;
    assert.equal(auth.status, 'changed');
    assert.equal(auth.firstDivergence, true);
    assert.equal(view.firstDivergenceRowId, auth.id);
    assert.deepEqual(
      auth.fields.filter((f) => f.changed).map((f) => f.key),
      ['variablesSet'],
    );
    const set = auth.fields.find((f) => f.key === 'variablesSet')!;
    assert.match(set.original!, /"customer_name":"Anna"/);
    assert.match(set.rerun!, /"customer_name":"Bob"/);
    // The URL points at another server, but crm_base is set aside: shown as written, not marked.
    const url = auth.fields.find((f) => f.key === 'url')!;
    assert.notEqual(url.original, url.rerun);
    assert.equal(url.changed, false);
    assert.equal(url.differsOnlyByPerCall, true);
    assert.ok(auth.fields.filter((f) => f.key !== 'url').every((f) => !f.differsOnlyByPerCall));
    assert.equal(view.sections.webhooks[1]!.status, 'same');
    const byName = new Map(view.sections.variables.map((r) => [r.name, r]));
    assert.deepEqual(
      [byName.get('customer_name')?.status, byName.get('customer_name')?.rerun],
      ['changed', '"Bob"'],
    );
    assert.equal(byName.get('customer_name')?.firstDivergence, false);
    const crmBase = byName.get('crm_base')!;
    assert.equal(crmBase.status, 'same');
    assert.equal(crmBase.differsOnlyByPerCall, true);
    assert.equal(crmBase.rerun, JSON.stringify(crm.url));
    const spoken = view.sections.spoken.filter((r) => r.status !== 'same');
    assert.deepEqual(
      spoken.map((r) => [r.original, r.rerun, r.firstDivergence]),
      [['Hello Anna.', 'Hello Bob.', false]],
    );
    assert.ok(view.sections.path.every((r) => r.status === 'same'));
  });

  test('an inserted node: one added row with a gap on the original side, later steps level', async () => {
    const report = await rerun(
      editedFlow((f) => {
        f.nodes.welcome!.next = 'notice';
        f.nodes.notice = { type: 'play', say: 'Calls may be recorded.', next: 'ask_id' };
      }),
    );
    const view = buildDiffView(report);
    assertAllCovered(view, report);
    const path = view.sections.path;
    assert.equal(path.length, ORIGINAL_PATH.length + 1);
    assert.deepEqual(path[1], {
      id: path[1]!.id,
      status: 'added',
      firstDivergence: true,
      originalNumber: null,
      rerunNumber: 2,
      original: null,
      rerun: 'notice',
    });
    assert.equal(view.firstDivergenceRowId, path[1]!.id);
    assert.deepEqual(flagged(view), [path[1]!.id]);
    // Every later step is the same node, one step later in the re-run.
    for (const row of path.slice(2)) {
      assert.equal(row.status, 'same');
      assert.equal(row.original, row.rerun);
      assert.equal(row.rerunNumber, row.originalNumber! + 1);
    }
    const added = view.sections.spoken.filter((r) => r.status !== 'same');
    assert.deepEqual(
      added.map((r) => [r.status, r.original, r.rerun, r.rerunNumber]),
      [['added', null, 'Calls may be recorded.', 2]],
    );
  });

  test('a skipped node: one removed row with a gap on the re-run side, later steps level', async () => {
    const report = await rerun(
      editedFlow((f) => (f.nodes.check!.cases![0]!.next = 'fetch_balance')),
    );
    const view = buildDiffView(report);
    assertAllCovered(view, report);
    const path = view.sections.path;
    assert.equal(path.length, ORIGINAL_PATH.length);
    assert.deepEqual(
      path.map((r) => [r.status, r.originalNumber, r.rerunNumber, r.firstDivergence]),
      [
        ['same', 1, 1, false],
        ['same', 2, 2, false],
        ['same', 3, 3, false],
        ['same', 4, 4, false],
        ['same', 5, 5, false],
        ['removed', 6, null, true],
        ['same', 7, 6, false],
        ['same', 8, 7, false],
        ['same', 9, 8, false],
      ],
    );
    assert.equal(view.summary.firstDivergence, 'step 6: the re-run never went to greet');
    const removed = view.sections.spoken.filter((r) => r.status !== 'same');
    assert.deepEqual(
      removed.map((r) => [r.status, r.original, r.rerun]),
      [['removed', 'Hello Anna.', null]],
    );
    assert.ok(view.sections.webhooks.every((r) => r.status === 'same'));
    assert.ok(view.sections.variables.every((r) => r.status === 'same'));
  });
});
