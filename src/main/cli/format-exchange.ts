/**
 * One webhook exchange in full for people, as `send` prints it: the request as sent (secrets
 * redacted), the response as received, the verdict, timings and the variables it would set.
 */
import type { SentRequest } from '../../shared/contract.ts';
import { formatValue } from '../../shared/variables.ts';

const BODY_LINES = 40;

function indent(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const shown = lines.slice(0, BODY_LINES).map((line) => `    ${line}`);
  if (lines.length > BODY_LINES) shown.push(`    … ${lines.length - BODY_LINES} more lines`);
  return shown;
}

function ms(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : `${value.toFixed(1)} ms`;
}

/** The lines to print. */
export function formatExchange({ exchange: x, references }: SentRequest): string[] {
  const out: string[] = [];
  if (references.length > 0) {
    out.push(
      `values  ${references.map((r) => `${r.name}=${r.value === null ? '(undefined)' : r.value}`).join(', ')}`,
    );
  }
  out.push(`request  ${x.request.method} ${x.request.url}`);
  for (const [name, value] of x.request.headers) out.push(`  ${name}: ${value}`);
  if (x.request.body !== null) out.push('  body', ...indent(x.request.body));
  if (x.response) {
    out.push(`response ${x.response.status} ${x.response.statusText}`.trimEnd());
    for (const [name, value] of x.response.headers) out.push(`  ${name}: ${value}`);
    if (x.response.body !== '') {
      out.push(`  body${x.response.truncated ? ` (first ${x.response.bytesRead} bytes)` : ''}`);
      out.push(...indent(x.response.body));
    }
  } else {
    out.push('response none');
  }
  const t = x.timings;
  const parts = [
    `total ${ms(t.totalMs)}`,
    ms(t.connectMs) && `connect ${ms(t.connectMs)}`,
    ms(t.tlsMs) && `TLS ${ms(t.tlsMs)}`,
    ms(t.ttfbMs) && `first byte ${ms(t.ttfbMs)}`,
  ].filter(Boolean);
  out.push(`timings  ${parts.join(', ')}`);
  for (const w of x.warnings) {
    out.push(`warning  ${w.code}${w.key ? ` ${w.key}` : ''}${w.detail ? `: ${w.detail}` : ''}`);
  }
  for (const v of x.violations) {
    out.push(`error    ${v.code}${v.key ? ` ${v.key}` : ''}: ${v.detail}`);
  }
  const set = Object.entries(x.variablesSet);
  if (set.length > 0) {
    out.push(`sets     ${set.map(([k, v]) => `${k}=${formatValue(v)}`).join(', ')}`);
  }
  out.push(x.ok ? 'verdict  ok' : `verdict  ${x.error}`);
  out.push(`curl     ${x.curl}`);
  return out;
}
