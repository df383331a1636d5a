/**
 * The coverage page's style sheet, inlined (its CSP allows inline styles and nothing else). The
 * console's tokens and system fonts, light or dark as the reader's system prefers: the page needs
 * nothing from the network.
 */
export const COVERAGE_HTML_CSS = `
:root {
  color-scheme: light dark;
  --bg: #eceff3; --surface: #ffffff; --surface-2: #f5f7fa; --text: #1b2430; --muted: #596578;
  --border: #d6dce4; --border-strong: #b9c2ce; --accent: #1f5f99; --ok: #17713f;
  --ok-soft: #dff3e7; --danger: #b42318; --danger-soft: #fde7e4; --track: #e3e8ee;
  --mono: ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 14px; line-height: 1.45; color: var(--text); background: var(--bg);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #12161c; --surface: #1a2029; --surface-2: #212935; --text: #e4e9f0; --muted: #9aa6b6;
    --border: #2e3845; --border-strong: #3f4b5b; --accent: #7db4ea; --ok: #5fd08f;
    --ok-soft: #173626; --danger: #ff8a7d; --danger-soft: #3d1c19; --track: #2b3440;
  }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; }
main { max-width: 1360px; margin: 0 auto; display: grid; gap: 16px; }
h1 { font-size: 1.35rem; margin: 0; }
h2 { font-size: 1.15rem; margin: 0; overflow-wrap: anywhere; }
h3 { font-size: 0.95rem; margin: 18px 0 8px; }
p { margin: 4px 0 0; }
.mono, code { font-family: var(--mono); font-size: 0.92em; }
.muted { color: var(--muted); }
.card {
  background: var(--surface); border: 1px solid var(--border); border-radius: 10px;
  padding: 16px 18px; box-shadow: 0 1px 2px rgb(16 24 40 / 6%); min-width: 0;
}
.path { overflow-wrap: anywhere; }
.bars { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 10px 24px; margin-top: 14px; }
.bar-label { display: flex; justify-content: space-between; gap: 12px; font-weight: 600; }
.bar-label .figure { font-variant-numeric: tabular-nums; }
.bar { display: block; width: 100%; height: 12px; margin-top: 4px; }
.bar .track { fill: var(--track); }
.bar .fill { fill: var(--ok); }
.verdict { padding: 1px 8px; border-radius: 999px; font-weight: 600; font-size: 0.8rem; white-space: nowrap; }
.verdict.full { background: var(--ok-soft); color: var(--ok); }
.verdict.partial { background: var(--danger-soft); color: var(--danger); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: baseline; }
thead th { font-size: 0.8rem; color: var(--muted); font-weight: 600; border-bottom-color: var(--border-strong); white-space: nowrap; }
td.id, td.to { font-family: var(--mono); font-size: 0.92em; white-space: nowrap; }
td.label { overflow-wrap: anywhere; }
.num { text-align: right; white-space: nowrap; }
.state { white-space: nowrap; font-weight: 600; }
tr.taken .state { color: var(--ok); }
tr.untaken { background: var(--danger-soft); }
tr.untaken .state { color: var(--danger); }
tr.untaken td.num { color: var(--danger); font-weight: 600; }
.columns { display: grid; grid-template-columns: fit-content(45%) minmax(0, 1fr); gap: 0 28px; }
@media (max-width: 900px) { .columns { grid-template-columns: minmax(0, 1fr); } }
.drawing { margin: 14px 0 0; overflow-x: auto; }
.drawing svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.drawing figcaption { font-size: 0.8rem; text-align: center; margin-top: 4px; }
.flow-drawing text { font-family: var(--mono); font-size: 12px; text-anchor: middle; dominant-baseline: central; fill: var(--text); }
.flow-drawing .node rect { stroke-width: 1.5; }
.flow-drawing .node.taken rect { fill: var(--ok-soft); stroke: var(--ok); }
.flow-drawing .node.untaken rect { fill: var(--danger-soft); stroke: var(--danger); stroke-dasharray: 4 3; }
.flow-drawing .edge { fill: none; stroke-width: 1.6; }
.flow-drawing .edge.taken { stroke: var(--ok); }
.flow-drawing .edge.untaken { stroke: var(--danger); stroke-dasharray: 5 4; opacity: 0.85; }
.flow-drawing marker.taken path { fill: var(--ok); }
.flow-drawing marker.untaken path { fill: var(--danger); }
footer { color: var(--muted); font-size: 0.8rem; text-align: center; }
@media print { body { background: #fff; padding: 0; } .card { box-shadow: none; break-inside: avoid; } }
`;
