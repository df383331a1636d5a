/**
 * The softphone during a replay: the same display and keypad as a live call, driven by the log.
 * The keypad lights the recorded keys and takes no input (nothing is sent anywhere).
 */
import type { ReactElement } from 'react';
import type { Replay } from '../../state/use-replay.ts';
import { Keypad } from '../softphone/keypad.tsx';
import { PhoneDisplay } from '../softphone/phone-display.tsx';
import '../softphone/phone-display.css';
import '../softphone/keypad.css';
import '../softphone/softphone.css';
import { ReplayControls } from './replay-controls.tsx';
import './replay.css';

/** Props of {@link ReplayPhone}. */
export interface ReplayPhoneProps {
  replay: Replay;
  onClose(): void;
  /** The digits as shown (presenter mode masks PIN digits); default as typed. */
  digits?: string;
}

const ignore = (): void => undefined;

/** The replaying phone. */
export function ReplayPhone({ replay, onClose, digits }: ReplayPhoneProps): ReactElement | null {
  const { view } = replay;
  if (!view) return null;
  return (
    <section className="softphone softphone--replay" aria-label="Replay" data-testid="replay-phone">
      <ReplayControls replay={replay} onClose={onClose} />
      <PhoneDisplay
        view={view}
        clockMs={replay.clockMs}
        {...(digits === undefined ? {} : { digits })}
      />
      <div className="keypad-frame" inert>
        <Keypad onPress={ignore} litKey={replay.litKey} />
      </div>
    </section>
  );
}
