/**
 * The plan of a load run (../shared/spec/CLI.md, "`load`"): what every worker runs a part of.
 * Plain data only, so it crosses a worker thread's `postMessage` as it is.
 */
import type { Flow } from '../../shared/flow/flow-schema.ts';
import type { VarMap } from '../../shared/variables.ts';
import type { WebhookLimits } from '../../shared/webhook-types.ts';
import type { DtmfStep } from '../calls/dtmf-script.ts';
import type { WebhookNetwork } from '../webhook/network-options.ts';
import type { LoadModel } from '../../shared/load/load-types.ts';

/** One kind of caller: the keys pressed and the call's setup (a `--cases` case, or `--dtmf`). */
export interface LoadCaller {
  /** The case's name, or `--dtmf <keys>`. */
  name: string;
  steps: DtmfStep[];
  source?: string;
  destination?: string;
  customer?: string;
  projectid?: string;
  /** The case's own variables: over the run's (environment, `--var`). */
  variables: VarMap;
  /** The test file's `defaults` variables: under the run's, as `test` has them. */
  fileVariables?: VarMap;
}

/** A caller's variables for one call: file defaults < the run's (environment, `--var`) < the case's. */
export function callerVariables(caller: LoadCaller, run: VarMap): VarMap {
  return { ...caller.fileVariables, ...run, ...caller.variables };
}

/** Everything a load run needs; every worker gets the same plan. */
export interface LoadPlan {
  flow: Flow;
  /** Absolute path of the flow file (logged with each session). */
  flowPath: string;
  /** Recorded prompt lengths by audio path, as the flow loader measured them. */
  recordings: [string, number][];
  /** Callers take turns: call i is placed by caller i mod callers.length. */
  callers: LoadCaller[];
  calls: number;
  model: LoadModel;
  /** Prompts and timeouts take real time; default: a virtual clock, webhooks back to back. */
  realtime: boolean;
  /** Flow < environment < `--var` values. */
  variables: VarMap;
  secrets: Record<string, string>;
  network?: WebhookNetwork;
  limits?: Partial<WebhookLimits>;
  /** Log every call as a session in this SQLite file; null to log none. */
  logPath: string | null;
}
