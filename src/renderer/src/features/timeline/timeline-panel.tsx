/**
 * The timeline (surface 4): the path through the flow, then every event of the call in order with
 * its time since the call started. A webhook line opens that exchange in the inspector.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ReactElement } from 'react';
import type { CallEvent } from '../../../../shared/call-events.ts';
import { formatOffset } from '../../lib/format-time.ts';
import type { CallView } from '../../state/call-view.ts';
import { describeEvent } from './describe-event.ts';
import { FlowPath } from './flow-path.tsx';
import { TryTheSamples } from './try-the-samples.tsx';
import { useStickToBottom } from './use-stick-to-bottom.ts';
import './timeline.css';

/** A replay's whole session on the timeline: events still to come are shown dimmed. */
export interface TimelineReplay {
  events: readonly CallEvent[];
  /** Events applied so far; the one before it is the current event. */
  position: number;
  /** Moves the replay to just after event `index` (0-based). */
  onJump(position: number): void;
}

/** Props of {@link TimelinePanel}. */
export interface TimelinePanelProps {
  view: CallView;
  onOpenExchange(seq: number): void;
  /** Set during a replay: every event is listed and any of them can be jumped to. */
  replay?: TimelineReplay | null;
}

/** Lists the call's events with times under its path; a webhook line opens it in the inspector. */
export function TimelinePanel({ view, onOpenExchange, replay }: TimelinePanelProps): ReactElement {
  const events = replay ? replay.events : view.events;
  const lines = useMemo(
    () => events.map((event) => ({ event, line: describeEvent(event) })),
    [events],
  );
  const { ref, onScroll } = useStickToBottom<HTMLOListElement>(replay ? 0 : lines.length);
  const position = replay?.position ?? lines.length;
  // During a replay the current event stays in sight as it moves.
  const current = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    if (replay) current.current?.scrollIntoView({ block: 'nearest' });
  }, [replay, position]);

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
        {lines.map(({ event, line }, index) => (
          <li
            key={event.seq}
            ref={replay && index === position - 1 ? current : undefined}
            className={`tl tl--${line.kind}${line.quiet ? ' tl--quiet' : ''}${line.alert ? ' tl--alert' : ''}${index >= position ? ' tl--future' : ''}${replay && index === position - 1 ? ' is-current' : ''}`}
            data-type={event.type}
            aria-current={replay && index === position - 1 ? 'step' : undefined}
          >
            {replay ? (
              <button
                type="button"
                className="tl__time tl__jump"
                onClick={() => replay.onJump(index + 1)}
                title="Jump the replay to this event"
                data-testid="timeline-jump"
              >
                {formatOffset(event.t)}
              </button>
            ) : (
              <time className="tl__time">{formatOffset(event.t)}</time>
            )}
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
