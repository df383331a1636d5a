/**
 * The narrow view of a running call that node handlers get: read the flow and the variables,
 * speak, wait for keys, change variables, fire webhooks, report. Handlers never see the key buffer,
 * the listeners or the clock, so a handler can be read (and replaced) without the runtime.
 */
import type { CallEventBody, ChangeSource, PromptPurpose } from '../../shared/call-events.ts';
import type { Flow, HttpNode } from '../../shared/flow/flow-schema.ts';
import type { VarMap } from '../../shared/variables.ts';
import type { WebhookExchange } from '../../shared/webhook-types.ts';
import type { KeyWait } from './call-types.ts';

/** A field of a node, as JSON Pointer segments below `/nodes/<id>` (`['assign', 'pin']`). */
export type NodeField = (string | number)[];

/** What a node handler may do during a call. */
export interface EngineContext {
  readonly flow: Flow;
  /** The live variables: read them here, change them only through {@link EngineContext.apply}. */
  readonly vars: Readonly<VarMap>;
  /** Records an event (redacted) for the session log and listeners. */
  emit(body: CallEventBody): void;
  /** A step warning, kept in the result as `/nodes/<node>/<field>: message`. */
  warn(node: string | null, code: string, message: string, field: NodeField): void;
  /**
   * Renders a template of a node that is not a request against the current variables; undefined
   * references become warnings, and a `${secret.x}` renders empty.
   */
  render(node: string, template: string, field: NodeField): string;
  /**
   * Renders `template` and speaks it; with `audio`, plays that recording instead, the rendered
   * template as its caption.
   */
  say(
    node: string,
    template: string | undefined,
    purpose: PromptPurpose,
    field: NodeField,
    audio?: string,
  ): Promise<void>;
  /** Speaks `text` unless a key is already buffered; a key press or hang-up cuts it short. */
  speak(node: string, text: string, purpose: PromptPurpose): Promise<void>;
  /** The next key: a buffered one at once, else the first pressed within `timeoutMs`, else null. */
  nextKey(timeoutMs: number, wait: KeyWait): Promise<string | null>;
  /** Applies variables atomically as one change event; system variables are never touched. */
  apply(values: VarMap, source: ChangeSource, node: string | null): void;
  /** Sends an `http` node's request now and records the exchange. */
  fireWebhook(id: string, node: HttpNode, onHangup: boolean): Promise<WebhookExchange>;
  /** Registers an `http` node to fire once after the call has ended. */
  sendOnHangup(id: string): void;
  /** `text` with every secret value replaced by `[redacted]`. */
  redactText(text: string): string;
  /** Throws once the caller has hung up, so the interpreter unwinds to the end of the call. */
  alive(): void;
}
