/**
 * The numeric options of `load` (`--calls`, `--concurrency`, `--rate`), read strictly: a value
 * that is not a plain number, or out of range, is a usage error that names the option and says
 * what it takes.
 */
import { UsageError } from '../cli-io.ts';

/** The most calls one run places: past this, a histogram per second outgrows a report. */
export const MAX_CALLS = 10_000_000;
/** The most callers at once (each holds a connection to the CRM). */
export const MAX_CONCURRENCY = 10_000;
/** The most new calls per second. */
export const MAX_RATE = 100_000;

/** A whole number from `min` to `max`. */
export function wholeOption(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim())) {
    throw new UsageError(
      `load: --${name} takes a whole number from ${min} to ${max}, not "${text}"`,
    );
  }
  const value = Number(text.trim());
  if (value < min || value > max) {
    throw new UsageError(`load: --${name} must be from ${min} to ${max}, not ${value}`);
  }
  return value;
}

/** A positive number (fractions allowed: `--rate 0.5` is a call every 2 seconds). */
export function rateOption(text: string): number {
  const value = /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isNaN(value)) {
    throw new UsageError(`load: --rate takes calls per second (a number above 0), not "${text}"`);
  }
  if (value <= 0 || value > MAX_RATE) {
    throw new UsageError(`load: --rate must be above 0 and at most ${MAX_RATE}, not ${value}`);
  }
  return value;
}
