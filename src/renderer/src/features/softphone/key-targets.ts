/**
 * Where a key press lands decides whether it is meant for the phone: digits typed into a text
 * field belong to the field, and Enter on a button activates the button.
 */

/** Elements that take typed text or arrow keys themselves: digits typed there are not key presses. */
const TYPING =
  'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]), textarea, select, [contenteditable=""], [contenteditable="true"]';

/** Elements whose own Enter means something (activate, submit, open). */
const ACTIVATES = 'button, a[href], input, select, textarea, summary, [role="tab"], [tabindex]';

/** True when keys typed at `target` belong to it rather than to the phone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TYPING) !== null;
}

/** True when Enter at `target` activates the target itself (so it must not place a call). */
export function hasOwnEnter(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(ACTIVATES) !== null;
}
