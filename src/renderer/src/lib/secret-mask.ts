/**
 * Presenter mode's masking: on a shared screen, PIN digits show as dots. A digit is secret when
 * the node collecting it stores into a variable whose name says so (`pin`, `account_password`,
 * `otp`…). Presenter mode shows no variable values and no webhook bodies at all.
 */
import type { CallEvent } from '../../../shared/call-events.ts';
import type { Flow } from '../../../shared/flow/flow-schema.ts';

/** What a masked digit shows. */
export const MASK = '•';

const SECRET_WORDS = /(^|_)(pin|password|passwd|passcode|secret|otp|cvv|cvc|token|ssn|tan)(_|$)/i;

/** True when a variable's name says its value is secret. */
export function isSecretName(name: string): boolean {
  return SECRET_WORDS.test(name);
}

/** True when `node` collects digits into a secret variable. */
export function collectsSecret(flow: Flow | null, node: string | null): boolean {
  if (!flow || node === null) return false;
  const definition = flow.nodes[node] as { type?: string; variable?: unknown } | undefined;
  return (
    definition?.type === 'getDigits' &&
    typeof definition.variable === 'string' &&
    isSecretName(definition.variable)
  );
}

/**
 * The digits typed so far as a shared screen shows them: each key collected by a secret
 * `getDigits` node (or typed ahead while one was asking) is a dot.
 */
export function maskedDigits(events: readonly CallEvent[], flow: Flow | null): string {
  let shown = '';
  let asking: string | null = null;
  for (const event of events) {
    if (event.type === 'awaiting_input' || event.type === 'node_entered') asking = event.node;
    else if (event.type === 'key') {
      shown += collectsSecret(flow, event.node ?? asking) ? MASK : event.key;
    }
  }
  return shown;
}
