/**
 * What the Load screen's form holds, as typed, and the `load.start` request it makes. Numbers are
 * sent as typed (a blank or a word as null), so main's schema names what is wrong with each. The
 * form is remembered while the console runs: leaving the screen (to place a call on the phone
 * while a load runs) and coming back keeps what was typed.
 */
import type { ChannelInput } from '../../../../shared/contract.ts';

/** The form's fields. */
export interface LoadFormValues {
  flowPath: string;
  environmentId: string;
  calls: string;
  /** `closed`: callers at once; `open`: calls per second. */
  model: 'closed' | 'open';
  concurrency: string;
  rate: string;
  /** `keys`: every caller presses the same keys; `file`: callers take turns through a test file. */
  callers: 'keys' | 'file';
  keys: string;
  testFile: string;
  realtime: boolean;
  log: boolean;
}

/** A new form: the phone's flow and environment, 100 calls, 10 callers at once. */
export function initialFormValues(flowPath: string, environmentId: string): LoadFormValues {
  return {
    flowPath,
    environmentId,
    calls: '100',
    model: 'closed',
    concurrency: '10',
    rate: '10',
    callers: 'keys',
    keys: '',
    testFile: '',
    realtime: false,
    log: false,
  };
}

let remembered: LoadFormValues | null = null;

/** The form as last left on this page, or null. */
export function rememberedFormValues(): LoadFormValues | null {
  return remembered;
}

/** Keeps the form for the next time the screen opens. */
export function rememberFormValues(values: LoadFormValues): void {
  remembered = values;
}

/** A typed number; null (which main refuses by name) for a blank or anything but a number. */
function numberOf(text: string): number {
  const trimmed = text.trim();
  // JSON carries NaN as null: main's schema then says what the field takes.
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** The `load.start` request of `values`. */
export function toStartInput(values: LoadFormValues): ChannelInput<'load.start'> {
  return {
    flowPath: values.flowPath,
    environmentId: values.environmentId,
    calls: numberOf(values.calls),
    ...(values.model === 'closed'
      ? { concurrency: numberOf(values.concurrency) }
      : { rate: numberOf(values.rate) }),
    ...(values.callers === 'keys' ? { keys: values.keys } : { testFile: values.testFile }),
    realtime: values.realtime,
    log: values.log,
  };
}
