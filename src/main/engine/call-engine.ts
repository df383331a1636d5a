/**
 * The call interpreter: walks a validated flow node by node, speaking prompts, collecting keys,
 * firing webhooks, and emitting every step as a {@link CallEvent}. It knows no wall clock,
 * network, speech engine or disk: all four are passed in, so a test or the CLI runs a whole call
 * in milliseconds on a virtual clock, and the desktop app runs it in real time.
 */
import { randomUUID } from 'node:crypto';
import type {
  CallEvent,
  CallEventBody,
  CallOutcome,
  ChangeSource,
  EndedBy,
  InputFailure,
  PromptPurpose,
  VariableChange,
} from '../../shared/call-events.ts';
import type { Flow, FlowNode, HttpNode, NodeOf } from '../../shared/flow/flow-schema.ts';
import { toPointer } from '../../shared/flow/json-pointer.ts';
import { isSecretReference, renderTemplate, SECRET_PREFIX } from '../../shared/flow/template.ts';
import type { VarMap, VarValue } from '../../shared/variables.ts';
import {
  formatValue,
  isSystemVariable,
  isValidVariableName,
  readPath,
} from '../../shared/variables.ts';
import type { WebhookExchange } from '../../shared/webhook-types.ts';
import type { Clock, TimerHandle } from './clock.ts';
import { evaluateCondition } from './conditions.ts';
import type { SecretRedactor } from './redact-secrets.ts';
import { createSecretRedactor } from './redact-secrets.ts';
import { sayAs } from './say-as.ts';
import type { Speaker } from './speaker.ts';

/** The webhook capability the engine needs (the webhook client provides it). */
export interface WebhookExecutor {
  execute(input: {
    nodeId: string;
    node: HttpNode;
    variables: VarMap;
    secrets?: Readonly<Record<string, string>>;
    onHangup?: boolean;
  }): Promise<{ exchange: WebhookExchange; missing: string[] }>;
}

/** Receives every event as it happens (the session log). Must not throw; if it does, the call goes on. */
export interface EventSink {
  record(event: CallEvent): void;
}

/** What the engine is given. */
export interface CallDependencies {
  clock: Clock;
  speaker: Speaker;
  webhooks: WebhookExecutor;
  sink?: EventSink;
}

/** Where the engine is waiting for a key, told to a scripted caller (the CLI's `--dtmf`). */
export interface KeyWait {
  node: string;
  mode: 'digits' | 'menu';
  /** Digits collected so far in this attempt. */
  collected: string;
  attempt: number;
}

/** How to place the call. */
export interface CallOptions {
  source: string;
  destination: string;
  customer?: string;
  projectid?: string;
  /** The call's id (system variable `uuid`); a fresh v4 UUID when absent. */
  uuid?: string;
  /** User variables preset before the flow's own (`--var`): they win over the flow's `variables`. */
  variables?: VarMap;
  /**
   * Values for `${secret.name}`, rendered only into an `http` node's request; every occurrence of
   * one in an event or the result (an echo from the CRM included) is `[redacted]`.
   */
  secrets?: Readonly<Record<string, string>>;
  /** Safety net against loops that never wait for the caller. */
  maxSteps?: number;
  /** Called each time the engine starts waiting for a key with none buffered. */
  onWaitingForKey?: (wait: KeyWait) => void;
}

/** What a finished call returns. */
export interface CallResult {
  uuid: string;
  flowId: string;
  outcome: CallOutcome;
  endedBy: EndedBy;
  transferTarget: string | null;
  error: { node: string | null; code: string; message: string } | null;
  path: string[];
  variables: VarMap;
  spoken: string[];
  webhooks: WebhookExchange[];
  /** Step warnings, e.g. undefined variable references (`/nodes/auth/url: …`). */
  warnings: string[];
  durationMs: number;
}

/** DTMF keys a caller can press (the 16 of ITU-T Q.23). */
export const DTMF_KEYS = /^[0-9*#A-D]$/;

const DEFAULT_MAX_STEPS = 10_000;

/** Thrown inside the run loop when the caller has hung up: unwinds to the end-of-call handling. */
class CallerHungUp extends Error {
  constructor() {
    super('caller hung up');
  }
}

/** Where the flow ends. */
interface Ending {
  outcome: CallOutcome;
  endedBy: EndedBy;
  transferTarget: string | null;
  error: CallResult['error'];
}

type Listener = (event: CallEvent) => void;

/**
 * One call through one flow. Create it, subscribe, `start()`; press keys and hang up at any
 * moment. `start()` resolves when the call has ended and its send-on-hang-up requests were sent.
 */
export class Call {
  readonly uuid: string;
  readonly flow: Flow;
  #deps: CallDependencies;
  #options: CallOptions;
  #vars: VarMap = {};
  #seq = 0;
  #startedAt = 0;
  #listeners = new Set<Listener>();
  #buffer: string[] = [];
  #waiter: ((key: string | null) => void) | null = null;
  #speech: AbortController | null = null;
  #currentNode: string | null = null;
  #hungUp = false;
  #ended = false;
  #started = false;
  #path: string[] = [];
  #spoken: string[] = [];
  #webhooks: WebhookExchange[] = [];
  #warnings: string[] = [];
  #onHangup: string[] = [];
  #redactor: SecretRedactor;

  constructor(flow: Flow, deps: CallDependencies, options: CallOptions) {
    this.flow = flow;
    this.#deps = deps;
    this.#options = options;
    this.#redactor = createSecretRedactor(options.secrets ?? {});
    this.uuid = options.uuid ?? randomUUID();
  }

  /** Subscribes to events; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** True once the call has ended. */
  get ended(): boolean {
    return this.#ended;
  }

  /** A copy of the current variables, secret values redacted. */
  get variables(): VarMap {
    return this.#redactor.tree({ variables: structuredClone(this.#vars) }).variables;
  }

  /**
   * The caller presses a key. Stops any prompt being spoken (barge-in); goes to the input node
   * waiting for it, or is buffered for the next one (type-ahead). False when the call is over or
   * the key is not a DTMF key.
   */
  pressKey(key: string): boolean {
    if (!this.#started || this.#ended || this.#hungUp || !DTMF_KEYS.test(key)) return false;
    const waiter = this.#waiter;
    this.#emit({ type: 'key', key, node: this.#currentNode, buffered: waiter === null });
    this.#speech?.abort();
    if (waiter) {
      this.#waiter = null;
      waiter(key);
    } else {
      this.#buffer.push(key);
    }
    return true;
  }

  /** The caller hangs up: speech stops, waiting stops, send-on-hang-up requests fire. */
  hangUp(): void {
    if (!this.#started || this.#ended || this.#hungUp) return;
    this.#hungUp = true;
    this.#emit({ type: 'hangup', by: 'caller', node: this.#currentNode });
    this.#speech?.abort();
    const waiter = this.#waiter;
    this.#waiter = null;
    waiter?.(null);
  }

  /**
   * Sets a user variable mid-call (the variables panel). Refuses system variables and invalid
   * names with an error that says why.
   */
  setUserVariable(name: string, value: VarValue): void {
    if (!isValidVariableName(name)) throw new Error(`invalid variable name "${name}"`);
    if (isSystemVariable(name))
      throw new Error(`"${name}" is a system variable and cannot be changed`);
    if (this.#ended) throw new Error('the call has ended');
    this.#apply({ [name]: value }, 'user', null);
  }

  /** Runs the call to its end. Call once. */
  async start(): Promise<CallResult> {
    if (this.#started) throw new Error('a call can only be started once');
    this.#started = true;
    this.#startedAt = this.#deps.clock.now();
    const system: VarMap = {
      customer: this.#options.customer ?? 'demo',
      projectid: this.#options.projectid ?? 'demo',
      source: this.#options.source,
      destination: this.#options.destination,
      uuid: this.uuid,
      vccsys_shortid: shortId(),
    };
    const presets = Object.fromEntries(
      Object.entries(this.#options.variables ?? {}).filter(([name]) => !isSystemVariable(name)),
    );
    this.#vars = {
      ...structuredClone(this.flow.variables),
      ...structuredClone(presets),
      ...system,
    };
    this.#emit({
      type: 'call_started',
      flowId: this.flow.id,
      flowName: this.flow.name,
      source: this.#options.source,
      destination: this.#options.destination,
      variables: structuredClone(this.#vars),
    });
    let ending: Ending;
    try {
      ending = await this.#walk();
    } catch (error) {
      if (error instanceof CallerHungUp) {
        ending = { outcome: 'hangup', endedBy: 'caller', transferTarget: null, error: null };
      } else {
        const message = error instanceof Error ? error.message : String(error);
        ending = {
          outcome: 'error',
          endedBy: 'flow',
          transferTarget: null,
          error: { node: this.#currentNode, code: 'engine_error', message },
        };
      }
    }
    return this.#finish(ending);
  }

  async #walk(): Promise<Ending> {
    const maxSteps = this.#options.maxSteps ?? DEFAULT_MAX_STEPS;
    let id: string | null = this.flow.start;
    for (let step = 0; id !== null; step++) {
      this.#alive();
      if (step >= maxSteps) {
        return this.#errorEnding(
          id,
          'loop_limit',
          `stopped after ${maxSteps} steps without an end`,
        );
      }
      const node = this.flow.nodes[id];
      if (!node) return this.#errorEnding(id, 'missing_node', `node "${id}" does not exist`);
      this.#currentNode = id;
      this.#path.push(id);
      this.#emit({ type: 'node_entered', node: id, nodeType: node.type });
      const next: string | Ending = await this.#step(id, node);
      if (typeof next !== 'string') return next;
      id = next;
    }
    throw new Error('unreachable');
  }

  /** Runs one node; returns the next node id, or how the call ends. */
  async #step(id: string, node: FlowNode): Promise<string | Ending> {
    switch (node.type) {
      case 'play':
        await this.#say(id, node.say, 'say', ['say']);
        return node.next;
      case 'getDigits':
        return this.#getDigits(id, node);
      case 'menu':
        return this.#menu(id, node);
      case 'http':
        return this.#http(id, node);
      case 'setVariable': {
        const values: VarMap = {};
        for (const [name, template] of Object.entries(node.assign)) {
          setOwn(values, name, this.#render(id, template, ['assign', name]));
        }
        this.#apply(values, 'setVariable', id);
        return node.next;
      }
      case 'queryData':
        return this.#queryData(id, node);
      case 'branch': {
        const index = node.cases.findIndex((c) => evaluateCondition(c.if, this.#vars));
        const next = index === -1 ? node.default : (node.cases[index]?.next ?? node.default);
        this.#emit({ type: 'branch', node: id, caseIndex: index === -1 ? null : index, next });
        return next;
      }
      case 'readBack': {
        const raw = this.#render(id, node.value, ['value']);
        // A value holding a secret (a CRM's echo) read as digits or a number would be spelt out
        // in a form redaction cannot recognise: it is read as the redacted text instead.
        const shown = this.#redactor.text(raw);
        const said =
          shown === raw
            ? sayAs(raw, node.sayAs, this.flow.locale, node.currency)
            : { text: shown, problem: null };
        if (said.problem) this.#warn(id, 'say_as', `${said.problem}; read as text`, ['value']);
        const intro = node.say === undefined ? '' : this.#render(id, node.say, ['say']);
        await this.#speak(id, [intro, said.text].filter((s) => s !== '').join(' '), 'readBack');
        return node.next;
      }
      case 'transfer': {
        if (node.say !== undefined) await this.#say(id, node.say, 'transfer', ['say']);
        const target = this.#render(id, node.target, ['target']);
        this.#emit({ type: 'transfer', node: id, target });
        return { outcome: 'transfer', endedBy: 'flow', transferTarget: target, error: null };
      }
      case 'hangup':
        if (node.say !== undefined) await this.#say(id, node.say, 'hangup', ['say']);
        this.#emit({ type: 'hangup', by: 'flow', node: id });
        return { outcome: 'hangup', endedBy: 'flow', transferTarget: null, error: null };
    }
  }

  async #getDigits(id: string, node: NodeOf<'getDigits'>): Promise<string | Ending> {
    const attempts = node.retries + 1;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (node.say !== undefined) await this.#say(id, node.say, 'say', ['say']);
      this.#emit({
        type: 'awaiting_input',
        node: id,
        mode: 'digits',
        attempt,
        timeoutMs: node.timeoutMs,
      });
      let digits = '';
      for (;;) {
        const timeout = digits === '' ? node.timeoutMs : node.interDigitTimeoutMs;
        const key = await this.#nextKey(timeout, {
          node: id,
          mode: 'digits',
          collected: digits,
          attempt,
        });
        if (key === null || key === node.terminator) break;
        digits += key;
        if (digits.length >= node.maxDigits) break;
      }
      if (digits.length >= node.minDigits) {
        this.#emit({ type: 'input_received', node: id, value: digits, variable: node.variable });
        this.#apply({ [node.variable]: digits }, 'getDigits', id);
        return node.next;
      }
      const reason: InputFailure = digits === '' ? 'timeout' : 'too_short';
      const failed = await this.#failedAttempt(
        id,
        node.invalidSay,
        reason,
        attempt,
        attempts,
        digits,
      );
      if (failed) break;
    }
    // Out of attempts.
    return node.onFail ?? this.#silentHangup(id);
  }

  async #menu(id: string, node: NodeOf<'menu'>): Promise<string | Ending> {
    const attempts = node.retries + 1;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await this.#say(id, node.say, 'say', ['say']);
      this.#emit({
        type: 'awaiting_input',
        node: id,
        mode: 'menu',
        attempt,
        timeoutMs: node.timeoutMs,
      });
      const key = await this.#nextKey(node.timeoutMs, {
        node: id,
        mode: 'menu',
        collected: '',
        attempt,
      });
      const target = key === null ? undefined : node.options[key];
      if (key !== null && target !== undefined) {
        this.#emit({ type: 'input_received', node: id, value: key });
        return target;
      }
      const reason: InputFailure = key === null ? 'timeout' : 'invalid_option';
      const failed = await this.#failedAttempt(
        id,
        node.invalidSay,
        reason,
        attempt,
        attempts,
        key ?? '',
      );
      if (failed) break;
    }
    // Out of attempts.
    return node.onFail ?? this.#silentHangup(id);
  }

  /** Logs a failed attempt and speaks `invalidSay`; true when no attempt is left. */
  async #failedAttempt(
    id: string,
    invalidSay: string | undefined,
    reason: InputFailure,
    attempt: number,
    attempts: number,
    value: string,
  ): Promise<boolean> {
    const willRetry = attempt < attempts;
    this.#emit({ type: 'input_failed', node: id, reason, attempt, value, willRetry });
    if (invalidSay !== undefined) await this.#say(id, invalidSay, 'invalid', ['invalidSay']);
    return !willRetry;
  }

  /** An input node out of attempts with no `onFail`: the platform disconnects. */
  #silentHangup(id: string): Ending {
    this.#emit({ type: 'hangup', by: 'flow', node: id });
    return { outcome: 'hangup', endedBy: 'flow', transferTarget: null, error: null };
  }

  async #http(id: string, node: HttpNode): Promise<string | Ending> {
    if (node.sendOnHangup) {
      if (!this.#onHangup.includes(id)) this.#onHangup.push(id);
      this.#emit({ type: 'webhook_registered', node: id });
      return node.next;
    }
    const exchange = await this.#fire(id, node, false);
    this.#alive();
    if (exchange.ok) {
      this.#apply(exchange.variablesSet, 'webhook', id);
      return node.next;
    }
    if (node.onError !== undefined) return node.onError;
    const first = exchange.violations[0];
    return this.#errorEnding(
      id,
      exchange.error ?? 'network_error',
      first?.detail ?? 'webhook failed',
    );
  }

  async #fire(id: string, node: HttpNode, onHangup: boolean): Promise<WebhookExchange> {
    const { exchange, missing } = await this.#deps.webhooks.execute({
      nodeId: id,
      node,
      variables: structuredClone(this.#vars),
      ...(this.#options.secrets ? { secrets: this.#options.secrets } : {}),
      onHangup,
    });
    for (const path of missing) {
      const what = isSecretReference(path)
        ? `secret "${path.slice(SECRET_PREFIX.length)}" is not set`
        : `undefined variable \${${path}}`;
      this.#warn(id, 'undefined_variable', `${what}, rendered empty`, []);
    }
    this.#webhooks.push(exchange);
    this.#emit({ type: 'webhook', node: id, exchange });
    return exchange;
  }

  #queryData(id: string, node: NodeOf<'queryData'>): string {
    const rows = this.flow.datasets[node.dataset] ?? [];
    const wanted = Object.entries(node.match).map(
      ([field, template]) => [field, this.#render(id, template, ['match', field])] as const,
    );
    const rowIndex = rows.findIndex((row) =>
      wanted.every(([field, value]) => row[field] !== undefined && String(row[field]) === value),
    );
    const row = rows[rowIndex];
    this.#emit({
      type: 'data_query',
      node: id,
      dataset: node.dataset,
      found: row !== undefined,
      rowIndex: row ? rowIndex : null,
    });
    if (!row) return node.onNotFound ?? node.next;
    const values: VarMap = {};
    for (const [name, field] of Object.entries(node.assign)) {
      const value = row[field];
      if (value === undefined)
        this.#warn(id, 'missing_field', `row ${rowIndex} has no field "${field}"`, [
          'assign',
          name,
        ]);
      else setOwn(values, name, value);
    }
    this.#apply(values, 'queryData', id);
    return node.next;
  }

  /**
   * Renders a template of a node that is not a request (prompts, assignments, read-backs,
   * transfer targets) against the current variables; undefined references become warnings. A
   * `${secret.x}` here renders empty, never as the value: the validator refuses it, and a flow
   * that skipped validation must not speak, store or log a secret either.
   */
  #render(node: string, template: string, field: (string | number)[]): string {
    const { text, missing } = renderTemplate(template, (path) =>
      isSecretReference(path) ? undefined : readPath(this.#vars, path),
    );
    for (const path of missing) {
      const what = isSecretReference(path)
        ? `secret \${${path}} cannot be used here (secrets go only in an http node's url, headers or body)`
        : `undefined variable \${${path}}`;
      this.#warn(node, 'undefined_variable', `${what}, rendered empty`, field);
    }
    return text;
  }

  async #say(
    node: string,
    template: string,
    purpose: PromptPurpose,
    field: (string | number)[],
  ): Promise<void> {
    await this.#speak(node, this.#render(node, template, field), purpose);
  }

  /**
   * Speaks a prompt unless the caller already typed ahead (a buffered key barges in before the
   * prompt starts). A key press or hang-up cuts it short.
   */
  async #speak(node: string, text: string, purpose: PromptPurpose): Promise<void> {
    this.#alive();
    if (text.trim() === '' || this.#buffer.length > 0) return;
    const speech = new AbortController();
    this.#speech = speech;
    this.#spoken.push(text);
    this.#emit({ type: 'prompt_started', node, text, purpose });
    try {
      await this.#deps.speaker.speak(text, { signal: speech.signal, locale: this.flow.locale });
    } catch (error) {
      this.#warn(
        node,
        'speech_failed',
        `speech failed: ${error instanceof Error ? error.message : String(error)}`,
        [],
      );
    } finally {
      this.#speech = null;
    }
    this.#emit({ type: 'prompt_ended', node, interrupted: speech.signal.aborted });
    this.#alive();
  }

  /** The next key: a buffered one at once, else the first pressed within `timeoutMs`, else null. */
  async #nextKey(timeoutMs: number, wait: KeyWait): Promise<string | null> {
    this.#alive();
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
    this.#alive();
    return key;
  }

  /** Applies variables atomically as one change event; system variables are never touched. */
  #apply(values: VarMap, source: ChangeSource, node: string | null): void {
    const changes: VariableChange[] = [];
    for (const [name, to] of Object.entries(values)) {
      if (isSystemVariable(name)) continue;
      const from = Object.hasOwn(this.#vars, name) ? this.#vars[name] : undefined;
      if (from !== undefined && formatValue(from) === formatValue(to) && typeof from === typeof to)
        continue;
      changes.push(from === undefined ? { name, to } : { name, from, to });
    }
    if (changes.length === 0) return;
    for (const change of changes) setOwn(this.#vars, change.name, structuredClone(change.to));
    this.#emit({ type: 'variables_changed', node, source, changes });
  }

  #warn(node: string | null, code: string, message: string, field: (string | number)[]): void {
    const where = node === null ? '' : `${toPointer(['nodes', node, ...field])}: `;
    this.#warnings.push(`${where}${message}`);
    this.#emit({ type: 'warning', node, code, message });
  }

  #errorEnding(node: string, code: string, message: string): Ending {
    return {
      outcome: 'error',
      endedBy: 'flow',
      transferTarget: null,
      error: { node, code, message },
    };
  }

  /** Throws {@link CallerHungUp} once the caller has hung up. */
  #alive(): void {
    if (this.#hungUp) throw new CallerHungUp();
  }

  async #finish(ending: Ending): Promise<CallResult> {
    this.#waiter = null;
    this.#buffer = [];
    // Send-on-hang-up requests fire once each, rendered with the variables at the end of the call.
    for (const id of this.#onHangup) {
      const node = this.flow.nodes[id];
      if (node?.type === 'http') await this.#fire(id, node, true);
    }
    const durationMs = this.#deps.clock.now() - this.#startedAt;
    this.#emit({
      type: 'call_ended',
      outcome: ending.outcome,
      endedBy: ending.endedBy,
      transferTarget: ending.transferTarget,
      error: ending.error,
      durationMs,
      variables: structuredClone(this.#vars),
    });
    this.#ended = true;
    this.#currentNode = null;
    return this.#redactor.tree<CallResult>({
      uuid: this.uuid,
      flowId: this.flow.id,
      outcome: ending.outcome,
      endedBy: ending.endedBy,
      transferTarget: ending.transferTarget,
      error: ending.error,
      path: [...this.#path],
      variables: structuredClone(this.#vars),
      spoken: [...this.#spoken],
      webhooks: [...this.#webhooks],
      warnings: [...this.#warnings],
      durationMs,
    });
  }

  /**
   * The one way out of the engine for what happens in a call: the session log, the UI, the CLI
   * and exports all see the event redacted, whatever path a secret value took into it.
   */
  #emit(body: CallEventBody): void {
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
      this.#warnings.push(`session log: ${message}`);
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

/**
 * Sets an own property. `__proto__` is a valid variable name on the platform, and a plain
 * assignment of it would replace the object's prototype instead of storing a variable.
 */
function setOwn(target: VarMap, name: string, value: VarValue): void {
  Object.defineProperty(target, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A short call id (`vccsys_shortid`): 8 base-36 characters. */
function shortId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}
