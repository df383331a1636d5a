/**
 * The input of `load.start`, the Load screen's Start: the same rules as `ivr-console load`'s
 * options (at least one call, callers at once or calls per second but not both, keys or a test
 * file but not both), each refusal naming the field and what it takes.
 */
import { z } from 'zod';

/** The most calls one run from the console places. */
export const MAX_LOAD_CALLS = 1_000_000;
/** The most callers at once (each holds a connection to the CRM), as the CLI allows. */
export const MAX_LOAD_CONCURRENCY = 10_000;
/** The most new calls per second, as the CLI allows. */
export const MAX_LOAD_RATE = 100_000;

const whole = (what: string, max: number) =>
  z
    .number({ error: `${what}: a whole number from 1 to ${max}` })
    .int(`a whole number from 1 to ${max}`)
    .min(1, `at least 1 (a whole number from 1 to ${max})`)
    .max(max, `at most ${max}`);

/** `load.start`'s input. */
export const loadStartInput = z
  .strictObject({
    flowPath: z.string().min(1, 'pick a flow').max(4096),
    environmentId: z.string().min(1, 'pick an environment').max(120),
    calls: whole('calls', MAX_LOAD_CALLS),
    /** Callers at once (the closed model). */
    concurrency: whole('concurrency', MAX_LOAD_CONCURRENCY).optional(),
    /** New calls per second (the open model); fractions allowed. */
    rate: z
      .number({ error: 'calls per second: a number above 0' })
      .finite()
      .positive('above 0 (calls per second)')
      .max(MAX_LOAD_RATE, `at most ${MAX_LOAD_RATE}`)
      .optional(),
    /** The keys every caller presses, in the `--dtmf` notation (`12345#1111`). */
    keys: z.string().max(1000, 'at most 1000 keys').optional(),
    /** A test file whose cases the callers take turns through (instead of keys). */
    testFile: z.string().min(1, 'pick a test file').max(4096).optional(),
    realtime: z.boolean().optional(),
    /** Write every call to the session log. */
    log: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.concurrency !== undefined && input.rate !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rate'],
        message: 'give callers at once (concurrency) or calls per second (rate), not both',
      });
    } else if (input.concurrency === undefined && input.rate === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['concurrency'],
        message: 'give callers at once (concurrency) or calls per second (rate)',
      });
    }
    if (input.keys !== undefined && input.testFile !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['testFile'],
        message: 'give the keys callers press or a test file, not both',
      });
    }
  });
