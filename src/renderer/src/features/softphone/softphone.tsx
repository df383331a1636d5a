/**
 * The softphone (surface 1): call set-up, the display, the keypad, Call and Hang up, and the
 * keyboard. Every key press sounds its DTMF tone first, then goes to the call if there is one;
 * with no call the key still sounds, like a real phone, and is sent nowhere.
 */
import { stopRecording } from '../../audio/recording-player.ts';
import { useCallback, useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import type { Environment, FlowEntry } from '../../../../shared/contract.ts';
import type { CallSession } from '../../state/use-call-session.ts';
import { HangUpIcon, PhoneIcon } from '../../ui/icons.tsx';
import { CallSetup } from './call-setup.tsx';
import type { CallSetupValues } from './call-setup.tsx';
import { playKeyTone } from './key-tones.ts';
import { Keypad } from './keypad.tsx';
import { PhoneDisplay } from './phone-display.tsx';
import { describeStartError } from './start-error.ts';
import { useKeyboardPhone } from './use-keyboard-phone.ts';
import { useLitKey } from './use-lit-key.ts';
import './phone-display.css';
import './keypad.css';
import './softphone.css';

/** Props of {@link Softphone}. */
export interface SoftphoneProps {
  session: CallSession;
  flows: FlowEntry[];
  environments: Environment[];
  /** What the next call is: kept by the console, so other screens can switch the flow. */
  setup: CallSetupValues;
  onSetupChange(values: CallSetupValues): void;
  /** False while something modal (the settings dialog) has the keyboard. */
  keyboardActive: boolean;
  /** Opens the Environments screen (an environment's secret is missing). */
  onOpenEnvironments?: () => void;
  /** The digits as shown, when not as typed (presenter mode masks PIN digits). */
  displayDigits?: string;
  /** A key pressed by autopilot, to light on the keypad. */
  litKeyOverride?: string | null;
}

/** Lets the user set up and place a call, press keys by click or keyboard, and hang up. */
export function Softphone({
  session,
  flows,
  environments,
  setup,
  onSetupChange,
  keyboardActive,
  onOpenEnvironments,
  displayDigits,
  litKeyOverride,
}: SoftphoneProps): ReactElement {
  const { view, start, sendKey, hangUp } = session;
  const [formError, setFormError] = useState<string | null>(null);
  const [litKey, light] = useLitKey();
  const inCall = view.phase === 'active' || view.phase === 'connecting';

  const press = useCallback(
    (key: string) => {
      // The tone first: it must be scheduled inside this very event handler. A key barges in on
      // a recorded prompt at once, here, rather than a round trip to main later.
      playKeyTone(key);
      stopRecording();
      sendKey(key);
      light(key);
    },
    [sendKey, light],
  );

  const placeCall = (): void => {
    if (inCall) return;
    const source = setup.source.trim();
    const destination = setup.destination.trim();
    if (!setup.flowPath) return setFormError('Pick a flow to call.');
    if (!source || !destination) return setFormError('Enter the caller and the called number.');
    setFormError(null);
    void start({ ...setup, source, destination });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    placeCall();
  };

  useKeyboardPhone({ onKey: press, onCall: placeCall, onHangUp: hangUp }, keyboardActive);

  const error = formError ?? (view.startError ? describeStartError(view.startError) : null);
  return (
    <form className="softphone" aria-label="Softphone" onSubmit={submit} noValidate>
      <CallSetup
        values={setup}
        onChange={onSetupChange}
        flows={flows}
        environments={environments}
        locked={inCall}
        {...(onOpenEnvironments ? { onOpenEnvironments } : {})}
      />
      <PhoneDisplay
        view={view}
        {...(displayDigits === undefined ? {} : { digits: displayDigits })}
      />
      <Keypad onPress={press} litKey={litKeyOverride ?? litKey} />
      <div className="call-buttons">
        <button type="submit" className="call-button call-button--call" disabled={inCall}>
          <PhoneIcon size={18} />
          Call
        </button>
        <button
          type="button"
          className="call-button call-button--hangup"
          disabled={view.phase !== 'active'}
          onClick={hangUp}
        >
          <HangUpIcon size={18} />
          Hang up
        </button>
      </div>
      {/* A refusal takes the keyboard line's place: the phone must keep fitting the window. */}
      {error ? (
        <p className="softphone__error" role="alert">
          {error}
        </p>
      ) : (
        <p className="softphone__hint">
          Keyboard: <kbd>0</kbd>–<kbd>9</kbd> <kbd>*</kbd> <kbd>#</kbd> dial · <kbd>Enter</kbd> call
          · <kbd>Esc</kbd> hang up
        </p>
      )}
    </form>
  );
}
