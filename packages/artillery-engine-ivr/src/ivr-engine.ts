/**
 * The Artillery engine `ivr` (`engines: { ivr: {} }` in `config`, `engine: ivr` in a scenario):
 * each virtual user places one call through IVR Test Console's own engine and webhook client,
 * the caller pressing the scenario's `dtmf` keys or playing one of its `cases`, and reports each
 * webhook's latency and verdict as Artillery metrics (see call-metrics.ts).
 *
 * Artillery loads the engine in each of its workers, calls the async `init()` once (every ivr
 * scenario is read and its flow, environment and callers loaded there, so a mistake is reported
 * before a user arrives and no call is placed), then `createScenario` per scenario, whose
 * function runs one user.
 */
import { placeScriptedCall } from '../../../src/main/calls/scripted-call.ts';
import type { LoadCaller } from '../../../src/main/load/load-plan.ts';
import { emitCallMetrics } from './call-metrics.ts';
import type { MetricEvents } from './call-metrics.ts';
import { prepareScenario } from './prepare-scenario.ts';
import type { PreparedScenario } from './prepare-scenario.ts';
import { readScenarioSpec } from './scenario-spec.ts';
import { callerVariables } from '../../../src/main/load/load-plan.ts';

/** What Artillery hands an engine: the parsed script (with its own path) and its events. */
interface ArtilleryScript {
  scenarios?: Record<string, unknown>[];
  _scriptPath?: string;
}

/** The scenario events: `started` before a user's work, metrics, `error` codes. */
interface ScenarioEvents extends MetricEvents {
  emit(event: 'started'): unknown;
  emit(event: 'error', code: string): unknown;
  emit(event: 'counter' | 'histogram', name: string, value: number): unknown;
}

/** One virtual user: Artillery passes its context and wants the callback called once. */
type VirtualUser = (
  context: Record<string, unknown>,
  done: (error: Error | null, context: Record<string, unknown>) => void,
) => void;

/** The Artillery engine. Artillery constructs it as `new Engine(script, events, helpers)`. */
export default class IvrEngine {
  readonly #script: ArtilleryScript;
  readonly #prepared = new Map<object, Promise<PreparedScenario>>();
  /** Virtual users started in this worker: user i calls as caller i mod callers. */
  #users = 0;
  /** A crash's stack is printed once; every crash is counted. */
  #crashReported = false;
  /** The name Artillery loaded this engine under (`ivr`), which its scenarios give as `engine`. */
  __name?: string;

  constructor(script: ArtilleryScript) {
    this.#script = script;
  }

  /**
   * Reads and loads every ivr scenario before the first user arrives, and says what is wrong with
   * a bad one. It does not reject: Artillery 2 reports a worker's failed setup but still runs,
   * measures nothing and exits 0. Instead each user of that scenario fails, counted as
   * `errors.ivr.scenario_invalid`, which the summary shows and `ensure` can fail the run on.
   */
  async init(): Promise<void> {
    const scenarios = this.#script.scenarios ?? [];
    await Promise.all(
      scenarios
        .filter((spec) => spec['engine'] === (this.__name ?? 'ivr'))
        .map((spec) =>
          this.#prepare(spec, scenarios.indexOf(spec)).catch((error: unknown) => {
            console.error(`artillery-engine-ivr: ${describe(error)}`);
          }),
        ),
    );
  }

  /** The function that runs one virtual user of `spec`. */
  createScenario(spec: Record<string, unknown>, events: ScenarioEvents): VirtualUser {
    const scenarios = this.#script.scenarios ?? [];
    const prepared = this.#prepare(spec, Math.max(0, scenarios.indexOf(spec)));
    // A scenario that cannot run was reported by init(); each of its users fails below.
    prepared.catch(() => {});
    return (context, done) => {
      events.emit('started');
      const index = this.#users++;
      prepared.then(
        (scenario) =>
          this.#call(scenario, index, events).then(
            () => done(null, context),
            (error: unknown) => {
              if (!this.#crashReported) {
                this.#crashReported = true;
                console.error(`artillery-engine-ivr: a call crashed: ${describe(error, true)}`);
              }
              events.emit('error', 'ivr.call_crashed');
              done(asError(error), context);
            },
          ),
        (error: unknown) => {
          events.emit('error', 'ivr.scenario_invalid');
          done(asError(error), context);
        },
      );
    };
  }

  #prepare(spec: Record<string, unknown>, index: number): Promise<PreparedScenario> {
    let prepared = this.#prepared.get(spec);
    if (!prepared) {
      // Paths in a scenario are relative to the script, as Artillery's own payload paths are.
      const scriptPath = this.#script._scriptPath ?? `${process.cwd()}/script.yml`;
      prepared = Promise.resolve()
        .then(() => readScenarioSpec(spec, index))
        .then((read) => prepareScenario(read, scriptPath));
      this.#prepared.set(spec, prepared);
    }
    return prepared;
  }

  /** Places user `index`'s call and reports it; rejects only if the call itself crashed. */
  async #call(scenario: PreparedScenario, index: number, events: ScenarioEvents): Promise<void> {
    const caller = scenario.callers[index % scenario.callers.length] as LoadCaller;
    const client = scenario.clients.take();
    try {
      const running = placeScriptedCall({
        flow: scenario.flow,
        flowPath: scenario.flowPath,
        recordings: scenario.recordings,
        steps: caller.steps,
        ...(caller.source !== undefined ? { source: caller.source } : {}),
        ...(caller.destination !== undefined ? { destination: caller.destination } : {}),
        ...(caller.customer !== undefined ? { customer: caller.customer } : {}),
        ...(caller.projectid !== undefined ? { projectid: caller.projectid } : {}),
        variables: callerVariables(caller, scenario.variables),
        secrets: scenario.secrets,
        store: null,
        realtime: scenario.realtime,
        webhooks: client,
      });
      emitCallMetrics(events, await running.done);
    } finally {
      scenario.clients.give(client);
    }
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** The message, or with `stack` the stack, of anything thrown. */
function describe(error: unknown, stack = false): string {
  const e = asError(error);
  return stack ? (e.stack ?? e.message) : e.message;
}
