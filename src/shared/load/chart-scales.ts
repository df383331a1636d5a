/**
 * Scales, ticks and labels for the load charts: a linear scale with "nice" round ticks (counts,
 * seconds) and a log scale with ticks at 1, 2 and 5 times the powers of ten (latencies).
 */
import type { ChartTick } from './chart-model.ts';

/** A value → user-unit mapping and its ticks. */
export interface Scale {
  domain: readonly [number, number];
  map(value: number): number;
  ticks: ChartTick[];
}

/** Rounds a user-unit coordinate to 0.1, enough for any screen and short in a path. */
export const px = (n: number): number => Math.round(n * 10) / 10;

/** The smallest of 1, 2, 2.5, 5 × 10^k that is at least `raw` (a tick step people read). */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * power >= raw * (1 - 1e-9)) return m * power;
  }
  return 10 * power;
}

/**
 * A linear scale from 0 to at least `max`, rounded up to a whole number of nice steps (about
 * `count` of them), mapped onto `[from, to]` (`to` < `from` for a y axis, whose 0 is at the
 * bottom). `integer`: steps are whole numbers (counts of calls).
 */
export function linearScale(
  max: number,
  from: number,
  to: number,
  format: (value: number) => string,
  options: { count?: number; integer?: boolean } = {},
): Scale {
  const count = options.count ?? 5;
  let step = niceStep(Math.max(max, Number.MIN_VALUE) / count);
  if (options.integer) step = Math.max(1, Math.ceil(step));
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  const map = (value: number): number => px(from + ((to - from) * value) / top);
  const ticks: ChartTick[] = [];
  for (let i = 0; i * step <= top * (1 + 1e-9); i++) {
    const value = round12(i * step);
    ticks.push({ at: map(value), value, label: format(value) });
  }
  return { domain: [0, top], map, ticks };
}

/**
 * A log scale over `[low, high]` (both > 0), mapped onto `[from, to]`. Values at or below `low`
 * (a zero latency included) sit on `low`. Ticks at 1, 2 and 5 × 10^k, or only 10^k when that would
 * be more than `maxTicks`.
 */
export function logScale(
  low: number,
  high: number,
  from: number,
  to: number,
  format: (value: number) => string,
  maxTicks = 10,
): Scale {
  const lo = Math.log10(low);
  const span = Math.log10(high) - lo || 1;
  const map = (value: number): number =>
    px(from + ((to - from) * (Math.log10(Math.max(value, low)) - lo)) / span);
  const decades: number[] = [];
  for (let k = Math.floor(lo); 10 ** k <= high * (1 + 1e-9); k++) decades.push(k);
  const pick = (multipliers: number[]): number[] =>
    decades
      .flatMap((k) => multipliers.map((m) => round12(m * 10 ** k)))
      .filter((v) => v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9));
  let values = pick([1, 2, 5]);
  if (values.length > maxTicks) values = pick([1]);
  return {
    domain: [low, high],
    map,
    ticks: values.map((value) => ({ at: map(value), value, label: format(value) })),
  };
}

/** Powers of ten around `[min, max]`: the log domain that holds both (min > 0). */
export function decadeDomain(min: number, max: number): [number, number] {
  const low = 10 ** Math.floor(Math.log10(min) + 1e-9);
  let high = 10 ** Math.ceil(Math.log10(max) - 1e-9);
  if (high <= low) high = low * 10;
  return [low, high];
}

/** A number without float noise (0.1 + 0.2 → 0.3). */
const round12 = (n: number): number => Number(n.toPrecision(12));

/** Milliseconds for an axis or a limit: `0.5 ms`, `250 ms`, `5 s`, `1.5 s`. */
export function formatAxisMs(ms: number): string {
  if (ms >= 1000) return `${round12(ms / 1000)} s`;
  return `${round12(ms)} ms`;
}

/** Seconds since the run started: `45 s` under two minutes, then `m:ss`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${round12(seconds)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** A count as written on an axis: `250`, `1.5k`, `12k`. */
export function formatCount(n: number): string {
  if (n >= 1000) return `${round12(n / 1000)}k`;
  return String(round12(n));
}
