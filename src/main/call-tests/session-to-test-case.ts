/**
 * "Save this session as a test case": a logged call turned into one `test` case
 * (../shared/spec/CLI.md) that replays the caller's keys and expects what happened: the outcome,
 * the exact path, every prompt spoken, the webhooks' nodes and statuses, and the user variables the
 * call changed. Values that differ from call to call by design (uuid, short id) and the CRM's
 * address are left out, so the case passes again against the same flow and CRM.
 */
import type { SessionDetail } from '../../shared/session-types.ts';
import type { VarMap, VarValue } from '../../shared/variables.ts';
import { isSystemVariable, PER_CALL_VARIABLES } from '../../shared/variables.ts';
import { deriveCallerScript, dtmfScript } from '../rerun/caller-script.ts';
import { recordFromEvents } from '../rerun/run-record.ts';
import { startConditionsOf } from '../rerun/start-conditions.ts';

/** One case as it is written to YAML (keys in the order people read them). */
export interface TestCaseDocument {
  name: string;
  description: string;
  source: string;
  destination: string;
  variables?: VarMap;
  dtmf: string;
  expect: Record<string, unknown>;
}

/** Variables a saved case never pins: per-call ids, and where the CRM is (`--demo-crm` sets it). */
const UNPINNED = new Set([...PER_CALL_VARIABLES, 'crm_base']);

function same(a: VarValue | undefined, b: VarValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The case for `session`. `flowVariables` are the flow file's own initial values: start variables
 * equal to them need not be repeated in the case.
 *
 * @throws Error when the session never ended (nothing to expect yet)
 */
export function sessionToTestCase(
  session: SessionDetail,
  flowVariables: VarMap,
  name: string,
): TestCaseDocument {
  const record = recordFromEvents(session.events);
  if (record.outcome === null) {
    throw new Error(`session ${session.id} never ended, so there is nothing to expect`);
  }
  const start = startConditionsOf(session);
  const variables: VarMap = {};
  for (const [key, value] of Object.entries(start.variables)) {
    if (UNPINNED.has(key) || same(value, flowVariables[key])) continue;
    variables[key] = value;
  }
  const changed: VarMap = {};
  for (const [key, value] of Object.entries(record.variables)) {
    if (isSystemVariable(key) || UNPINNED.has(key)) continue;
    if (!same(value, record.startVariables[key])) changed[key] = value;
  }
  const expect: Record<string, unknown> = {
    outcome: record.outcome,
    ...(record.endedBy ? { endedBy: record.endedBy } : {}),
    ...(record.outcome === 'transfer' ? { transferTarget: record.transferTarget } : {}),
    path: record.path,
    ...(record.spoken.length > 0 ? { spoken_includes: record.spoken } : {}),
    ...(Object.keys(changed).length > 0 ? { variables: changed } : {}),
    webhooks: record.webhooks.map((exchange) => ({
      node: exchange.node,
      method: exchange.request.method,
      status: exchange.response?.status ?? null,
      ...(exchange.ok ? {} : { ok: false, error: exchange.error }),
    })),
  };
  if (!session.events.some((event) => event.type === 'warning')) expect['warnings'] = 'none';
  if (record.webhooks.every((exchange) => exchange.violations.length === 0)) {
    expect['violations'] = 'none';
  }
  return {
    name,
    description: `Saved from session ${session.id} (${new Date(session.startedAt).toISOString()})`,
    source: start.source,
    destination: start.destination,
    ...(Object.keys(variables).length > 0 ? { variables } : {}),
    dtmf: dtmfScript(deriveCallerScript(session.events)),
    expect,
  };
}
