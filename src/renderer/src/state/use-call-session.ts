/**
 * The current call for React: the pure reducer, fed by the console's event stream, plus the
 * actions that drive the call through the contract (start, key, hang up, edit a variable).
 */
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import type { ChannelInput } from '../../../shared/contract.ts';
import type { Scalar } from '../../../shared/variables.ts';
import { call, getApi } from '../api/ivr-api.ts';
import type { CallView } from './call-view.ts';
import { callReducer, INITIAL_CALL_VIEW } from './call-state.ts';

/** The call and what can be done to it. */
export interface CallSession {
  view: CallView;
  /** Places a call; a refusal lands in `view.startError`. */
  start(input: ChannelInput<'call.start'>): Promise<void>;
  /** Sends a key to the active call, if any. Resolves once main has it. */
  sendKey(key: string): void;
  hangUp(): void;
  /** Sets a user variable mid-call; rejects with the reason when refused. */
  setVariable(name: string, value: Scalar): Promise<void>;
}

/** Subscribes to call events for the lifetime of the component. */
export function useCallSession(): CallSession {
  const [view, dispatch] = useReducer(callReducer, INITIAL_CALL_VIEW);
  // Handlers read the latest view through a ref so they stay stable (keyboard listeners). A layout
  // effect: the ref is current before the browser paints, so before any press on what it shows.
  const viewRef = useRef(view);
  useLayoutEffect(() => {
    viewRef.current = view;
  }, [view]);

  useEffect(() => {
    const api = getApi();
    if (!api) return undefined;
    return api.subscribe((event) => {
      if (event.kind === 'call') {
        dispatch({ type: 'event', callId: event.callId, event: event.event, now: Date.now() });
      } else if (event.kind === 'speech') {
        dispatch({ type: 'speech', callId: event.callId, state: event.state });
      }
    });
  }, []);

  // Events lost while the event stream reconnected: catch up from the call's own record.
  const { missedEvents, callId } = view;
  useEffect(() => {
    if (!missedEvents || !callId) return;
    call('call.snapshot', { callId }).then(
      (snapshot) =>
        dispatch({ type: 'snapshot', callId, events: snapshot.events, now: Date.now() }),
      () => undefined,
    );
  }, [missedEvents, callId]);

  const start = useCallback(async (input: ChannelInput<'call.start'>) => {
    const phase = viewRef.current.phase;
    if (phase === 'connecting' || phase === 'active') return;
    dispatch({ type: 'start_requested' });
    try {
      const { callId, sessionId } = await call('call.start', input);
      dispatch({ type: 'start_succeeded', callId, sessionId, now: Date.now() });
    } catch (error) {
      dispatch({ type: 'start_failed', message: (error as Error).message });
    }
  }, []);

  // Keys and hang-up go out one at a time, in the order pressed: requests sent side by side can
  // overtake each other (browser mode opens several connections), and `12345#` must not arrive
  // as `12354#`, nor a hang-up before the last digit.
  const outbox = useRef<Promise<unknown>>(Promise.resolve());
  const send = useCallback((request: () => Promise<unknown>) => {
    // A key that arrives as the call ends is refused by main; nothing to tell the user.
    outbox.current = outbox.current.then(request).catch(() => undefined);
  }, []);

  const sendKey = useCallback(
    (key: string) => {
      const { phase, callId } = viewRef.current;
      if (phase !== 'active' || !callId) return;
      send(() => call('call.pressKey', { callId, key }));
    },
    [send],
  );

  const hangUp = useCallback(() => {
    const { phase, callId } = viewRef.current;
    if (phase !== 'active' || !callId) return;
    send(() => call('call.hangUp', { callId }));
  }, [send]);

  const setVariable = useCallback(async (name: string, value: Scalar) => {
    const { phase, callId } = viewRef.current;
    if (phase !== 'active' || !callId) throw new Error('the call has ended');
    await call('call.setVariable', { callId, name, value });
  }, []);

  return { view, start, sendKey, hangUp, setVariable };
}
