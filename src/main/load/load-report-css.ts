/**
 * The HTML load report's style sheet, inlined in the page (its CSP allows inline styles and
 * nothing else). The console's light tokens (src/renderer/src/styles/tokens.css) and system fonts:
 * the report reads like the console and needs nothing from the network.
 */
export const LOAD_REPORT_CSS = `
:root {
  color-scheme: light;
  --bg: #eceff3; --surface: #ffffff; --surface-2: #f5f7fa; --text: #1b2430; --muted: #596578;
  --border: #d6dce4; --border-strong: #b9c2ce; --accent: #1f5f99; --ok: #17713f;
  --ok-soft: #dff3e7; --danger: #b42318; --danger-soft: #fde7e4; --warn: #8a5200;
  --mono: ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 14px; line-height: 1.45; color: var(--text); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; }
main { max-width: 1360px; margin: 0 auto; display: grid; gap: 16px; }
h1 { font-size: 1.35rem; margin: 0; }
h2 { font-size: 1.05rem; margin: 0 0 10px; }
.mono, code { font-family: var(--mono); font-size: 0.92em; }
.muted { color: var(--muted); }
.card {
  background: var(--surface); border: 1px solid var(--border); border-radius: 10px;
  padding: 16px 18px; box-shadow: 0 1px 2px rgb(16 24 40 / 6%); min-width: 0;
}
.head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 14px; }
.head p { margin: 0; }
.verdict { padding: 2px 10px; border-radius: 999px; font-weight: 600; font-size: 0.85rem; }
.verdict.pass { background: var(--ok-soft); color: var(--ok); }
.verdict.fail { background: var(--danger-soft); color: var(--danger); }
.facts { display: flex; flex-wrap: wrap; gap: 10px; margin: 0; }
.facts div { flex: 1 1 auto; background: var(--surface-2); border: 1px solid var(--border); border-radius: 8px; padding: 8px 12px; }
.facts dt { color: var(--muted); font-size: 0.8rem; }
.facts dd { margin: 2px 0 0; font-size: 1.05rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.facts dd small { font-weight: 400; color: var(--muted); font-size: 0.8rem; }
.setup { margin: 12px 0 0; display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 14px; }
.setup dt { color: var(--muted); }
.setup dd { margin: 0; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
thead th { font-size: 0.8rem; color: var(--muted); font-weight: 600; border-bottom-color: var(--border-strong); white-space: nowrap; }
tbody th { font-family: var(--mono); font-weight: 600; min-width: 14ch; max-width: 40ch; overflow-wrap: anywhere; }
.num { text-align: right; white-space: nowrap; }
.bad { color: var(--danger); font-weight: 600; }
.errors { margin: 0; padding: 0; list-style: none; }
.errors li { overflow-wrap: anywhere; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 12px; }
.chart { margin: 0; }
.chart svg { display: block; width: 100%; height: auto; }
.node-title { margin: 4px 0 8px; }
.crashes pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--surface-2); padding: 8px; border-radius: 6px; }
footer { color: var(--muted); font-size: 0.8rem; text-align: center; }
@media print { body { background: #fff; padding: 0; } .card { box-shadow: none; break-inside: avoid; } }
`;
