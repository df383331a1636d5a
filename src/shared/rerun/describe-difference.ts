/**
 * Differences in words, for people: one sentence each ("step 6: the flow went to denied instead of
 * greet") and the original / re-run sides as short text. Positions are 1-based here, as people
 * count steps; the data keeps 0-based indexes.
 */
import type { Difference } from './rerun-types.ts';

function clip(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function quoted(items: unknown): string[] {
  return Array.isArray(items) ? items.map((item) => `"${clip(String(item))}"`) : [];
}

function nodes(items: unknown): string[] {
  return Array.isArray(items) ? items.map(String) : [];
}

/** A value as people read it: strings quoted, absent as `(not set)`, the rest as JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'string') return JSON.stringify(clip(value, 200));
  return clip(JSON.stringify(value), 200);
}

function listed(items: string[]): string {
  return items.length <= 3
    ? items.join(', ')
    : `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
}

function describePath(d: Difference): string {
  const step = (d.index ?? 0) + 1;
  const was = nodes(d.original);
  const now = nodes(d.rerun);
  if (was.length > 0 && now.length > 0) {
    return `step ${step}: the flow went to ${now[0]} instead of ${was[0]}`;
  }
  if (now.length === 0) return `step ${step}: the re-run never went to ${listed(was)}`;
  return `step ${step}: the re-run also went to ${listed(now)}`;
}

function describeSpoken(d: Difference): string {
  const prompt = (d.index ?? 0) + 1;
  const was = quoted(d.original);
  const now = quoted(d.rerun);
  if (was.length > 0 && now.length > 0) {
    return `prompt ${prompt}: the re-run said ${now[0]} instead of ${was[0]}`;
  }
  if (now.length === 0) return `prompt ${prompt}: the re-run did not say ${listed(was)}`;
  return `prompt ${prompt}: the re-run also said ${listed(now)}`;
}

function describeWebhook(d: Difference): string {
  if (d.key === undefined) {
    return d.rerun === null
      ? `webhook ${(d.index ?? 0) + 1} (${d.node}) was not sent in the re-run`
      : `the re-run sent an extra webhook from ${d.node}`;
  }
  return `webhook ${(d.index ?? 0) + 1} (${d.node}) ${d.key}: ${showValue(d.rerun)} instead of ${showValue(d.original)}`;
}

/** One sentence for a difference. */
export function describeDifference(d: Difference): string {
  switch (d.kind) {
    case 'path':
      return describePath(d);
    case 'spoken':
      return describeSpoken(d);
    case 'webhook':
      return describeWebhook(d);
    case 'variables':
      return d.rerun === null
        ? `variable ${d.key} is not set in the re-run (was ${showValue(d.original)})`
        : d.original === null
          ? `variable ${d.key} is set only in the re-run: ${showValue(d.rerun)}`
          : `variable ${d.key} ends as ${showValue(d.rerun)} instead of ${showValue(d.original)}`;
    case 'outcome':
      return `${d.key}: ${showValue(d.rerun)} instead of ${showValue(d.original)}`;
  }
}

/** The two sides of a difference as text lines (`- original` / `+ re-run`). */
export function differenceSides(d: Difference): { original: string[]; rerun: string[] } {
  switch (d.kind) {
    case 'path':
      return { original: [nodes(d.original).join(' → ')], rerun: [nodes(d.rerun).join(' → ')] };
    case 'spoken':
      return { original: quoted(d.original), rerun: quoted(d.rerun) };
    default:
      return { original: [showValue(d.original)], rerun: [showValue(d.rerun)] };
  }
}
