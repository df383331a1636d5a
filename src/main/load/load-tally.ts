/**
 * Counting a load run. Each worker keeps a {@link TallyRecorder} and sends what it counted since
 * its last report (a delta, so the coordinator only adds); the coordinator's {@link TallyMerger}
 * adds the deltas of every worker into the run's figures, its timeline and its JSON.
 */
import type { CallResult } from '../engine/call-types.ts';
import { isOverLimit } from './over-limit.ts';
import type { WebhookExchange } from '../../shared/webhook-types.ts';
import { LatencyHistogram } from '../../shared/load/latency-histogram.ts';
import type { LoadSecond, LoadTally, NodeFigures } from '../../shared/load/load-types.ts';

/** At most this many crash messages are kept: one bug repeats itself in every call. */
const MAX_CRASHES = 5;

interface NodeCounts {
  count: number;
  ok: number;
  errors: Record<string, number>;
  overLimit: number;
  latency: LatencyHistogram;
}

interface SecondCounts {
  completed: number;
  failed: number;
  nodes: Map<string, { latency: LatencyHistogram; errors: Record<string, number> }>;
}

function addCount(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [code, n] of Object.entries(from)) into[code] = (into[code] ?? 0) + n;
}

/** Per-node counts and a per-second timeline, added to call by call or delta by delta. */
class Counts {
  started = 0;
  completed = 0;
  outcomes = { hangup: 0, transfer: 0, error: 0 };
  crashes: string[] = [];
  nodes = new Map<string, NodeCounts>();
  seconds = new Map<number, SecondCounts>();

  node(id: string): NodeCounts {
    let counts = this.nodes.get(id);
    if (!counts) {
      counts = { count: 0, ok: 0, errors: {}, overLimit: 0, latency: new LatencyHistogram() };
      this.nodes.set(id, counts);
    }
    return counts;
  }

  second(second: number): SecondCounts {
    let counts = this.seconds.get(second);
    if (!counts) {
      counts = { completed: 0, failed: 0, nodes: new Map() };
      this.seconds.set(second, counts);
    }
    return counts;
  }

  secondNode(
    second: number,
    id: string,
  ): { latency: LatencyHistogram; errors: Record<string, number> } {
    const nodes = this.second(second).nodes;
    let counts = nodes.get(id);
    if (!counts) {
      counts = { latency: new LatencyHistogram(), errors: {} };
      nodes.set(id, counts);
    }
    return counts;
  }

  crash(message: string): void {
    if (this.crashes.length < MAX_CRASHES) this.crashes.push(message);
  }

  toTally(inFlight: number, maxInFlight: number): LoadTally {
    const nodes: Record<string, NodeFigures> = {};
    for (const [id, n] of [...this.nodes].sort((a, b) => a[0].localeCompare(b[0]))) {
      nodes[id] = {
        count: n.count,
        ok: n.ok,
        errors: { ...n.errors },
        overLimit: n.overLimit,
        latency: n.latency.toData(),
      };
    }
    const timeline: LoadSecond[] = [...this.seconds]
      .sort((a, b) => a[0] - b[0])
      .map(([second, s]) => ({
        second,
        completed: s.completed,
        failed: s.failed,
        nodes: Object.fromEntries(
          [...s.nodes].map(([id, n]) => [
            id,
            { latency: n.latency.toData(), errors: { ...n.errors } },
          ]),
        ),
      }));
    return {
      started: this.started,
      completed: this.completed,
      outcomes: { ...this.outcomes },
      crashes: [...this.crashes],
      nodes,
      timeline,
      inFlight,
      maxInFlight,
    };
  }
}

/** Counts one worker's calls; {@link drain} hands over what was counted since the last drain. */
export class TallyRecorder {
  #counts = new Counts();
  #inFlight = 0;
  #maxInFlight = 0;

  readonly #runStart: number;

  /** @param runStart the run's start (epoch ms), the timeline's second 0 in every worker. */
  constructor(runStart: number) {
    this.#runStart = runStart;
  }

  /** A call was placed. */
  callStarted(): void {
    this.#counts.started++;
    this.#inFlight++;
    if (this.#inFlight > this.#maxInFlight) this.#maxInFlight = this.#inFlight;
  }

  /** A call ended: its outcome and each of its webhook exchanges are counted. */
  callEnded(result: CallResult): void {
    this.#inFlight--;
    const counts = this.#counts;
    counts.completed++;
    counts.outcomes[result.outcome]++;
    const second = counts.second(this.#secondOf(Date.now()));
    second.completed++;
    if (result.outcome === 'error') second.failed++;
    for (const exchange of result.webhooks) this.#exchange(exchange);
  }

  /** A call threw instead of ending: counted as an error, the message kept. */
  callCrashed(error: unknown): void {
    this.#inFlight--;
    const counts = this.#counts;
    counts.completed++;
    counts.outcomes.error++;
    const second = counts.second(this.#secondOf(Date.now()));
    second.completed++;
    second.failed++;
    counts.crash(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }

  /** What was counted since the last drain (the in-flight figures are absolute). */
  drain(): LoadTally {
    const tally = this.#counts.toTally(this.#inFlight, this.#maxInFlight);
    this.#counts = new Counts();
    return tally;
  }

  #secondOf(epochMs: number): number {
    return Math.max(0, Math.floor((epochMs - this.#runStart) / 1000));
  }

  #exchange(exchange: WebhookExchange): void {
    const node = this.#counts.node(exchange.node);
    const ms = exchange.timings.totalMs;
    node.count++;
    node.latency.recordMs(ms);
    const at = this.#counts.secondNode(
      this.#secondOf(exchange.timings.startedAt + ms),
      exchange.node,
    );
    at.latency.recordMs(ms);
    if (exchange.ok) node.ok++;
    else {
      const code = exchange.error ?? 'network_error';
      node.errors[code] = (node.errors[code] ?? 0) + 1;
      at.errors[code] = (at.errors[code] ?? 0) + 1;
      if (isOverLimit(code)) node.overLimit++;
    }
  }
}

/** Adds up the deltas of every worker; {@link snapshot} is the run so far. */
export class TallyMerger {
  readonly #counts = new Counts();
  readonly #inFlight = new Map<number, { now: number; max: number }>();

  /** Adds worker `worker`'s delta. */
  add(worker: number, delta: LoadTally): void {
    const counts = this.#counts;
    counts.started += delta.started;
    counts.completed += delta.completed;
    counts.outcomes.hangup += delta.outcomes.hangup;
    counts.outcomes.transfer += delta.outcomes.transfer;
    counts.outcomes.error += delta.outcomes.error;
    for (const message of delta.crashes) counts.crash(message);
    for (const [id, figures] of Object.entries(delta.nodes)) {
      const node = counts.node(id);
      node.count += figures.count;
      node.ok += figures.ok;
      node.overLimit += figures.overLimit;
      addCount(node.errors, figures.errors);
      node.latency.add(figures.latency);
    }
    for (const second of delta.timeline) {
      const into = counts.second(second.second);
      into.completed += second.completed;
      into.failed += second.failed;
      for (const [id, figures] of Object.entries(second.nodes)) {
        const node = counts.secondNode(second.second, id);
        node.latency.add(figures.latency);
        addCount(node.errors, figures.errors);
      }
    }
    this.#inFlight.set(worker, { now: delta.inFlight, max: delta.maxInFlight });
  }

  /**
   * The run so far. In flight: the workers' sum now; at most: the sum of each worker's most, an
   * upper bound of the most there were at once (the workers' peaks need not coincide).
   */
  snapshot(): LoadTally {
    let now = 0;
    let max = 0;
    for (const worker of this.#inFlight.values()) {
      now += worker.now;
      max += worker.max;
    }
    return this.#counts.toTally(now, max);
  }
}
