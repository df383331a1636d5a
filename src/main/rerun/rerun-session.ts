/**
 * Re-run with diff: a logged session's caller input fed through a flow as it is now, against live
 * webhooks or the recorded replies, and compared with the original. The CLI's `replay` and the
 * desktop app both use this; it knows no terminal and no window.
 */
import type { RerunMode } from '../../shared/rerun/rerun-types.ts';
import type { Flow } from '../../shared/flow/flow-schema.ts';
import type { SessionDetail } from '../../shared/session-types.ts';
import type { VarMap } from '../../shared/variables.ts';
import type { WebhookLimits } from '../../shared/webhook-types.ts';
import type { Clock } from '../engine/clock.ts';
import type { SessionStore } from '../store/session-store.ts';
import type { WebhookNetwork } from '../webhook/network-options.ts';
import { createWebhookClient } from '../webhook/webhook-client.ts';
import type { RerunCallerStep } from './caller-script.ts';
import { deriveCallerScript } from './caller-script.ts';
import type { Comparison } from './compare-runs.ts';
import { compareRuns, PER_CALL_VARIABLES } from './compare-runs.ts';
import { createRecordedWebhooks } from './recorded-webhooks.ts';
import { rerunCall } from './rerun-call.ts';
import type { RunRecord } from './run-record.ts';
import { recordFromEvents } from './run-record.ts';
import { startConditionsOf } from './start-conditions.ts';
import type { RecordingLengths } from '../engine/call-engine.ts';

export type { RerunMode } from '../../shared/rerun/rerun-types.ts';

/** What to replay, and how. */
export interface RerunSessionInput {
  session: SessionDetail;
  /** The flow to run: the session's own file as it is now, or another. */
  flow: Flow;
  flowPath: string | null;
  recordings?: RecordingLengths;
  mode: RerunMode;
  /** User variables over the original's start variables (`--var`, the demo CRM's `crm_base`). */
  variables?: VarMap;
  secrets?: Readonly<Record<string, string>>;
  limits?: Partial<WebhookLimits>;
  /** Headers, TLS and proxy of the environment the live re-run uses. */
  network?: WebhookNetwork;
  /** Log the re-run here; null or absent to not log it. */
  store?: SessionStore | null;
  clock?: Clock;
}

/** The re-run and its comparison with the original. */
export interface RerunResult {
  sessionId: string;
  flowId: string;
  flowPath: string | null;
  mode: RerunMode;
  steps: RerunCallerStep[];
  original: RunRecord;
  rerun: RunRecord;
  /** The re-run's own session id when it was logged. */
  rerunSessionId: string | null;
  /** Script steps the re-run never used. */
  unusedSteps: number;
  comparison: Comparison;
}

/** Replays `input.session`; see {@link RerunResult}. */
export async function rerunSession(input: RerunSessionInput): Promise<RerunResult> {
  const { session, flow } = input;
  const steps = deriveCallerScript(session.events, flow);
  const overrides = input.variables ?? {};
  const start = startConditionsOf(session, overrides);
  const limits = input.limits ? { limits: input.limits } : {};
  const live =
    input.mode === 'live'
      ? createWebhookClient({ ...limits, ...(input.network ? { network: input.network } : {}) })
      : null;
  const webhooks =
    live ??
    createRecordedWebhooks(session.events, {
      ...limits,
      ...(input.network?.headers ? { headers: input.network.headers } : {}),
    });
  let rerun;
  try {
    rerun = await rerunCall({
      flow,
      flowPath: input.flowPath,
      ...(input.recordings ? { recordings: input.recordings } : {}),
      steps,
      start,
      webhooks,
      ...(input.secrets ? { secrets: input.secrets } : {}),
      store: input.store ?? null,
      ...(input.clock ? { clock: input.clock } : {}),
    });
  } finally {
    await live?.close();
  }
  const original = recordFromEvents(session.events);
  const rerunRecord = recordFromEvents(rerun.events);
  // A crm_base the re-run points elsewhere is a difference by design, not a finding.
  const perCall = Object.hasOwn(overrides, 'crm_base')
    ? [...PER_CALL_VARIABLES, 'crm_base']
    : PER_CALL_VARIABLES;
  return {
    sessionId: session.id,
    flowId: flow.id,
    flowPath: input.flowPath,
    mode: input.mode,
    steps,
    original,
    rerun: rerunRecord,
    rerunSessionId: rerun.sessionId,
    unusedSteps: rerun.unusedSteps,
    comparison: compareRuns(original, rerunRecord, { perCall }),
  };
}
