/**
 * What a re-run with diff reports, shared by main (which computes it) and the renderer (which
 * draws it side by side): each call as compared, and every difference between them.
 */
import type { CallOutcome, EndedBy } from '../call-events.ts';
import type { VarMap } from '../variables.ts';
import type { WebhookExchange } from '../webhook-types.ts';

/** One call, as compared. */
export interface RunRecord {
  /** Null when the call never ended (an interrupted session). */
  outcome: CallOutcome | null;
  endedBy: EndedBy | null;
  transferTarget: string | null;
  error: { node: string | null; code: string } | null;
  /** Node ids in the order entered, and the `seq` of each `node_entered`. */
  path: string[];
  pathSeq: number[];
  /** Prompt texts in the order spoken, and the `seq` of each `prompt_started`. */
  spoken: string[];
  spokenSeq: number[];
  /** Webhook exchanges in order, and the `seq` of each `webhook` event. */
  webhooks: WebhookExchange[];
  webhookSeq: number[];
  /** Every variable when the call started (system ones included). */
  startVariables: VarMap;
  /** Every variable at the end. */
  variables: VarMap;
  /** The `seq` at which each variable got its final value (the start event for untouched ones). */
  variableSeq: Record<string, number>;
  /** The `seq` of `call_ended`, or one past the last event when the call never ended. */
  endSeq: number;
}

/** What a difference is about. */
export type DifferenceKind = 'path' | 'spoken' | 'webhook' | 'variables' | 'outcome';

/**
 * One difference. For `path` and `spoken`, `index` / `rerunIndex` are 0-based positions where a
 * run of differing items starts in each call, and `original` / `rerun` are those items (arrays,
 * one of them possibly empty). For `webhook`, `index` is the original exchange's position and
 * `key` the field that differs (`url`, `requestBody`, `status`, `ok`, `error`, `variablesSet`,
 * `method`, `onHangup`), or no key when the exchange exists on one side only (the other is null).
 * For `variables`, `key` is the variable (null = not set); for `outcome`, the field.
 */
export interface Difference {
  kind: DifferenceKind;
  index?: number;
  rerunIndex?: number;
  key?: string;
  /** The webhook's node. */
  node?: string;
  original: unknown;
  rerun: unknown;
}

/** Whether the re-run behaved as the original did, with every difference in call order. */
export interface Comparison {
  same: boolean;
  /** In call order; the first is {@link Comparison.firstDivergence}. */
  differences: Difference[];
  firstDivergence: Difference | null;
}

/** Where webhooks are answered: the network (`live`) or the original's recorded replies (`mock`). */
export type RerunMode = 'live' | 'mock';

/** A re-run with diff as the console shows it: both calls as compared, and the verdict. */
export interface RerunReport {
  /** The original session. */
  sessionId: string;
  flowId: string;
  flowPath: string | null;
  mode: RerunMode;
  /** The caller's input fed to the re-run, for people: keys, `~` for a silence, then a hang-up. */
  script: string;
  /** Script steps the re-run never used (the flow now asks for less). */
  unusedSteps: number;
  original: RunRecord;
  rerun: RunRecord;
  /** The re-run's own logged session, when it was logged. */
  rerunSessionId: string | null;
  comparison: Comparison;
}
