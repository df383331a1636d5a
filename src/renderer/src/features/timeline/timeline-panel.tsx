/**
 * The timeline (surface 4): the path through the flow, then every event of the call in order with
 * its time since the call started. A webhook line opens that exchange in the inspector.
 */
import { useMemo } from 'react';
import type { ReactElement } from 'react';
import { formatOffset } from '../../lib/format-time.ts';
import type { CallView } from '../../state/call-state.ts';
import { describeEvent } from './describe-event.ts';
import { FlowPath } from './flow-path.tsx';
import { TryTheSamples } from './try-the-samples.tsx';
import { useStickToBottom } from './use-stick-to-bottom.ts';
import './timeline.css';

/** Props of {@link TimelinePanel}. */
export interface TimelinePanelProps {
  view: CallView;
  onOpenExchange(seq: number): void;
}

/** The panel. */
export function TimelinePanel({ view, onOpenExchange }: TimelinePanelProps): ReactElement {
  const lines = useMemo(
    () => view.events.map((event) => ({ event, line: describeEvent(event) })),
    [view.events],
  );
  const { ref, onScroll } = useStickToBottom<HTMLOListElement>(lines.length);

  if (lines.length === 0) {
    return (
      <div className="empty">
        <p className="empty__title">No events yet</p>
        <p>
          Every step of the call lands here with its time: prompts, keys, webhooks, variable
          changes, branches taken, transfers and hang-ups, under the path through the flow.
        </p>
        <TryTheSamples />
      </div>
    );
  }

  return (
    <div className="timeline">
      <FlowPath path={view.path} live={view.phase === 'active'} />
      <ol
        className="timeline__list"
        aria-label="Call events"
        ref={ref}
        onScroll={onScroll}
        tabIndex={0}
        data-testid="timeline"
      >
        {lines.map(({ event, line }) => (
          <li
            key={event.seq}
            className={`tl tl--${line.kind}${line.quiet ? ' tl--quiet' : ''}${line.alert ? ' tl--alert' : ''}`}
            data-type={event.type}
          >
            <time className="tl__time">{formatOffset(event.t)}</time>
            <span className="tl__label">{line.label}</span>
            {event.type === 'webhook' ? (
              <button
                type="button"
                className="tl__text tl__link"
                onClick={() => onOpenExchange(event.seq)}
                title="Open in the webhook inspector"
              >
                {line.text}
              </button>
            ) : (
              <span className="tl__text">{line.text}</span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
