/**
 * The pixel size of one em where the flow view draws, kept current: the layout sizes its boxes in
 * em, so presenter mode's larger type (a class on an ancestor, no event) must re-run the layout.
 */
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/** The app's base type size, used until the probe has been measured. */
const FALLBACK_EM = 14;

/** A ref for a 1em-square probe element, and the probe's current font size in pixels. */
export function useEmSize(): { probeRef: RefObject<HTMLSpanElement | null>; em: number } {
  const probeRef = useRef<HTMLSpanElement | null>(null);
  const [em, setEm] = useState(FALLBACK_EM);
  useEffect(() => {
    const probe = probeRef.current;
    if (probe === null || typeof ResizeObserver === 'undefined') return;
    // The probe is 1em wide, so a change of type size resizes it; the observer also reports once
    // when it starts observing, which gives the first measurement.
    const observer = new ResizeObserver(() => {
      const size = Number.parseFloat(getComputedStyle(probe).fontSize);
      if (Number.isFinite(size) && size > 0) setEm(size);
    });
    observer.observe(probe);
    return () => observer.disconnect();
  }, []);
  return { probeRef, em };
}
