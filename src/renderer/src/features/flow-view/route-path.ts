/** SVG path data for an edge through the bends dagre routed it along. */

/** To a tenth of a pixel: enough for the eye, and the same text for the same layout. */
export const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * A smooth SVG path through dagre's points: straight to the first bend, a quadratic curve around
 * each bend (through the midpoints between bends), straight into the target so the arrowhead
 * points along the last leg.
 */
export function routePath(points: readonly { x: number; y: number }[]): string {
  const [first, ...rest] = points;
  if (first === undefined) return '';
  const parts = [`M ${round(first.x)} ${round(first.y)}`];
  for (let i = 0; i < rest.length - 1; i++) {
    const bend = rest[i] as { x: number; y: number };
    const after = rest[i + 1] as { x: number; y: number };
    const midX = (bend.x + after.x) / 2;
    const midY = (bend.y + after.y) / 2;
    parts.push(`Q ${round(bend.x)} ${round(bend.y)} ${round(midX)} ${round(midY)}`);
  }
  const last = rest[rest.length - 1];
  if (last !== undefined) parts.push(`L ${round(last.x)} ${round(last.y)}`);
  return parts.join(' ');
}
