import type { VarMap, VarValue } from '../../shared/variables.ts';

/**
 * Sets an own property. `__proto__` is a valid variable name on the platform, and a plain
 * assignment of it would replace the object's prototype instead of storing a variable.
 */
export function setOwn(target: VarMap, name: string, value: VarValue): void {
  Object.defineProperty(target, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
