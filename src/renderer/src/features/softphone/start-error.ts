/**
 * Why a call could not start, in the words of the form: the contract names fields by their
 * input keys (`call.start: source: …`); the tester sees the labels they typed into.
 */

const FIELD_NAMES: Record<string, string> = {
  source: 'Caller number',
  destination: 'Called number',
  flowPath: 'Flow',
  environmentId: 'Environment',
};

/** `call.start: source: enter a number` becomes `Caller number: enter a number`. */
export function describeStartError(message: string): string {
  const text = message.replace(/^call\.start:\s*/, '');
  return text
    .split('; ')
    .map((part) =>
      part.replace(/^(\w+):/, (all, key: string) => {
        const label = FIELD_NAMES[key];
        return label ? `${label}:` : all;
      }),
    )
    .join('; ');
}
