/**
 * Finding a session by the first characters of its id, as people type them from a list
 * (`sessions show 3f2a`).
 */
import type { ReadStatements } from './statements.ts';
import { StoreError } from './store-error.ts';

/** Shorter prefixes are too likely to be ambiguous to be worth a lookup. */
export const MIN_PREFIX_LENGTH = 4;

/** How many candidates an ambiguity error lists. */
const MAX_CANDIDATES_SHOWN = 10;

/**
 * The one session id starting with `prefix`, or null when none does (or the prefix is shorter
 * than {@link MIN_PREFIX_LENGTH}).
 *
 * @throws StoreError `ambiguous_prefix` listing the candidates when several ids match
 */
export function findByPrefix(statements: ReadStatements, prefix: string): string | null {
  if (prefix.length < MIN_PREFIX_LENGTH) return null;
  // A primary-key range rather than LIKE (case-insensitive, so it cannot use the index): every id
  // starting with the prefix sorts in [prefix, prefix with its last character bumped).
  const last = prefix.charCodeAt(prefix.length - 1);
  const upper = prefix.slice(0, -1) + String.fromCharCode(last + 1);
  const ids = statements.idsInRange
    .all({
      from: prefix,
      to: last === 0xffff ? `${prefix}\u{10ffff}` : upper,
      max: MAX_CANDIDATES_SHOWN + 1,
    })
    .map((row) => row.id)
    .filter((id) => id.startsWith(prefix));
  const [first, ...others] = ids;
  if (first === undefined) return null;
  if (others.length === 0) return first;
  const shown = ids.slice(0, MAX_CANDIDATES_SHOWN).join(', ');
  const more = ids.length > MAX_CANDIDATES_SHOWN ? ', …' : '';
  throw new StoreError(
    'ambiguous_prefix',
    `session id prefix ${prefix} is ambiguous: it matches ${shown}${more}; type more characters`,
  );
}
