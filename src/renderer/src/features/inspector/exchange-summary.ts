/**
 * The one-line facts of an exchange, shared by the list row, the detail header and the timeline.
 */
import type { WebhookExchange } from '../../../../shared/webhook-types.ts';

/** The URL's path and query (the host is the same CRM for most rows), or the URL as is. */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/** `200 OK`, `502 Bad Gateway`, or what went wrong when no response came. */
export function statusText(exchange: WebhookExchange): string {
  const { response } = exchange;
  if (response) return `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return exchange.error ?? 'no response';
}

/** The verdict badge: `OK`, `OK · 2 warnings`, or the first error code. */
export function verdict(exchange: WebhookExchange): { ok: boolean; label: string } {
  if (!exchange.ok) return { ok: false, label: exchange.error ?? 'error' };
  const warnings = exchange.warnings.length;
  return {
    ok: true,
    label: warnings ? `OK · ${warnings} warning${warnings === 1 ? '' : 's'}` : 'OK',
  };
}
