/**
 * Keeps the viewport on what matters: the whole flow when a (new) layout arrives, the current node
 * each time the call moves on, the node the user picked (its request open under the graph, which
 * makes the pane smaller). Rendered inside `<ReactFlow>` because it needs the flow instance.
 */
import { useReactFlow, useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { FlowLayout } from './flow-layout-types.ts';

/** Props of {@link FollowCurrentNode}. */
export interface FollowCurrentNodeProps {
  layout: FlowLayout;
  currentNode: string | null;
  /** A node picked between calls: kept in the middle of the pane, whatever its size. */
  pickedNode?: string | null;
  /**
   * Never fit a new layout smaller than this zoom: a tall flow then opens at its top, readable,
   * and is scrolled, instead of shrunk into unreadable boxes (the flow painted by coverage, whose
   * counts are the point). Absent: the whole flow is always fitted.
   */
  readableZoom?: number;
}

/** Short enough not to lag behind a fast call or a 4x replay. */
const DURATION_MS = 300;
/** When following a call, zoom in at least this far so the current node is readable. */
const FOLLOW_MIN_ZOOM = 0.8;
/** Room kept around the whole flow when it is fitted into view, as a share of the view. */
export const FIT_PADDING = 0.1;

// Ready once the pane has a size and can pan: the target comes from the layout, so this need not
// wait for xyflow to measure the nodes (with controlled nodes and no onNodesChange, its own
// "nodes initialized" flag never turns true).
const paneReady = (s: ReactFlowState): boolean => s.width > 0 && s.height > 0 && s.panZoom !== null;
const paneSize = (s: ReactFlowState): string => `${s.width}x${s.height}`;
const paneWidth = (s: ReactFlowState): number => s.width;
const paneHeight = (s: ReactFlowState): number => s.height;

function animationMs(): number {
  const reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  return reduce ? 0 : DURATION_MS;
}

/** Renders nothing; moves the viewport. */
export function FollowCurrentNode({
  layout,
  currentNode,
  pickedNode = null,
  readableZoom,
}: FollowCurrentNodeProps): null {
  const { setCenter, fitBounds, getZoom, setViewport } = useReactFlow();
  const ready = useStore(paneReady);
  const size = useStore(paneSize);
  const width = useStore(paneWidth);
  const height = useStore(paneHeight);
  // What the viewport last moved for: re-renders (the path growing, nodes re-measured) must not
  // undo the user's own pan and zoom, only a new layout or a new current node may.
  const last = useRef<FollowCurrentNodeProps | null>(null);

  useEffect(() => {
    if (!ready) return;
    const before = last.current;
    if (before?.layout === layout && before.currentNode === currentNode) return;
    last.current = { layout, currentNode };
    const target = layout.nodes.find((n) => n.id === currentNode);
    // The first move places the view as it appears: nothing to animate from.
    const duration = before === null ? 0 : animationMs();
    if (target !== undefined) {
      void setCenter(target.x + target.width / 2, target.y + target.height / 2, {
        zoom: Math.max(getZoom(), FOLLOW_MIN_ZOOM),
        duration,
      });
    } else if (before?.layout !== layout) {
      // A new flow (or a reload, or presenter mode's bigger boxes): show all of it. The call
      // ending (no current node) leaves the viewport where it is, on the last node. The layout's
      // bounds, not the nodes': an edge routed around the boxes, and its label, stay in view.
      const bounds = { x: 0, y: 0, width: layout.width, height: layout.height };
      const fitZoom = Math.min(
        width / (layout.width * (1 + 2 * FIT_PADDING)),
        height / (layout.height * (1 + 2 * FIT_PADDING)),
      );
      if (readableZoom !== undefined && fitZoom < readableZoom) {
        // Its top at a readable size, centred across when it fits across, else from its left.
        const margin = height * FIT_PADDING * 0.5;
        const across = layout.width * readableZoom;
        const x = across <= width ? (width - across) / 2 : margin;
        void setViewport({ x, y: margin, zoom: readableZoom }, { duration });
      } else {
        void fitBounds(bounds, { padding: FIT_PADDING, duration });
      }
    }
  }, [
    ready,
    layout,
    currentNode,
    setCenter,
    fitBounds,
    getZoom,
    setViewport,
    width,
    height,
    readableZoom,
  ]);

  // The picked node, centred again when the pane changes size (the request panel opening).
  useEffect(() => {
    if (!ready || pickedNode === null) return;
    const target = layout.nodes.find((n) => n.id === pickedNode);
    if (target === undefined) return;
    void setCenter(target.x + target.width / 2, target.y + target.height / 2, {
      zoom: Math.max(getZoom(), FOLLOW_MIN_ZOOM),
      duration: animationMs(),
    });
  }, [ready, size, layout, pickedNode, setCenter, getZoom]);

  return null;
}
