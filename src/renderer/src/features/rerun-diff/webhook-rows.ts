/**
 * The webhooks section: each call's exchanges aligned (matched pairs level, an exchange sent by
 * one call only facing a gap), each shown field on both sides as text.
 */
import type { Difference, RerunReport } from '../../../../shared/rerun/rerun-types.ts';
import type { WebhookExchange } from '../../../../shared/webhook-types.ts';
import { isFirst } from './diff-row-base.ts';
import type { DiffRowBase } from './diff-row-base.ts';
import { shownFieldOf, WEBHOOK_FIELDS } from './webhook-fields.ts';
import type { WebhookFieldKey } from './webhook-fields.ts';

/** One field of an exchange on both sides, as text; null where that side has no exchange. */
export interface WebhookField {
  key: WebhookFieldKey;
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

/** An exchange and its 0-based position in its call. */
interface Placed {
  exchange: WebhookExchange;
  index: number;
}

function webhookRow(
  id: string,
  a: Placed | null,
  b: Placed | null,
  changedKeys: ReadonlySet<WebhookFieldKey>,
  first: boolean,
): WebhookRow {
  const either = (a ?? b)?.exchange as WebhookExchange;
  const fields = WEBHOOK_FIELDS
    // A body shows only when a side sent one: most GETs have none, and "(no body)" twice is noise.
    .filter(
      ({ key }) => key !== 'requestBody' || a?.exchange.request.body || b?.exchange.request.body,
    )
    .map(({ key, text }) => {
      const original = a ? text(a.exchange) : null;
      const rerun = b ? text(b.exchange) : null;
      const changed = changedKeys.has(key);
      return {
        key,
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
export function webhookRows(report: RerunReport, first: Difference | null): WebhookRow[] {
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
    const field = shownFieldOf(d.key);
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
