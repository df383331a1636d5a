/**
 * The I/O side of one call: the key buffer and the wait for a key, the prompt being spoken, the
 * variables, the event stream (numbered, timed, redacted) and what the result collects. Node
 * handlers see it through {@link EngineContext}; the `Call` API drives the rest.
 */
import type {
  CallEvent,
  CallEventBody,
  ChangeSource,
  PromptPurpose,
  VariableChange,
} from '../../shared/call-events.ts';
import type { Flow, HttpNode } from '../../shared/flow/flow-schema.ts';
import { toPointer } from '../../shared/json-pointer.ts';
import { isSecretReference, renderTemplate, SECRET_PREFIX } from '../../shared/flow/template.ts';
import type { VarMap } from '../../shared/variables.ts';
import { formatValue, isSystemVariable, readPath } from '../../shared/variables.ts';
import type { WebhookExchange } from '../../shared/webhook-types.ts';
import { CallerHungUp } from './call-ending.ts';
import type { CallDependencies, CallOptions, KeyWait } from './call-types.ts';
import { sleep, type TimerHandle } from './clock.ts';
import { recordedPrompt } from './recorded-prompt.ts';
import type { EngineContext, NodeField } from './engine-context.ts';
import { createSecretRedactor, type SecretRedactor } from './redact-secrets.ts';
import { setOwn } from './set-own.ts';
import { cloneVarMap, cloneVarValue } from './clone-vars.ts';

/** Receives every event of a call as it happens. */
export type CallListener = (event: CallEvent) => void;

/** The state and I/O of one call, shared by the interpreter and the node handlers. */
export class CallRuntime implements EngineContext {
  readonly flow: Flow;
  /** The node being run, named in key and hang-up events and in an engine error. */
  currentNode: string | null = null;
  /** Prompts spoken, in order, for the result. */
  readonly spoken: string[] = [];
  /** Webhook exchanges, in order, for the result. */
  readonly webhooks: WebhookExchange[] = [];
  /** Step warnings as `/pointer: message`, for the result. */
  readonly warnings: string[] = [];
  /** `http` nodes to send once the call has ended, each once, in first-registered order. */
  readonly onHangup: string[] = [];
  #deps: CallDependencies;
  #options: CallOptions;
  #redactor: SecretRedactor;
  #vars: VarMap = {};
  #seq = 0;
  #startedAt = 0;
  #listeners = new Set<CallListener>();
  #buffer: string[] = [];
  #waiter: ((key: string | null) => void) | null = null;
  #speech: AbortController | null = null;
  #hungUp = false;

  constructor(flow: Flow, deps: CallDependencies, options: CallOptions) {
    this.flow = flow;
    this.#deps = deps;
    this.#options = options;
    this.#redactor = createSecretRedactor(options.secrets ?? {});
  }

  get vars(): Readonly<VarMap> {
    return this.#vars;
  }

  /** True once the caller has hung up. */
  get hungUp(): boolean {
    return this.#hungUp;
  }

  /** Starts the call's clock and sets its first variables. */
  begin(vars: VarMap): void {
    this.#startedAt = this.#deps.clock.now();
    this.#vars = vars;
  }

  /** Milliseconds since {@link begin}, on the call's clock. */
  elapsed(): number {
    return this.#deps.clock.now() - this.#startedAt;
  }

  subscribe(listener: CallListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** `value` with every secret value replaced, however deep. */
  redact<T>(value: T): T {
    return this.#redactor.tree(value);
  }

  redactText(text: string): string {
    return this.#redactor.text(text);
  }

  /** A key press: barges in on the prompt; goes to the waiting input, or to the buffer. */
  pressKey(key: string): void {
    const waiter = this.#waiter;
    this.emit({ type: 'key', key, node: this.currentNode, buffered: waiter === null });
    this.#speech?.abort();
    if (waiter) {
      this.#waiter = null;
      waiter(key);
    } else {
      this.#buffer.push(key);
    }
  }

  /** The caller hangs up: speech stops and a wait for a key ends with no key. */
  hangUp(): void {
    this.#hungUp = true;
    this.emit({ type: 'hangup', by: 'caller', node: this.currentNode });
    this.#speech?.abort();
    const waiter = this.#waiter;
    this.#waiter = null;
    waiter?.(null);
  }

  /** Drops buffered keys and any wait: the call is ending. */
  stopListening(): void {
    this.#waiter = null;
    this.#buffer = [];
  }

  alive(): void {
    if (this.#hungUp) throw new CallerHungUp();
  }

  render(node: string, template: string, field: NodeField): string {
    const { text, missing } = renderTemplate(template, (path) =>
      isSecretReference(path) ? undefined : readPath(this.#vars, path),
    );
    for (const path of missing) {
      const what = isSecretReference(path)
        ? `secret \${${path}} cannot be used here (secrets go only in an http node's url, headers or body)`
        : `undefined variable \${${path}}`;
      this.warn(node, 'undefined_variable', `${what}, rendered empty`, field);
    }
    return text;
  }

  async say(
    node: string,
    template: string | undefined,
    purpose: PromptPurpose,
    field: NodeField,
    audio?: string,
  ): Promise<void> {
    const text = template === undefined ? undefined : this.render(node, template, field);
    if (audio !== undefined) await this.playRecording(node, audio, text, purpose);
    else if (text !== undefined) await this.speak(node, text, purpose);
  }

  /** Plays `audio` for its length on the clock; the console sounds it from `prompt_started`. */
  async playRecording(
    node: string,
    audio: string,
    caption: string | undefined,
    purpose: PromptPurpose,
  ): Promise<void> {
    const prompt = recordedPrompt(this.#deps.recordings, audio, caption);
    if (prompt.kind === 'play') {
      const play = (signal: AbortSignal) => sleep(this.#deps.clock, prompt.lengthMs, signal);
      return this.#prompt(node, prompt.text, purpose, audio, play);
    }
    this.warn(node, 'audio_unavailable', prompt.warning, ['audio']);
    if (prompt.speak !== undefined) await this.speak(node, prompt.speak, purpose);
  }

  async speak(node: string, text: string, purpose: PromptPurpose): Promise<void> {
    if (text.trim() === '') return this.alive();
    await this.#prompt(node, text, purpose, undefined, (signal) =>
      this.#deps.speaker.speak(text, { signal, locale: this.flow.locale }),
    );
  }

  /**
   * One prompt, spoken or recorded: announced, `play`ed until done or cut short (a key press or
   * hang-up aborts its signal), ended. A buffered key barges in before it even starts
   * (type-ahead). A failing speech engine is a warning: the call goes on with captions.
   */
  async #prompt(
    node: string,
    text: string,
    purpose: PromptPurpose,
    audio: string | undefined,
    play: (signal: AbortSignal) => Promise<unknown>,
  ): Promise<void> {
    this.alive();
    if (this.#buffer.length > 0) return;
    const playing = new AbortController();
    this.#speech = playing;
    this.spoken.push(text);
    this.emit({ type: 'prompt_started', node, text, purpose, ...(audio ? { audio } : {}) });
    try {
      await play(playing.signal);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.warn(node, 'speech_failed', `speech failed: ${reason}`, []);
    } finally {
      this.#speech = null;
    }
    this.emit({ type: 'prompt_ended', node, interrupted: playing.signal.aborted });
    this.alive();
  }

  async nextKey(timeoutMs: number, wait: KeyWait): Promise<string | null> {
    this.alive();
    const buffered = this.#buffer.shift();
    if (buffered !== undefined) return buffered;
    const key = await new Promise<string | null>((resolve) => {
      let timer: TimerHandle | null = null;
      this.#waiter = (pressed) => {
        if (timer) this.#deps.clock.clearTimer(timer);
        resolve(pressed);
      };
      timer = this.#deps.clock.setTimer(timeoutMs, () => {
        timer = null;
        this.#waiter = null;
        resolve(null);
      });
      this.#options.onWaitingForKey?.(wait);
    });
    this.alive();
    return key;
  }

  apply(values: VarMap, source: ChangeSource, node: string | null): void {
    const changes: VariableChange[] = [];
    for (const [name, to] of Object.entries(values)) {
      if (isSystemVariable(name)) continue;
      const from = Object.hasOwn(this.#vars, name) ? this.#vars[name] : undefined;
      if (from !== undefined && formatValue(from) === formatValue(to) && typeof from === typeof to)
        continue;
      changes.push(from === undefined ? { name, to } : { name, from, to });
    }
    if (changes.length === 0) return;
    for (const change of changes) setOwn(this.#vars, change.name, cloneVarValue(change.to));
    this.emit({ type: 'variables_changed', node, source, changes });
  }

  async fireWebhook(id: string, node: HttpNode, onHangup: boolean): Promise<WebhookExchange> {
    const { exchange, missing } = await this.#deps.webhooks.execute({
      nodeId: id,
      node,
      variables: cloneVarMap(this.#vars),
      ...(this.#options.secrets ? { secrets: this.#options.secrets } : {}),
      onHangup,
    });
    for (const path of missing) {
      const what = isSecretReference(path)
        ? `secret "${path.slice(SECRET_PREFIX.length)}" is not set`
        : `undefined variable \${${path}}`;
      this.warn(id, 'undefined_variable', `${what}, rendered empty`, []);
    }
    this.webhooks.push(exchange);
    this.emit({ type: 'webhook', node: id, exchange });
    return exchange;
  }

  sendOnHangup(id: string): void {
    if (!this.onHangup.includes(id)) this.onHangup.push(id);
  }

  warn(node: string | null, code: string, message: string, field: NodeField): void {
    const where = node === null ? '' : `${toPointer(['nodes', node, ...field])}: `;
    this.warnings.push(`${where}${message}`);
    this.emit({ type: 'warning', node, code, message });
  }

  /**
   * The one way out of the engine for what happens in a call: the session log, the UI, the CLI
   * and exports all see the event redacted, whatever path a secret value took into it.
   */
  emit(body: CallEventBody): void {
    // Nobody to see it (a load run's call): only its number is kept, in step.
    if (!this.#deps.sink && this.#listeners.size === 0) return void this.#seq++;
    const event = this.#redactor.tree({
      ...body,
      seq: this.#seq++,
      t: this.#deps.clock.now() - this.#startedAt,
    } as CallEvent);
    try {
      this.#deps.sink?.record(event);
    } catch (error) {
      // The log failing must not drop the call; say so to whoever listens.
      const message = error instanceof Error ? error.message : String(error);
      this.warnings.push(`session log: ${message}`);
    }
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener must not break the call or the other listeners.
      }
    }
  }
}
