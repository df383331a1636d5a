/**
 * The call interpreter: walks a validated flow node by node, speaking prompts, collecting keys,
 * firing webhooks, and emitting every step as a `CallEvent`. It knows no wall clock,
 * network, speech engine or disk: all four are passed in, so a test or the CLI runs a whole call
 * in milliseconds on a virtual clock, and the desktop app runs it in real time.
 *
 * This file holds the public API and the loop; the I/O runtime is `call-runtime.ts`, each node
 * family's handler is in `nodes/`, and the contract types are in `call-types.ts`.
 */
import { randomUUID } from 'node:crypto';
import type { Flow } from '../../shared/flow/flow-schema.ts';
import type { VarMap, VarValue } from '../../shared/variables.ts';
import { isSystemVariable, isValidVariableName } from '../../shared/variables.ts';
import type { Ending } from './call-ending.ts';
import { CallerHungUp, errorEnding } from './call-ending.ts';
import { CallRuntime } from './call-runtime.ts';
import type { CallListener } from './call-runtime.ts';
import type { CallDependencies, CallOptions, CallResult } from './call-types.ts';
import { DTMF_KEYS } from './call-types.ts';
import { runNode } from './nodes/run-node.ts';
import { cloneVarMap } from './clone-vars.ts';

export type {
  CallDependencies,
  CallOptions,
  CallResult,
  EventSink,
  KeyWait,
  RecordingLengths,
  WebhookExecutor,
} from './call-types.ts';
export { DTMF_KEYS } from './call-types.ts';

const DEFAULT_MAX_STEPS = 10_000;

/**
 * One call through one flow. Create it, subscribe, `start()`; press keys and hang up at any
 * moment. `start()` resolves when the call has ended and its send-on-hang-up requests were sent.
 */
export class Call {
  readonly uuid: string;
  readonly flow: Flow;
  #options: CallOptions;
  #runtime: CallRuntime;
  #ended = false;
  #started = false;
  #path: string[] = [];

  constructor(flow: Flow, deps: CallDependencies, options: CallOptions) {
    this.flow = flow;
    this.#options = options;
    this.#runtime = new CallRuntime(flow, deps, options);
    this.uuid = options.uuid ?? randomUUID();
  }

  /** Subscribes to events; returns the unsubscribe function. */
  subscribe(listener: CallListener): () => void {
    return this.#runtime.subscribe(listener);
  }

  /** True once the call has ended. */
  get ended(): boolean {
    return this.#ended;
  }

  /** A copy of the current variables, secret values redacted. */
  get variables(): VarMap {
    return this.#runtime.redact({ variables: cloneVarMap(this.#runtime.vars) }).variables;
  }

  /**
   * The caller presses a key. Stops any prompt being spoken (barge-in); goes to the input node
   * waiting for it, or is buffered for the next one (type-ahead). False when the call is over or
   * the key is not a DTMF key.
   */
  pressKey(key: string): boolean {
    if (!this.#started || this.#ended || this.#runtime.hungUp || !DTMF_KEYS.test(key)) return false;
    this.#runtime.pressKey(key);
    return true;
  }

  /** The caller hangs up: speech stops, waiting stops, send-on-hang-up requests fire. */
  hangUp(): void {
    if (!this.#started || this.#ended || this.#runtime.hungUp) return;
    this.#runtime.hangUp();
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
    this.#runtime.apply({ [name]: value }, 'user', null);
  }

  /** Runs the call to its end. Call once. */
  async start(): Promise<CallResult> {
    if (this.#started) throw new Error('a call can only be started once');
    this.#started = true;
    const runtime = this.#runtime;
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
    runtime.begin({
      ...cloneVarMap(this.flow.variables ?? {}),
      ...cloneVarMap(presets),
      ...system,
    });
    runtime.emit({
      type: 'call_started',
      flowId: this.flow.id,
      flowName: this.flow.name,
      source: this.#options.source,
      destination: this.#options.destination,
      variables: cloneVarMap(runtime.vars),
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
          error: { node: runtime.currentNode, code: 'engine_error', message },
        };
      }
    }
    return this.#finish(ending);
  }

  async #walk(): Promise<Ending> {
    const runtime = this.#runtime;
    const maxSteps = this.#options.maxSteps ?? DEFAULT_MAX_STEPS;
    let id: string | null = this.flow.start;
    for (let step = 0; id !== null; step++) {
      runtime.alive();
      if (step >= maxSteps) {
        return errorEnding(id, 'loop_limit', `stopped after ${maxSteps} steps without an end`);
      }
      const node = this.flow.nodes[id];
      if (!node) return errorEnding(id, 'missing_node', `node "${id}" does not exist`);
      runtime.currentNode = id;
      this.#path.push(id);
      runtime.emit({ type: 'node_entered', node: id, nodeType: node.type });
      const next = await runNode(runtime, id, node);
      if (typeof next !== 'string') return next;
      id = next;
    }
    throw new Error('unreachable');
  }

  async #finish(ending: Ending): Promise<CallResult> {
    const runtime = this.#runtime;
    runtime.stopListening();
    // Send-on-hang-up requests fire once each, rendered with the variables at the end of the call.
    for (const id of runtime.onHangup) {
      const node = this.flow.nodes[id];
      if (node?.type === 'http') await runtime.fireWebhook(id, node, true);
    }
    const durationMs = runtime.elapsed();
    runtime.emit({
      type: 'call_ended',
      outcome: ending.outcome,
      endedBy: ending.endedBy,
      transferTarget: ending.transferTarget,
      error: ending.error,
      durationMs,
      variables: cloneVarMap(runtime.vars),
    });
    this.#ended = true;
    runtime.currentNode = null;
    return runtime.redact<CallResult>({
      uuid: this.uuid,
      flowId: this.flow.id,
      outcome: ending.outcome,
      endedBy: ending.endedBy,
      transferTarget: ending.transferTarget,
      error: ending.error,
      path: [...this.#path],
      variables: cloneVarMap(runtime.vars),
      spoken: [...runtime.spoken],
      webhooks: [...runtime.webhooks],
      warnings: [...runtime.warnings],
      durationMs,
    });
  }
}

/**
 * Random bytes for short ids, drawn from the OS in blocks: one `getRandomValues` per call cost a
 * fifth of a load run's CPU (ten thousand calls a second), one per 512 calls costs nothing.
 */
const idBytes = new Uint8Array(4096);
let idOffset = idBytes.length;

/** A short call id (`vccsys_shortid`): 8 base-36 characters. */
function shortId(): string {
  if (idOffset + 8 > idBytes.length) {
    crypto.getRandomValues(idBytes);
    idOffset = 0;
  }
  let id = '';
  for (let i = 0; i < 8; i++) id += ((idBytes[idOffset + i] as number) % 36).toString(36);
  idOffset += 8;
  return id;
}
