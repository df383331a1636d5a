/**
 * The numbers a call uses when none is given: a caller the demo CRM knows (customer Anna, gold)
 * and a called number. The CLI, a fresh install's phone and presenter mode's autopilot agree.
 */

/** The demo caller. */
export const DEMO_SOURCE = '+3612345678';
/** The called number. */
export const DEMO_DESTINATION = '+3612000000';
