/** `1 error`, `2 errors`: a count with its noun, plural when the count is not 1. */
export const plural = (count: number, noun: string): string =>
  `${count} ${noun}${count === 1 ? '' : 's'}`;
