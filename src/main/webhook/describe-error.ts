/**
 * Human text for a network failure: the system's own message (`connect ECONNREFUSED
 * 127.0.0.1:4010`), which is what a CRM developer searches for.
 */

interface CodedError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function messageOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const coded = error as CodedError;
  let message = typeof coded.message === 'string' ? coded.message : '';
  // AggregateError (several addresses tried, e.g. ::1 then 127.0.0.1) has an empty message of
  // its own; its members carry the system messages.
  if (message === '' && Array.isArray(coded.errors)) {
    message = coded.errors.map(messageOf).join('; ');
  }
  const code = typeof coded.code === 'string' ? coded.code : '';
  if (message === '') return code === '' ? 'unknown error' : code;
  return code !== '' && !message.includes(code) ? `${code}: ${message}` : message;
}

/** Describes an error with its code and, when it adds something, its cause. */
export function describeError(error: unknown): string {
  const message = messageOf(error);
  const cause = (error as CodedError | null)?.cause;
  if (cause === undefined || cause === null) return message;
  const inner = messageOf(cause);
  return message.includes(inner) ? message : `${message} (${inner})`;
}
