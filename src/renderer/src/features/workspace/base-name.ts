/**
 * The last part of a path as main sent it (POSIX or Windows separators): the page has no
 * `node:path`.
 */

/** `x.json` for `/home/me/flows/x.json` or `C:\flows\x.json`. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return slash === -1 ? trimmed : trimmed.slice(slash + 1);
}
