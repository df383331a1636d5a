/**
 * What keeps an environment from being used as it is: problems in its file first, then declared
 * secrets without a value. One rule for the Environment picker's hint, the Environments list's
 * badges and the Send request panel.
 */
import type { Environment } from '../../../../shared/contract.ts';

/** The names of the declared secrets that have no value in this console. */
export function missingSecretNames(environment: Environment): string[] {
  return environment.secrets.filter((s) => !s.set).map((s) => s.name);
}

/** What keeps the environment from being used as it is, in a few words, and the fix; or null. */
export function environmentHint(
  environment: Environment | undefined,
): { text: string; action: string } | null {
  if (!environment) return null;
  const problems = environment.problems.length;
  if (problems > 0) {
    return {
      text: `${problems} problem${problems === 1 ? '' : 's'} in its file`,
      action: 'Show problems',
    };
  }
  const missing = missingSecretNames(environment);
  if (missing.length === 0) return null;
  return {
    text: `Secret missing: ${missing.join(', ')}`,
    action: missing.length === 1 ? 'Set secret' : 'Set secrets',
  };
}
