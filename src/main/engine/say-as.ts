/**
 * How a read-back value is turned into words for the speech engine, per `sayAs` and the flow's
 * locale (Intl, so `1250.75` in EUR becomes "1,250.75 euros" in en-US).
 */
import type { SAY_AS } from '../../shared/flow/flow-schema.ts';

/** The spoken text, and why the value could not be read as asked (then it is read as text). */
export interface SaidAs {
  text: string;
  problem?: string;
}

const DIGIT_NAMES: Record<string, string> = { '*': 'star', '#': 'hash' };
const NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Renders `value` for speech as `sayAs` in `locale`. */
export function sayAs(
  value: string,
  as: (typeof SAY_AS)[number],
  locale: string,
  currency?: string,
): SaidAs {
  switch (as) {
    case 'digits':
      return {
        text: [...value.replace(/\s+/g, '')].map((c) => DIGIT_NAMES[c] ?? c).join(' '),
      };
    case 'number': {
      if (!NUMBER.test(value)) return { text: value, problem: `"${value}" is not a number` };
      return {
        text: new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(Number(value)),
      };
    }
    case 'currency': {
      if (!NUMBER.test(value)) return { text: value, problem: `"${value}" is not an amount` };
      const format = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: currency ?? 'EUR',
        currencyDisplay: 'name',
      });
      return { text: format.format(Number(value)) };
    }
    case 'date': {
      const match = DATE.exec(value.trim());
      const time = match
        ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
        : Date.parse(value);
      if (Number.isNaN(time)) return { text: value, problem: `"${value}" is not a date` };
      return {
        text: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(time),
      };
    }
    case 'time': {
      const match = TIME.exec(value.trim());
      const time = match
        ? Date.UTC(1970, 0, 1, Number(match[1]), Number(match[2]), Number(match[3] ?? 0))
        : Date.parse(value);
      if (Number.isNaN(time) || (match && (Number(match[1]) > 23 || Number(match[2]) > 59))) {
        return { text: value, problem: `"${value}" is not a time` };
      }
      return {
        text: new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' }).format(time),
      };
    }
    case 'text':
      return { text: value };
  }
}
