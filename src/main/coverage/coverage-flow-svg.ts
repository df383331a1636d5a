/**
 * A small drawing of a flow painted by coverage, for the coverage page: nodes in rows by their
 * distance from the start, each arrow one pair of nodes (the exits between them counted
 * together). Taken is solid, never taken dashed and marked ✗ in its tooltip, so the drawing does
 * not rely on colour alone. Inline SVG styled by the page's classes (light and dark alike).
 */
import { escapeXml as esc } from '../../shared/load/chart-svg.ts';
import type { CoverageReport, EdgeCoverage } from '../../shared/coverage/coverage-report.ts';

const BOX_H = 30;
const ROW_GAP = 46;
const COL_GAP = 22;
const MARGIN = 16;
/** About how wide a character of the 12 px monospace ids is. */
const CHAR_W = 7.4;

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  entered: boolean;
}

/** Node ids in depth-first order from `root`, and the exits that lead back to an ancestor. */
function depthFirst(
  root: string,
  next: ReadonlyMap<string, string[]>,
  seen: Set<string>,
): { order: string[]; back: Set<string> } {
  const order: string[] = [];
  const back = new Set<string>();
  const onPath = new Set<string>();
  // Iterative (a long chain must not overflow the stack): each frame a node and its next child.
  const stack: [string, number][] = [[root, 0]];
  seen.add(root);
  onPath.add(root);
  order.push(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as [string, number];
    const [id, child] = top;
    const targets = next.get(id) ?? [];
    if (child >= targets.length) {
      stack.pop();
      onPath.delete(id);
      continue;
    }
    top[1]++;
    const to = targets[child] as string;
    if (onPath.has(to)) back.add(`${id}\n${to}`);
    else if (!seen.has(to)) {
      seen.add(to);
      onPath.add(to);
      order.push(to);
      stack.push([to, 0]);
    }
  }
  return { order, back };
}

/**
 * Rows of node ids: each node one row below the lowest node leading to it, loops aside (the
 * longest way from the start), so the ends of a flow sit at the bottom.
 */
function rows(report: CoverageReport): string[][] {
  const ids = new Set(report.nodes.list.map((n) => n.id));
  const next = new Map<string, string[]>();
  for (const edge of report.edges.list) {
    if (edge.to !== null && ids.has(edge.to) && edge.to !== edge.from) {
      next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    }
  }
  // The report does not say which node starts the flow: the first no exit leads to is the start
  // of every sample; a flow whose start is looped back to falls back on its first node.
  const targets = new Set([...next.values()].flat());
  const listed = [...ids];
  const first = listed.find((id) => !targets.has(id)) ?? listed[0];
  const seen = new Set<string>();
  const order: string[] = [];
  const back = new Set<string>();
  for (const root of [first, ...listed]) {
    if (root === undefined || seen.has(root)) continue;
    const walk = depthFirst(root, next, seen);
    order.push(...walk.order);
    for (const edge of walk.back) back.add(edge);
  }
  // Longest path over the exits that do not loop back, in topological order (Kahn).
  const incoming = new Map(order.map((id) => [id, 0]));
  for (const [from, tos] of next) {
    for (const to of tos)
      if (!back.has(`${from}\n${to}`)) incoming.set(to, (incoming.get(to) ?? 0) + 1);
  }
  const depth = new Map(order.map((id) => [id, 0]));
  const ready = order.filter((id) => incoming.get(id) === 0);
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i] as string;
    for (const to of next.get(id) ?? []) {
      if (back.has(`${id}\n${to}`)) continue;
      depth.set(to, Math.max(depth.get(to) ?? 0, (depth.get(id) ?? 0) + 1));
      const left = (incoming.get(to) ?? 1) - 1;
      incoming.set(to, left);
      if (left === 0) ready.push(to);
    }
  }
  const result: string[][] = [];
  for (const id of order) (result[depth.get(id) ?? 0] ??= []).push(id);
  return result.filter((row) => row !== undefined);
}

/** The arrows: one per (from, to), taken when any of its exits was, with their labels. */
function arrows(
  edges: readonly EdgeCoverage[],
): { from: string; to: string; list: EdgeCoverage[] }[] {
  const byPair = new Map<string, { from: string; to: string; list: EdgeCoverage[] }>();
  for (const edge of edges) {
    if (edge.to === null) continue;
    const key = `${edge.from}\n${edge.to}`;
    const pair = byPair.get(key) ?? { from: edge.from, to: edge.to, list: [] };
    pair.list.push(edge);
    byPair.set(key, pair);
  }
  return [...byPair.values()];
}

/** The drawing of `report`'s flow, or '' for a flow without nodes. */
export function coverageFlowSvg(report: CoverageReport, index: number): string {
  const layout = rows(report);
  if (layout.length === 0) return '';
  const entered = new Map(report.nodes.list.map((n) => [n.id, n.count > 0]));
  const widthOf = (id: string): number => Math.max(70, id.length * CHAR_W + 20);
  const rowWidths = layout.map(
    (row) => row.reduce((sum, id) => sum + widthOf(id), 0) + COL_GAP * (row.length - 1),
  );
  const width = Math.max(...rowWidths) + 2 * MARGIN;
  const boxes = new Map<string, Box>();
  layout.forEach((row, r) => {
    let x = (width - (rowWidths[r] ?? 0)) / 2;
    for (const id of row) {
      const w = widthOf(id);
      boxes.set(id, {
        id,
        x,
        y: MARGIN + r * (BOX_H + ROW_GAP),
        w,
        entered: entered.get(id) ?? false,
      });
      x += w + COL_GAP;
    }
  });
  let right = width - MARGIN;
  let left = MARGIN;
  const height = MARGIN * 2 + layout.length * (BOX_H + ROW_GAP) - ROW_GAP;
  const marker = (kind: string): string =>
    `<marker id="arrow-${index}-${kind}" class="${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>`;
  const lines = arrows(report.edges.list).flatMap(({ from, to, list }) => {
    const a = boxes.get(from);
    const b = boxes.get(to);
    if (!a || !b) return [];
    const count = list.reduce((sum, e) => sum + e.count, 0);
    const kind = count > 0 ? 'taken' : 'untaken';
    let d: string;
    if (b.y > a.y + BOX_H + ROW_GAP) {
      // Down past rows between: out of the bottom, round the left of every box in between, into
      // the top, so it crosses no node and no neighbour's side.
      const between = [...boxes.values()].filter((box) => box.y > a.y && box.y < b.y);
      const clear = Math.min(a.x, b.x, ...between.map((box) => box.x)) - 18;
      const [x1, y1, x2, y2] = [a.x + a.w * 0.3, a.y + BOX_H, b.x + b.w * 0.3, b.y];
      // A cubic reaches 3/4 of the way to its control points: set them past the clearance.
      const bulge = Math.min(x1, x2) - (Math.min(x1, x2) - clear) / 0.75;
      left = Math.min(left, clear);
      d = `M${x1},${y1} C${bulge},${y1 + ROW_GAP} ${bulge},${y2 - ROW_GAP} ${x2},${y2}`;
    } else if (b.y > a.y) {
      const [x1, y1, x2, y2] = [a.x + a.w / 2, a.y + BOX_H, b.x + b.w / 2, b.y];
      const mid = (y1 + y2) / 2;
      d = `M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2}`;
    } else if (b.y === a.y && b !== a) {
      // Same row: straight across, between the facing sides.
      const [x1, x2] = b.x > a.x ? [a.x + a.w, b.x] : [a.x, b.x + b.w];
      d = `M${x1},${a.y + BOX_H / 2} L${x2},${b.y + BOX_H / 2}`;
    } else {
      // Back up (a loop): out of the bottom, round the right of every box on the way, into the
      // top of the node looped back to.
      const between = [...boxes.values()].filter((box) => box.y >= b.y && box.y <= a.y);
      const clear = Math.max(...between.map((box) => box.x + box.w)) + 18;
      const [x1, y1, x2, y2] = [a.x + a.w * 0.7, a.y + BOX_H, b.x + b.w * 0.7, b.y];
      const bulge = Math.max(x1, x2) + (clear - Math.max(x1, x2)) / 0.75;
      right = Math.max(right, clear);
      d = `M${x1},${y1} C${bulge},${y1 + ROW_GAP} ${bulge},${y2 - ROW_GAP} ${x2},${y2}`;
    }
    const title = list
      .map((e) => `${e.count > 0 ? '✓' : '✗'} ${e.from}: ${e.label} (${e.count}×)`)
      .join('\n');
    return [
      `<path class="edge ${kind}" d="${d}" marker-end="url(#arrow-${index}-${kind})"><title>${esc(title)}</title></path>`,
    ];
  });
  const nodes = [...boxes.values()].map(
    (box) =>
      `<g class="node ${box.entered ? 'taken' : 'untaken'}"><title>${esc(`${box.entered ? '✓' : '✗ never entered:'} ${box.id}`)}</title><rect x="${box.x.toFixed(1)}" y="${box.y}" width="${box.w.toFixed(1)}" height="${BOX_H}" rx="6"/><text x="${(box.x + box.w / 2).toFixed(1)}" y="${box.y + BOX_H / 2}">${esc(box.id)}</text></g>`,
  );
  const x0 = Math.floor(left - MARGIN);
  const drawn = Math.ceil(right + MARGIN) - x0;
  return `<svg class="flow-drawing" viewBox="${x0} 0 ${drawn} ${height}" width="${drawn}" role="img" aria-label="${esc(`Drawing of flow ${report.flow.id}: solid arrows taken, dashed never taken`)}">
<defs>${marker('taken')}${marker('untaken')}</defs>
${lines.join('\n')}
${nodes.join('\n')}
</svg>`;
}
