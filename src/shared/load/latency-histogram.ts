/**
 * A latency histogram in the manner of HdrHistogram: log-linear buckets (exact below 256 µs, then
 * 128 buckets per power of two, so any value is within 0.8 % of its bucket's bounds), recorded in
 * whole microseconds, mergeable by adding counts (each worker keeps its own; the coordinator adds
 * them up) and kept sparse, so one per node per second of a run costs only the buckets it used.
 * Percentiles are exact to the bucket: the value reported lies in the same bucket as the true one.
 */

/** Values below this many microseconds each have a bucket of their own. */
const LINEAR = 256;
/** Buckets per power of two above {@link LINEAR}. */
const SUB = 128;
/** Log2 of {@link SUB}. */
const SUB_BITS = 7;
/** The largest value recorded (about 12 days); larger ones count as this. */
const MAX_MICROS = 2 ** 40 - 1;

/** A histogram as plain data: `[bucket index, count]` pairs in bucket order, and its extremes. */
export interface HistogramData {
  counts: [number, number][];
  total: number;
  /** Smallest and largest value recorded, in microseconds (0 when empty). */
  minMicros: number;
  maxMicros: number;
}

/** The bucket a value (whole microseconds, ≥ 0) falls in. */
export function bucketOf(micros: number): number {
  if (micros < LINEAR) return micros;
  const msb = 31 - Math.clz32(Math.floor(micros / 2 ** 8)) + 8;
  const shift = msb - SUB_BITS;
  const sub = Math.floor(micros / 2 ** shift);
  return LINEAR + (msb - 8) * SUB + (sub - SUB);
}

/** The bounds of bucket `index`: its smallest value and the first value past it, in microseconds. */
export function bucketBounds(index: number): { low: number; high: number } {
  if (index < LINEAR) return { low: index, high: index + 1 };
  const msb = Math.floor((index - LINEAR) / SUB) + 8;
  const shift = msb - SUB_BITS;
  const sub = ((index - LINEAR) % SUB) + SUB;
  return { low: sub * 2 ** shift, high: (sub + 1) * 2 ** shift };
}

/** An empty histogram's data. */
export function emptyHistogram(): HistogramData {
  return { counts: [], total: 0, minMicros: 0, maxMicros: 0 };
}

/** A histogram being recorded into or merged. */
export class LatencyHistogram {
  private readonly counts = new Map<number, number>();
  private total = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = 0;

  /** Records one latency in milliseconds (fractions kept to the microsecond). */
  recordMs(ms: number): void {
    const micros = Math.min(MAX_MICROS, Math.max(0, Math.round(ms * 1000)));
    const bucket = bucketOf(micros);
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + 1);
    this.total++;
    if (micros < this.min) this.min = micros;
    if (micros > this.max) this.max = micros;
  }

  /** Adds another histogram's counts to this one. */
  add(data: HistogramData): void {
    if (data.total === 0) return;
    for (const [bucket, count] of data.counts) {
      this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + count);
    }
    this.total += data.total;
    this.min = Math.min(this.min, data.minMicros);
    this.max = Math.max(this.max, data.maxMicros);
  }

  /** How many values were recorded. */
  get count(): number {
    return this.total;
  }

  /** The counts as plain data (buckets in order). */
  toData(): HistogramData {
    return {
      counts: [...this.counts].sort((a, b) => a[0] - b[0]),
      total: this.total,
      minMicros: this.total === 0 ? 0 : this.min,
      maxMicros: this.max,
    };
  }

  /** A histogram holding `data`'s counts. */
  static from(data: HistogramData): LatencyHistogram {
    const histogram = new LatencyHistogram();
    histogram.add(data);
    return histogram;
  }
}

/**
 * The value at percentile `p` (0–100) of `data`, in milliseconds: the highest value of the bucket
 * holding the ⌈p % × total⌉-th smallest value, kept within the recorded min and max. 0 when empty.
 */
export function percentileMs(data: HistogramData, p: number): number {
  if (data.total === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * data.total));
  let seen = 0;
  for (const [bucket, count] of data.counts) {
    seen += count;
    if (seen >= rank) {
      const high = bucketBounds(bucket).high - 1;
      return Math.min(data.maxMicros, Math.max(data.minMicros, high)) / 1000;
    }
  }
  return data.maxMicros / 1000;
}

/** Adds up histograms' data. */
export function mergeHistograms(all: readonly HistogramData[]): HistogramData {
  const merged = new LatencyHistogram();
  for (const data of all) merged.add(data);
  return merged.toData();
}
