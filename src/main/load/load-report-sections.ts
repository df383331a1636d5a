/**
 * The HTML load report's text sections: the summary of the run and the per-node table. Every
 * number is the `load --json` document's own, written as JSON writes it and marked with data
 * attributes (`data-field`, and `data-node` in the table) so a test, or a reader's script, finds
 * each one; every text from the flow or the CRM is escaped.
 */
import { escapeXml as esc } from '../../shared/load/chart-svg.ts';
import type { LoadJson } from '../../shared/load/load-types.ts';

/** What the report says of the run besides the JSON document. */
export interface ReportContext {
  flowPath: string;
  startedAt: number;
  realtime: boolean;
  callers: readonly string[];
  responseLimitMs: number;
  connectLimitMs: number;
}

/** A number as JSON writes it, marked with its field (and node): what a test compares. */
function num(value: number, field: string, node?: string): string {
  const at = node === undefined ? '' : ` data-node="${esc(node)}"`;
  return `<span${at} data-field="${esc(field)}">${String(value)}</span>`;
}

/** `4.2 s`, `1 min 12.3 s`: how long the run took, for people. */
function duration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${((ms - minutes * 60_000) / 1000).toFixed(1)} s`;
}

/** Webhook exchanges that failed, every node and code. */
export function webhookErrorCount(json: LoadJson): number {
  let errors = 0;
  for (const node of Object.values(json.webhooks)) {
    for (const n of Object.values(node.errors)) errors += n;
  }
  return errors;
}

/** `2026-11-29 01:48:39 UTC`. */
function utc(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The heading card: flow, verdict, the figures of the run and how it was set up. */
export function summarySection(json: LoadJson, context: ReportContext): string {
  const errors = webhookErrorCount(json);
  const passed = json.calls.completed === json.calls.total && errors === 0;
  const verdict = passed
    ? '<span class="verdict pass" data-field="verdict">every call completed, no webhook error</span>'
    : `<span class="verdict fail" data-field="verdict">${
        json.calls.completed < json.calls.total
          ? `${json.calls.total - json.calls.completed} calls not completed`
          : `${errors} webhook errors`
      }</span>`;
  const { outcomes } = json.calls;
  const model =
    json.rate !== undefined
      ? `<dt>Rate</dt><dd>${num(json.rate, 'rate')} <small>new calls / s (open model)</small></dd>`
      : `<dt>Concurrency</dt><dd>${num(json.concurrency ?? 0, 'concurrency')} <small>calls at once (closed model)</small></dd>`;
  const callers =
    context.callers.length === 0
      ? '<span class="muted">none given</span>'
      : context.callers.map((c) => `<code>${esc(c)}</code>`).join(', ');
  return `<section class="card" aria-labelledby="title">
<div class="head"><h1 id="title">Load report: <span class="mono" data-field="flow">${esc(json.flow)}</span></h1>${verdict}</div>
<dl class="setup">
<dt>Flow file</dt><dd class="mono">${esc(context.flowPath)}</dd>
<dt>Started</dt><dd>${esc(utc(context.startedAt))}</dd>
<dt>Clock</dt><dd>${context.realtime ? 'real time (callers take the time real callers take)' : 'virtual (webhooks back to back)'}</dd>
<dt>Callers</dt><dd>${callers}</dd>
<dt>Platform limits</dt><dd>connect ${num(context.connectLimitMs, 'connectLimitMs')} ms, response ${num(context.responseLimitMs, 'responseLimitMs')} ms</dd>
</dl>
</section>
<section class="card" aria-labelledby="figures-title">
<h2 id="figures-title">Run</h2>
<dl class="facts">
<div><dt>Calls completed</dt><dd>${num(json.calls.completed, 'calls.completed')} <small>of ${num(json.calls.total, 'calls.total')}</small></dd></div>
<div><dt>Outcomes</dt><dd>${num(outcomes.hangup, 'calls.outcomes.hangup')} <small>hang-up</small> · ${num(outcomes.transfer, 'calls.outcomes.transfer')} <small>transfer</small> · <span class="${outcomes.error > 0 ? 'bad' : ''}">${num(outcomes.error, 'calls.outcomes.error')}</span> <small>error</small></dd></div>
<div><dt>Duration</dt><dd>${esc(duration(json.durationMs))} <small>(${num(json.durationMs, 'durationMs')} ms)</small></dd></div>
<div><dt>Calls per second</dt><dd>${num(json.callsPerSecond, 'callsPerSecond')}</dd></div>
<div>${model}</div>
<div><dt>Webhook errors</dt><dd class="${errors > 0 ? 'bad' : ''}">${errors}</dd></div>
</dl>
</section>`;
}

const LATENCY_FIELDS = ['min', 'p50', 'p90', 'p99', 'max'] as const;

/** One row per webhook node: count, ok, latencies, over limit, errors by code. */
export function nodeTableSection(json: LoadJson): string {
  const nodes = Object.entries(json.webhooks);
  const body =
    nodes.length === 0
      ? '<p class="muted">No webhook was fired.</p>'
      : `<div class="table-wrap"><table>
<thead><tr><th scope="col">Node</th><th scope="col" class="num">Count</th><th scope="col" class="num">OK</th>${LATENCY_FIELDS.map((f) => `<th scope="col" class="num">${f} (ms)</th>`).join('')}<th scope="col" class="num">Over limit</th><th scope="col">Errors by code</th></tr></thead>
<tbody>
${nodes
  .map(([id, node]) => {
    const errors = Object.entries(node.errors);
    const errorList =
      errors.length === 0
        ? '<span class="muted">none</span>'
        : `<ul class="errors">${errors
            .map(
              ([code, n]) => `<li><code>${esc(code)}</code> ${num(n, `errors.${code}`, id)}</li>`,
            )
            .join('')}</ul>`;
    return `<tr data-node="${esc(id)}"><th scope="row">${esc(id)}</th><td class="num">${num(node.count, 'count', id)}</td><td class="num">${num(node.ok, 'ok', id)}</td>${LATENCY_FIELDS.map(
      (f) => `<td class="num">${num(node.latencyMs[f], f, id)}</td>`,
    ).join(
      '',
    )}<td class="num${node.overLimit > 0 ? ' bad' : ''}">${num(node.overLimit, 'overLimit', id)}</td><td>${errorList}</td></tr>`;
  })
  .join('\n')}
</tbody></table></div>`;
  return `<section class="card" aria-labelledby="nodes-title">
<h2 id="nodes-title">Webhooks per node</h2>
${body}
</section>`;
}
