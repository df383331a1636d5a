/**
 * Everything that happens in a call, as events: emitted by the engine, written one row each by
 * the session log as they happen, streamed to the UI, and replayed later. Pure TypeScript.
 */
import type { VarMap, VarValue } from './variables.ts';
import type { WebhookExchange } from './webhook-types.ts';

/** How a call ended. `interrupted` is set by the store for a call whose process died mid-call. */
export type CallOutcome = 'hangup' | 'transfer' | 'error';

/** Who ended the call. */
export type EndedBy = 'flow' | 'caller';

// Still importable from here, where the UI and the store always found it; the list itself is
// in session-statuses.ts.
export type { SessionStatus } from './session-statuses.ts';

/** Why a prompt was spoken. */
export type PromptPurpose = 'say' | 'invalid' | 'readBack' | 'transfer' | 'hangup';

/** Why an input attempt failed. */
export type InputFailure = 'timeout' | 'too_short' | 'invalid_option';

/** Where a variable change came from. */
export type ChangeSource =
  'initial' | 'getDigits' | 'webhook' | 'setVariable' | 'queryData' | 'user';

/** One variable's change; `from` is absent when the variable was new. */
export interface VariableChange {
  name: string;
  from?: VarValue;
  to: VarValue;
}

/** The body of each event type (without the envelope fields). */
export type CallEventBody =
  | {
      type: 'call_started';
      flowId: string;
      flowName: string;
      source: string;
      destination: string;
      /** Every variable at the start: system, flow initial and preset ones. */
      variables: VarMap;
    }
  | { type: 'node_entered'; node: string; nodeType: string }
  | {
      type: 'prompt_started';
      node: string;
      /** What is said: the text spoken, or a recording's caption (`[audio <path>]` without one). */
      text: string;
      purpose: PromptPurpose;
      /** A recorded prompt being played (its path as the flow writes it), instead of speech. */
      audio?: string;
    }
  | {
      type: 'prompt_ended';
      node: string;
      /** True when a key press (barge-in) or hang-up cut the prompt short. */
      interrupted: boolean;
    }
  | {
      type: 'awaiting_input';
      node: string;
      mode: 'digits' | 'menu';
      attempt: number;
      timeoutMs: number;
    }
  | {
      type: 'key';
      key: string;
      /** The node active when the key was pressed (null between nodes). */
      node: string | null;
      /** True when it arrived while no input node was listening (type-ahead / barge-in). */
      buffered: boolean;
    }
  | { type: 'input_received'; node: string; value: string; variable?: string }
  | {
      type: 'input_failed';
      node: string;
      reason: InputFailure;
      attempt: number;
      value: string;
      willRetry: boolean;
    }
  | {
      type: 'variables_changed';
      node: string | null;
      source: ChangeSource;
      changes: VariableChange[];
    }
  | { type: 'webhook'; node: string; exchange: WebhookExchange }
  | { type: 'webhook_registered'; node: string }
  | { type: 'branch'; node: string; caseIndex: number | null; next: string }
  | { type: 'data_query'; node: string; dataset: string; found: boolean; rowIndex: number | null }
  | { type: 'warning'; node: string | null; code: string; message: string }
  | { type: 'transfer'; node: string; target: string }
  | { type: 'hangup'; by: EndedBy; node: string | null }
  | {
      type: 'call_ended';
      outcome: CallOutcome;
      endedBy: EndedBy;
      transferTarget: string | null;
      /** Why the call ended in `error`. */
      error: { node: string | null; code: string; message: string } | null;
      durationMs: number;
      variables: VarMap;
    };

/** The type names of call events. */
export type CallEventType = CallEventBody['type'];

/** A call event with its envelope: order within the call and time since the call started. */
export type CallEvent = CallEventBody & {
  /** 0-based order within the call. */
  seq: number;
  /** Milliseconds since the call started (virtual time on the virtual clock). */
  t: number;
};

/** The event of type `T`. */
export type CallEventOf<T extends CallEventType> = Extract<CallEvent, { type: T }>;
