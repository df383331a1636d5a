/**
 * The replay transport: play/pause, step back and forward, speed, and a scrubber over every event
 * of the session. Keyboard: Space plays or pauses, arrow keys step (when the bar has focus).
 */
import type { KeyboardEvent, ReactElement } from 'react';
import { formatClock } from '../../lib/format-time.ts';
import { REPLAY_SPEEDS } from '../../state/replay-state.ts';
import {
  PauseIcon,
  PlayIcon,
  RestartIcon,
  StepBackIcon,
  StepForwardIcon,
} from '../../ui/icons.tsx';
import type { Replay } from '../../state/use-replay.ts';

/** Props of {@link ReplayControls}. */
export interface ReplayControlsProps {
  replay: Replay;
  /** Leaves replay (back to the live phone). */
  onClose(): void;
}

/** The transport bar. */
export function ReplayControls({ replay, onClose }: ReplayControlsProps): ReactElement | null {
  const { session, position, playing, speed } = replay;
  if (!session) return null;
  const total = session.events.length;
  const atEnd = position >= total;

  const keys = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) {
      return;
    }
    if (event.key === ' ') {
      event.preventDefault();
      if (playing) replay.pause();
      else replay.play();
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      replay.stepForward();
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault();
      replay.stepBack();
    }
  };

  return (
    <div
      className="replay-bar"
      role="toolbar"
      aria-label="Replay controls"
      data-testid="replay-controls"
      onKeyDown={keys}
    >
      <div className="replay-bar__head">
        <span className="replay-bar__badge">Replay</span>
        <span className="replay-bar__title" title={`Session ${session.id}`}>
          {session.flowName} · {session.source}
        </span>
        <button type="button" className="button button--small" onClick={onClose}>
          Live phone
        </button>
      </div>
      <div className="replay-bar__buttons">
        <button
          type="button"
          className="button replay-bar__step"
          onClick={replay.stepBack}
          disabled={position === 0}
          aria-label="Step back"
          title="Step back (←)"
        >
          <StepBackIcon />
        </button>
        <button
          type="button"
          className="button button--primary replay-bar__play"
          onClick={playing ? replay.pause : replay.play}
          aria-label={playing ? 'Pause' : atEnd ? 'Replay from the start' : 'Play'}
          data-testid="replay-play"
        >
          {playing ? <PauseIcon /> : atEnd ? <RestartIcon /> : <PlayIcon />}
          {playing ? 'Pause' : atEnd ? 'Again' : 'Play'}
        </button>
        <button
          type="button"
          className="button replay-bar__step"
          onClick={replay.stepForward}
          disabled={atEnd}
          aria-label="Step forward"
          title="Step forward (→)"
        >
          <StepForwardIcon />
        </button>
        <label className="replay-bar__speed">
          Speed
          <select
            value={speed}
            onChange={(event) => replay.setSpeed(Number(event.target.value))}
            data-testid="replay-speed"
          >
            {REPLAY_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}x
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="replay-bar__scrub">
        <span className="visually-hidden">Position in the call</span>
        <input
          type="range"
          min={0}
          max={total}
          value={position}
          onChange={(event) => replay.jumpTo(Number(event.target.value))}
          aria-valuetext={`event ${position} of ${total}`}
          data-testid="replay-scrubber"
        />
        <span className="replay-bar__count" data-testid="replay-position">
          {position} / {total}
        </span>
        <span className="replay-bar__clock" aria-label="Recorded call time">
          {formatClock(replay.clockMs)}
        </span>
      </label>
    </div>
  );
}
