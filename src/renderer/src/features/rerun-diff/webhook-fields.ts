/**
 * The fields of a webhook exchange the re-run diff compares and shows side by side: the one list
 * that both the rows builder (which fields, in which order, marked changed by which of the
 * comparison's keys, read how) and the webhook cells (each field's label) read.
 */
import type { WebhookExchange } from '../../../../shared/webhook-types.ts';
import { fullValue } from './diff-row-base.ts';

/**
 * In the order shown. `compared` lists the comparison's field names (`webhookFields` in
 * src/main/rerun/compare-runs.ts) that mark the field changed: `ok` and `error` are both the
 * verdict. `onHangup` is not shown as a field: it is part of which exchanges match, and a tag.
 */
export const WEBHOOK_FIELDS = [
  {
    key: 'method',
    label: 'Method',
    compared: ['method'],
    text: (x: WebhookExchange): string => x.request.method,
  },
  {
    key: 'url',
    label: 'URL',
    compared: ['url'],
    text: (x: WebhookExchange): string => x.request.url,
  },
  {
    key: 'requestBody',
    label: 'Request body',
    compared: ['requestBody'],
    text: (x: WebhookExchange): string => x.request.body ?? '(no body)',
  },
  {
    key: 'status',
    label: 'Status',
    compared: ['status'],
    text: (x: WebhookExchange): string =>
      x.response
        ? `${x.response.status}${x.response.statusText ? ` ${x.response.statusText}` : ''}`
        : '(no response)',
  },
  {
    key: 'verdict',
    label: 'Verdict',
    compared: ['ok', 'error'],
    text: (x: WebhookExchange): string => (x.ok ? 'ok' : (x.error ?? 'error')),
  },
  {
    key: 'variablesSet',
    label: 'Variables set',
    compared: ['variablesSet'],
    text: (x: WebhookExchange): string =>
      Object.keys(x.variablesSet).length === 0 ? '(none)' : fullValue(x.variablesSet),
  },
] as const;

/** A webhook field shown side by side. */
export type WebhookFieldKey = (typeof WEBHOOK_FIELDS)[number]['key'];

/** The shown field a comparison field name marks changed, or undefined for one not shown. */
export function shownFieldOf(comparedKey: string): WebhookFieldKey | undefined {
  return WEBHOOK_FIELDS.find((field) => (field.compared as readonly string[]).includes(comparedKey))
    ?.key;
}

/** The label a field is shown under. */
export function webhookFieldLabel(key: WebhookFieldKey): string {
  return WEBHOOK_FIELDS.find((field) => field.key === key)?.label ?? key;
}
