/**
 * Compares an original call with its re-run: path, spoken text, webhook exchanges, final
 * variables and outcome. Every difference is reported, in call order, and the earliest is the
 * first divergence: what a person reads first is "at step 6 the flow went to X instead of Y",
 * not the variables that differ as a consequence.
 */
import type {
  Comparison,
  Difference,
  DifferenceKind,
  RunRecord,
} from '../../shared/rerun/rerun-types.ts';
import type { VarValue } from '../../shared/variables.ts';
import type { WebhookExchange } from '../../shared/webhook-types.ts';
import type { Normaliser } from './normalise-values.ts';
import { canonical, createNormaliser } from './normalise-values.ts';
import { diffSequences } from './sequence-diff.ts';
import type { Hunk } from './sequence-diff.ts';

export type { Comparison, Difference, DifferenceKind } from '../../shared/rerun/rerun-types.ts';

/** Options of {@link compareRuns}. */
export interface CompareOptions {
  /**
   * Variables whose value differs by design between the calls: left out of the variables
   * compared, and replaced by `${name}` in every compared string. Default `uuid`,
   * `vccsys_shortid`.
   */
  perCall?: readonly string[];
}

/** Variables that differ between any two calls (defined with the other system variables). */
import { PER_CALL_VARIABLES } from '../../shared/variables.ts';

export { PER_CALL_VARIABLES };

interface Placed {
  difference: Difference;
  /** Event position in call order (the smaller of both calls' `seq`). */
  at: number;
  rank: number;
}

const RANK: Record<DifferenceKind, number> = {
  path: 0,
  webhook: 1,
  spoken: 2,
  variables: 3,
  outcome: 4,
};

interface Sides {
  original: RunRecord;
  rerun: RunRecord;
  normaliseOriginal: Normaliser;
  normaliseRerun: Normaliser;
}

function place(difference: Difference, at: number): Placed {
  return { difference, at, rank: RANK[difference.kind] };
}

/** Where a hunk starts in call order: the earlier of the two calls' positions. */
function hunkAt(
  hunk: Hunk,
  seqA: readonly number[],
  endA: number,
  seqB: readonly number[],
  endB: number,
): number {
  return Math.min(seqA[hunk.originalStart] ?? endA, seqB[hunk.rerunStart] ?? endB);
}

function comparePath({ original, rerun }: Sides): Placed[] {
  const diff = diffSequences(original.path, rerun.path, (x, y) => x === y);
  return diff.hunks.map((hunk) =>
    place(
      {
        kind: 'path',
        index: hunk.originalStart,
        rerunIndex: hunk.rerunStart,
        original: original.path.slice(hunk.originalStart, hunk.originalEnd),
        rerun: rerun.path.slice(hunk.rerunStart, hunk.rerunEnd),
      },
      hunkAt(hunk, original.pathSeq, original.endSeq, rerun.pathSeq, rerun.endSeq),
    ),
  );
}

function compareSpoken(sides: Sides): Placed[] {
  const { original, rerun } = sides;
  const a = original.spoken.map(sides.normaliseOriginal);
  const b = rerun.spoken.map(sides.normaliseRerun);
  return diffSequences(a, b, (x, y) => x === y).hunks.map((hunk) =>
    place(
      {
        kind: 'spoken',
        index: hunk.originalStart,
        rerunIndex: hunk.rerunStart,
        original: original.spoken.slice(hunk.originalStart, hunk.originalEnd),
        rerun: rerun.spoken.slice(hunk.rerunStart, hunk.rerunEnd),
      },
      hunkAt(hunk, original.spokenSeq, original.endSeq, rerun.spokenSeq, rerun.endSeq),
    ),
  );
}

/** The fields of an exchange that are compared, as reported. */
function webhookFields(x: WebhookExchange): Record<string, unknown> {
  return {
    method: x.request.method,
    url: x.request.url,
    requestBody: x.request.body,
    onHangup: x.onHangup,
    // The verdict's code before the status: "network_error instead of none" says more first.
    error: x.error,
    status: x.response?.status ?? null,
    ok: x.ok,
    variablesSet: x.variablesSet,
  };
}

/** The same fields with per-call values normalised, for equality. */
function webhookKey(x: WebhookExchange, normalise: Normaliser): Record<string, string> {
  const fields = webhookFields(x);
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, canonical(value as VarValue, normalise)]),
  );
}

/** A one-line summary of an exchange present on one side only. */
function webhookSummary(x: WebhookExchange): Record<string, unknown> {
  const { method, url, status, ok, error } = webhookFields(x);
  return { node: x.node, method, url, status, ok, error };
}

function compareWebhooks(sides: Sides): Placed[] {
  const { original, rerun } = sides;
  const identity = (x: WebhookExchange): string => `${x.node}\u0000${x.onHangup}`;
  const diff = diffSequences(
    original.webhooks,
    rerun.webhooks,
    (x, y) => identity(x) === identity(y),
  );
  const placed: Placed[] = [];
  for (const match of diff.matches) {
    const a = original.webhooks[match.original] as WebhookExchange;
    const b = rerun.webhooks[match.rerun] as WebhookExchange;
    const keyA = webhookKey(a, sides.normaliseOriginal);
    const keyB = webhookKey(b, sides.normaliseRerun);
    const fieldsA = webhookFields(a);
    const fieldsB = webhookFields(b);
    const at = Math.min(
      original.webhookSeq[match.original] ?? original.endSeq,
      rerun.webhookSeq[match.rerun] ?? rerun.endSeq,
    );
    for (const key of Object.keys(keyA)) {
      if (keyA[key] === keyB[key]) continue;
      placed.push(
        place(
          {
            kind: 'webhook',
            index: match.original,
            rerunIndex: match.rerun,
            key,
            node: a.node,
            original: fieldsA[key],
            rerun: fieldsB[key],
          },
          at,
        ),
      );
    }
  }
  for (const hunk of diff.hunks) {
    for (let i = hunk.originalStart; i < hunk.originalEnd; i++) {
      const x = original.webhooks[i] as WebhookExchange;
      placed.push(
        place(
          { kind: 'webhook', index: i, node: x.node, original: webhookSummary(x), rerun: null },
          original.webhookSeq[i] ?? original.endSeq,
        ),
      );
    }
    for (let j = hunk.rerunStart; j < hunk.rerunEnd; j++) {
      const x = rerun.webhooks[j] as WebhookExchange;
      placed.push(
        place(
          {
            kind: 'webhook',
            rerunIndex: j,
            node: x.node,
            original: null,
            rerun: webhookSummary(x),
          },
          rerun.webhookSeq[j] ?? rerun.endSeq,
        ),
      );
    }
  }
  return placed;
}

function compareVariables(sides: Sides, perCall: ReadonlySet<string>): Placed[] {
  const { original, rerun } = sides;
  const names = new Set([...Object.keys(original.variables), ...Object.keys(rerun.variables)]);
  const placed: Placed[] = [];
  for (const name of [...names].sort()) {
    if (perCall.has(name)) continue;
    const a = Object.hasOwn(original.variables, name) ? original.variables[name] : undefined;
    const b = Object.hasOwn(rerun.variables, name) ? rerun.variables[name] : undefined;
    if (canonical(a, sides.normaliseOriginal) === canonical(b, sides.normaliseRerun)) continue;
    placed.push(
      place(
        { kind: 'variables', key: name, original: a ?? null, rerun: b ?? null },
        Math.min(
          original.variableSeq[name] ?? original.endSeq,
          rerun.variableSeq[name] ?? rerun.endSeq,
        ),
      ),
    );
  }
  return placed;
}

function compareOutcome({ original, rerun }: Sides): Placed[] {
  const at = Math.min(original.endSeq, rerun.endSeq);
  const fields = ['outcome', 'endedBy', 'transferTarget', 'error'] as const;
  return fields
    .filter((key) => JSON.stringify(original[key]) !== JSON.stringify(rerun[key]))
    .map((key) => place({ kind: 'outcome', key, original: original[key], rerun: rerun[key] }, at));
}

/** Compares `original` with `rerun`; see {@link Comparison}. */
export function compareRuns(
  original: RunRecord,
  rerun: RunRecord,
  options: CompareOptions = {},
): Comparison {
  const perCall = options.perCall ?? PER_CALL_VARIABLES;
  const sides: Sides = {
    original,
    rerun,
    normaliseOriginal: createNormaliser(original.startVariables, perCall),
    normaliseRerun: createNormaliser(rerun.startVariables, perCall),
  };
  const placed = [
    ...comparePath(sides),
    ...compareSpoken(sides),
    ...compareWebhooks(sides),
    ...compareVariables(sides, new Set(perCall)),
    ...compareOutcome(sides),
  ];
  // Stable: within one position and kind, the order each comparison produced is kept.
  placed.sort((x, y) => x.at - y.at || x.rank - y.rank);
  const differences = placed.map((p) => p.difference);
  return { same: differences.length === 0, differences, firstDivergence: differences[0] ?? null };
}
