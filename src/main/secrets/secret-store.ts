/**
 * Where the console keeps secret values (../shared/spec/WORKSPACE.md, "Secrets"): never in the
 * workspace. Each value belongs to one environment file (its absolute path is the scope), so
 * `staging` and `production` may both declare `crm_token` with different values.
 */

/** Reads and writes secret values. */
export interface SecretStore {
  /** `encrypted`: kept on this machine, encrypted by the OS key store; `memory`: until exit. */
  readonly kind: 'encrypted' | 'memory';
  /** The value of `name` in `scope`, if one is set. */
  get(scope: string, name: string): string | undefined;
  /** Sets a value; null forgets it. */
  set(scope: string, name: string, value: string | null): void;
  /** Every value set in `scope`, by name. */
  values(scope: string): Record<string, string>;
}

/** A store that forgets everything when the process ends (browser mode, or no OS key store). */
export function createMemorySecretStore(): SecretStore {
  const scopes = new Map<string, Map<string, string>>();
  return {
    kind: 'memory',
    get: (scope, name) => scopes.get(scope)?.get(name),
    set(scope, name, value) {
      let names = scopes.get(scope);
      if (value === null) {
        names?.delete(name);
        return;
      }
      if (!names) scopes.set(scope, (names = new Map()));
      names.set(name, value);
    },
    values: (scope) => Object.fromEntries(scopes.get(scope) ?? []),
  };
}
