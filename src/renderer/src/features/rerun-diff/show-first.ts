/** Bringing the re-run diff's first divergence into view. */

const FIRST_SELECTOR = '[data-first-divergence="true"]';

/**
 * Scrolls the first divergence to the middle of the view's own scrolling body; `focus` also moves
 * keyboard focus to it. The body is scrolled by hand: `scrollIntoView` would also scroll every
 * ancestor, the console's fixed layout included.
 */
export function showFirst(root: HTMLElement | null, focus: boolean): void {
  const row = root?.querySelector<HTMLElement>(FIRST_SELECTOR);
  const body = root?.querySelector<HTMLElement>('.rerun-diff__body');
  if (!row || !body) return;
  if (body.scrollHeight > body.clientHeight) {
    const rowBox = row.getBoundingClientRect();
    const bodyBox = body.getBoundingClientRect();
    body.scrollTop +=
      rowBox.top - bodyBox.top - Math.max(0, (body.clientHeight - rowBox.height) / 2);
  } else if (typeof row.scrollIntoView === 'function') {
    // Mounted without a bounded height, the body does not scroll: let the page's container do it.
    row.scrollIntoView({ block: 'nearest' });
  }
  if (focus) row.focus({ preventScroll: true });
}
