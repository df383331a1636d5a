/**
 * A re-run report as aligned side-by-side rows, one table per section (path, spoken text,
 * webhooks, variables, outcome), for the re-run diff view. Pure: no React, no DOM.
 *
 * The comparison in main already aligned both calls (longest common subsequence) and normalised
 * the per-call values (uuid, short id, an overridden crm_base). Its differences are the truth
 * here: rows are aligned from their `index` / `rerunIndex` and marked changed only where a
 * difference says so, never by comparing raw values again, so the view and the CLI never disagree.
 */
import { describeDifference } from '../../../../shared/rerun/describe-difference.ts';
import type {
  Difference,
  DifferenceKind,
  RerunReport,
  RunRecord,
} from '../../../../shared/rerun/rerun-types.ts';
import type { VarMap, VarValue } from '../../../../shared/variables.ts';
import type { WebhookExchange } from '../../../../shared/webhook-types.ts';

/**
 * Variables that differ between any two calls by design, left out of the variables table as the
 * comparison leaves them out (the same list: src/shared/variables.ts).
 */
import { PER_CALL_VARIABLES } from '../../../../shared/variables.ts';

export { PER_CALL_VARIABLES };

/** How a row compares: `added` is in the re-run only, `removed` in the original only. */
export type RowStatus = 'same' | 'changed' | 'added' | 'removed';

/** What every row has. */
export interface DiffRowBase {
  /** Unique across all sections (`path-3`, `variables-balance`): a React key and a DOM id. */
  id: string;
  status: RowStatus;
  /** True on the row(s) the comparison's first divergence is about. */
  firstDivergence: boolean;
}

/** A row of the path or spoken-text section: one node or prompt per side, or a gap (null). */
export interface SequenceRow extends DiffRowBase {
  /** 1-based position in each call (the step or prompt number people read), null in a gap. */
  originalNumber: number | null;
  rerunNumber: number | null;
  original: string | null;
  rerun: string | null;
}

/** The webhook fields shown side by side. */
export type WebhookFieldKey =
  'method' | 'url' | 'requestBody' | 'status' | 'verdict' | 'variablesSet';

/** One field of an exchange on both sides, as text; null where that side has no exchange. */
export interface WebhookField {
  key: WebhookFieldKey;
  label: string;
  original: string | null;
  rerun: string | null;
  /** True when the comparison reports this field as different. */
  changed: boolean;
  /**
   * True when both sides are written differently but the comparison found them equal: they
   * differ only by per-call values (a uuid in the URL, an overridden crm_base).
   */
  differsOnlyByPerCall: boolean;
}

/** A row of the webhooks section: one exchange per side, or a gap. */
export interface WebhookRow extends DiffRowBase {
  node: string;
  /** A request sent when the call ended. */
  onHangup: boolean;
  /** 1-based exchange number in each call, null in a gap. */
  originalNumber: number | null;
  rerunNumber: number | null;
  fields: WebhookField[];
}

/** A row of the variables section: a variable's final value on both sides (null = not set). */
export interface VariableRow extends DiffRowBase {
  name: string;
  original: string | null;
  rerun: string | null;
  /**
   * True when the values as written differ but are equal once per-call values (uuid, short id,
   * an overridden crm_base) are set aside: shown, but not a difference.
   */
  differsOnlyByPerCall: boolean;
}

/** The outcome fields compared. */
export type OutcomeField = 'outcome' | 'endedBy' | 'transferTarget' | 'error';

/** A row of the outcome section: one field of how each call ended. */
export interface OutcomeRow extends DiffRowBase {
  field: OutcomeField;
  label: string;
  original: string;
  rerun: string;
}

/** The verdict in numbers and words. */
export interface DiffSummary {
  same: boolean;
  /** How many differences in all. */
  total: number;
  byKind: Record<DifferenceKind, number>;
  /** The first divergence in one sentence, null when the calls are the same. */
  firstDivergence: string | null;
  firstDivergenceKind: DifferenceKind | null;
}

/** Every section's rows. */
export interface DiffSections {
  path: SequenceRow[];
  spoken: SequenceRow[];
  webhooks: WebhookRow[];
  variables: VariableRow[];
  outcome: OutcomeRow[];
}

/** What the view draws. */
export interface DiffView {
  summary: DiffSummary;
  sections: DiffSections;
  /** The id of the first row marked {@link DiffRowBase.firstDivergence}, null when same. */
  firstDivergenceRowId: string | null;
}

/** A run of differing items, as a path or spoken difference reports it. */
interface SequenceHunk {
  index: number;
  rerunIndex: number;
  original: string[];
  rerun: string[];
  first: boolean;
}

/**
 * A value in full, as JSON (strings quoted). Not `showValue`: that clips long values for a
 * sentence, and a clipped cell could hide the very part that differs.
 */
function fullValue(value: VarValue | VarMap): string {
  return JSON.stringify(value);
}

function strings(items: unknown): string[] {
  return Array.isArray(items) ? items.map(String) : [];
}

/** The first divergence, if `d` is it (compared by content: the report may be a structured clone). */
function isFirst(d: Difference, first: Difference | null): boolean {
  return (
    first !== null &&
    d.kind === first.kind &&
    d.index === first.index &&
    d.rerunIndex === first.rerunIndex &&
    d.key === first.key
  );
}

function hunksOf(
  differences: readonly Difference[],
  kind: 'path' | 'spoken',
  first: Difference | null,
): SequenceHunk[] {
  return differences
    .filter((d) => d.kind === kind)
    .map((d) => ({
      index: d.index ?? 0,
      rerunIndex: d.rerunIndex ?? 0,
      original: strings(d.original),
      rerun: strings(d.rerun),
      first: isFirst(d, first),
    }))
    .sort((x, y) => x.index - y.index || x.rerunIndex - y.rerunIndex);
}

/**
 * Aligns two sequences around the comparison's hunks: items between hunks pair up as the same;
 * inside a hunk they pair up as changed, and the longer side's extra items face a gap. So an
 * inserted node is one `added` row and every later step stays level with its counterpart.
 */
function alignSequence(
  prefix: string,
  original: readonly string[],
  rerun: readonly string[],
  hunks: readonly SequenceHunk[],
): SequenceRow[] {
  const rows: SequenceRow[] = [];
  let i = 0;
  let j = 0;
  const push = (a: number | null, b: number | null, status: RowStatus, first: boolean): void => {
    rows.push({
      id: `${prefix}-${rows.length}`,
      status,
      firstDivergence: first,
      originalNumber: a === null ? null : a + 1,
      rerunNumber: b === null ? null : b + 1,
      original: a === null ? null : (original[a] ?? null),
      rerun: b === null ? null : (rerun[b] ?? null),
    });
  };
  /** Pairs the equal items up to `endA` / `endB`; a mismatch in counts (never expected) faces gaps. */
  const pairUpTo = (endA: number, endB: number): void => {
    while (i < endA && j < endB) push(i++, j++, 'same', false);
    while (i < endA) push(i++, null, 'removed', false);
    while (j < endB) push(null, j++, 'added', false);
  };
  for (const hunk of hunks) {
    pairUpTo(hunk.index, hunk.rerunIndex);
    const length = Math.max(hunk.original.length, hunk.rerun.length);
    for (let k = 0; k < length; k++) {
      const a = k < hunk.original.length ? i++ : null;
      const b = k < hunk.rerun.length ? j++ : null;
      push(a, b, a === null ? 'added' : b === null ? 'removed' : 'changed', hunk.first);
    }
  }
  pairUpTo(original.length, rerun.length);
  return rows;
}

const WEBHOOK_FIELD_LABELS: Record<WebhookFieldKey, string> = {
  method: 'Method',
  url: 'URL',
  requestBody: 'Request body',
  status: 'Status',
  verdict: 'Verdict',
  variablesSet: 'Variables set',
};

/** The comparison's field names (see `webhookFields` in compare-runs) to the shown fields. */
const FIELD_OF_KEY: Record<string, WebhookFieldKey> = {
  method: 'method',
  url: 'url',
  requestBody: 'requestBody',
  status: 'status',
  ok: 'verdict',
  error: 'verdict',
  variablesSet: 'variablesSet',
};

function webhookFieldText(x: WebhookExchange, key: WebhookFieldKey): string {
  switch (key) {
    case 'method':
      return x.request.method;
    case 'url':
      return x.request.url;
    case 'requestBody':
      return x.request.body ?? '(no body)';
    case 'status':
      return x.response
        ? `${x.response.status}${x.response.statusText ? ` ${x.response.statusText}` : ''}`
        : '(no response)';
    case 'verdict':
      return x.ok ? 'ok' : (x.error ?? 'error');
    case 'variablesSet':
      return Object.keys(x.variablesSet).length === 0 ? '(none)' : fullValue(x.variablesSet);
  }
}

function webhookRow(
  id: string,
  a: { exchange: WebhookExchange; index: number } | null,
  b: { exchange: WebhookExchange; index: number } | null,
  changedKeys: ReadonlySet<WebhookFieldKey>,
  first: boolean,
): WebhookRow {
  const either = (a ?? b)?.exchange as WebhookExchange;
  const fields = (Object.keys(WEBHOOK_FIELD_LABELS) as WebhookFieldKey[])
    // A body shows only when a side sent one: most GETs have none, and "(no body)" twice is noise.
    .filter((key) => key !== 'requestBody' || a?.exchange.request.body || b?.exchange.request.body)
    .map((key) => {
      const original = a ? webhookFieldText(a.exchange, key) : null;
      const rerun = b ? webhookFieldText(b.exchange, key) : null;
      const changed = changedKeys.has(key);
      return {
        key,
        label: WEBHOOK_FIELD_LABELS[key],
        original,
        rerun,
        changed,
        differsOnlyByPerCall: !changed && a !== null && b !== null && original !== rerun,
      };
    });
  return {
    id,
    status: a && b ? (changedKeys.size > 0 ? 'changed' : 'same') : a ? 'removed' : 'added',
    firstDivergence: first,
    node: either.node,
    onHangup: either.onHangup,
    originalNumber: a ? a.index + 1 : null,
    rerunNumber: b ? b.index + 1 : null,
    fields,
  };
}

/**
 * Aligns the exchanges: the comparison reports each exchange present on one side only (no `key`)
 * and each differing field of a matched pair (with `key`). Every other exchange is matched, in
 * order on both sides (the matching is monotone), so the rest pair up by zipping.
 */
function alignWebhooks(report: RerunReport, first: Difference | null): WebhookRow[] {
  const original = report.original.webhooks;
  const rerun = report.rerun.webhooks;
  const differences = report.comparison.differences.filter((d) => d.kind === 'webhook');
  const removed = new Set<number>();
  const added = new Set<number>();
  const firstRemoved = new Set<number>();
  const firstAdded = new Set<number>();
  /** Changed fields and first-divergence flag by matched pair, `original:rerun`. */
  const pairs = new Map<string, { keys: Set<WebhookFieldKey>; first: boolean }>();
  for (const d of differences) {
    const isFirstOne = isFirst(d, first);
    if (d.key === undefined) {
      if (d.rerun === null && d.index !== undefined) {
        removed.add(d.index);
        if (isFirstOne) firstRemoved.add(d.index);
      } else if (d.rerunIndex !== undefined) {
        added.add(d.rerunIndex);
        if (isFirstOne) firstAdded.add(d.rerunIndex);
      }
      continue;
    }
    const pairKey = `${d.index}:${d.rerunIndex}`;
    const entry = pairs.get(pairKey) ?? { keys: new Set<WebhookFieldKey>(), first: false };
    const field = FIELD_OF_KEY[d.key];
    if (field) entry.keys.add(field);
    entry.first ||= isFirstOne;
    pairs.set(pairKey, entry);
  }
  const rows: WebhookRow[] = [];
  const id = (): string => `webhooks-${rows.length}`;
  let i = 0;
  let j = 0;
  while (i < original.length || j < rerun.length) {
    const a = original[i];
    const b = rerun[j];
    // Removed before added at one spot, as in a text diff: what the original did, then instead.
    if (a && (removed.has(i) || !b)) {
      rows.push(webhookRow(id(), { exchange: a, index: i }, null, new Set(), firstRemoved.has(i)));
      i++;
    } else if (b && (added.has(j) || !a)) {
      rows.push(webhookRow(id(), null, { exchange: b, index: j }, new Set(), firstAdded.has(j)));
      j++;
    } else if (a && b) {
      const pair = pairs.get(`${i}:${j}`);
      rows.push(
        webhookRow(
          id(),
          { exchange: a, index: i },
          { exchange: b, index: j },
          pair?.keys ?? new Set(),
          pair?.first ?? false,
        ),
      );
      i++;
      j++;
    }
  }
  return rows;
}

/** A value as text that does not depend on key order, to tell values written differently. */
function canonicalText(value: VarValue | undefined): string {
  const sorted = (v: unknown): unknown =>
    v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
        )
      : v;
  return JSON.stringify(sorted(value ?? null));
}

function variableRows(report: RerunReport, first: Difference | null): VariableRow[] {
  const a = report.original.variables;
  const b = report.rerun.variables;
  const perCall: ReadonlySet<string> = new Set(PER_CALL_VARIABLES);
  const differing = new Map<string, Difference>();
  for (const d of report.comparison.differences) {
    if (d.kind === 'variables' && d.key !== undefined) differing.set(d.key, d);
  }
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((name) => !perCall.has(name))
    .sort();
  return names.map((name) => {
    const was = Object.hasOwn(a, name) ? a[name] : undefined;
    const now = Object.hasOwn(b, name) ? b[name] : undefined;
    const difference = differing.get(name);
    const status: RowStatus = !difference
      ? 'same'
      : was === undefined
        ? 'added'
        : now === undefined
          ? 'removed'
          : 'changed';
    return {
      id: `variables-${name}`,
      status,
      firstDivergence: difference !== undefined && isFirst(difference, first),
      name,
      original: was === undefined ? null : fullValue(was),
      rerun: now === undefined ? null : fullValue(now),
      differsOnlyByPerCall: !difference && canonicalText(was) !== canonicalText(now),
    };
  });
}

const OUTCOME_LABELS: Record<OutcomeField, string> = {
  outcome: 'Outcome',
  endedBy: 'Ended by',
  transferTarget: 'Transferred to',
  error: 'Error',
};

function outcomeText(record: RunRecord, field: OutcomeField): string {
  switch (field) {
    case 'outcome':
      return record.outcome ?? 'never ended';
    case 'endedBy':
      return record.endedBy ?? '(none)';
    case 'transferTarget':
      return record.transferTarget ?? '(none)';
    case 'error':
      return record.error
        ? `${record.error.code}${record.error.node ? ` at ${record.error.node}` : ''}`
        : '(none)';
  }
}

function outcomeRows(report: RerunReport, first: Difference | null): OutcomeRow[] {
  const differing = new Map<string, Difference>();
  for (const d of report.comparison.differences) {
    if (d.kind === 'outcome' && d.key !== undefined) differing.set(d.key, d);
  }
  return (Object.keys(OUTCOME_LABELS) as OutcomeField[])
    .filter((field) => {
      // Transfer target and error are noise when neither call had one.
      if (field === 'outcome' || field === 'endedBy' || differing.has(field)) return true;
      return report.original[field] !== null || report.rerun[field] !== null;
    })
    .map((field) => {
      const difference = differing.get(field);
      return {
        id: `outcome-${field}`,
        status: difference ? 'changed' : 'same',
        firstDivergence: difference !== undefined && isFirst(difference, first),
        field,
        label: OUTCOME_LABELS[field],
        original: outcomeText(report.original, field),
        rerun: outcomeText(report.rerun, field),
      };
    });
}

/** Counts and the first divergence's sentence. */
export function summarise(report: RerunReport): DiffSummary {
  const { differences, firstDivergence } = report.comparison;
  const byKind: Record<DifferenceKind, number> = {
    path: 0,
    spoken: 0,
    webhook: 0,
    variables: 0,
    outcome: 0,
  };
  for (const d of differences) byKind[d.kind]++;
  return {
    same: report.comparison.same,
    total: differences.length,
    byKind,
    firstDivergence: firstDivergence ? describeDifference(firstDivergence) : null,
    firstDivergenceKind: firstDivergence?.kind ?? null,
  };
}

/** Builds every section's aligned rows and the summary from a report. */
export function buildDiffView(report: RerunReport): DiffView {
  const { differences, firstDivergence } = report.comparison;
  const first = firstDivergence ?? null;
  const sections: DiffSections = {
    path: alignSequence(
      'path',
      report.original.path,
      report.rerun.path,
      hunksOf(differences, 'path', first),
    ),
    spoken: alignSequence(
      'spoken',
      report.original.spoken,
      report.rerun.spoken,
      hunksOf(differences, 'spoken', first),
    ),
    webhooks: alignWebhooks(report, first),
    variables: variableRows(report, first),
    outcome: outcomeRows(report, first),
  };
  // One difference is the first, so the flagged rows all sit in one section: the first found leads.
  const all: DiffRowBase[] = [
    ...sections.path,
    ...sections.spoken,
    ...sections.webhooks,
    ...sections.variables,
    ...sections.outcome,
  ];
  return {
    summary: summarise(report),
    sections,
    firstDivergenceRowId: all.find((row) => row.firstDivergence)?.id ?? null,
  };
}
