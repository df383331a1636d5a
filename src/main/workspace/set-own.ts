/**
 * Writes a key as an own property. Names from files are data: `__proto__` is a valid variable
 * name and a valid header token, and a plain assignment would replace the object's prototype.
 */

/** Sets `target[key] = value` as an ordinary enumerable own property, whatever `key` is. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
