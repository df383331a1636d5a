/**
 * What the sample balance flow (resources/flows/balance.json) does for the known demo caller, so
 * tests that place that call agree on it in one place.
 */

/**
 * The nodes entered when customer 12345 with PIN 1111 (`--dtmf 12345#1111`) authenticates, hears
 * the balance and reaches the options menu, where a scripted caller with no keys left hangs up
 * (one who stays on the line goes on to `goodbye`).
 */
export const BALANCE_PATH_TO_OPTIONS: readonly string[] = [
  'welcome',
  'ask_id',
  'ask_pin',
  'auth',
  'check',
  'greet',
  'fetch_balance',
  'read_balance',
  'options',
];
