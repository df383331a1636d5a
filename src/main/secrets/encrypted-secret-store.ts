/**
 * Secret values kept on this machine in `<data dir>/secrets.json`, each one encrypted by the
 * operating system's key store (Electron's `safeStorage`, passed in as a {@link SecretCipher} so
 * this file stays free of Electron and testable). The file holds only ciphertext: copying it to
 * another machine or account reveals nothing.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../fs/write-file-atomic.ts';
import type { SecretStore } from './secret-store.ts';

/** Encrypts with a key the OS keeps for this user (Keychain, DPAPI, libsecret/kwallet). */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

interface SecretsFile {
  version: 1;
  /** Scope (environment file) -> secret name -> base64 ciphertext. */
  scopes: Record<string, Record<string, string>>;
}

/** Null-prototype maps: a secret may be named `__proto__` (a valid name) without harm. */
const map = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
const EMPTY = (): SecretsFile => ({ version: 1, scopes: map() });

/** Why the file could not be used as it was, for a notice; the store then starts empty. */
export interface EncryptedSecretStore extends SecretStore {
  readonly loadProblem: string | null;
}

function readSecretsFile(file: string): { data: SecretsFile; problem: string | null } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { data: EMPTY(), problem: null };
    return { data: EMPTY(), problem: `${file} could not be read: ${(error as Error).message}` };
  }
  try {
    const parsed = JSON.parse(text) as Partial<SecretsFile>;
    const scopes = parsed.scopes;
    if (parsed.version !== 1 || typeof scopes !== 'object' || scopes === null) {
      return { data: EMPTY(), problem: `${file} is not a secrets file of this console` };
    }
    // Keep only well-formed entries: a hand-edited file must not crash the console.
    const clean: SecretsFile = EMPTY();
    for (const [scope, names] of Object.entries(scopes)) {
      if (typeof names !== 'object' || names === null) continue;
      const kept = map<string>();
      for (const [name, value] of Object.entries(names)) {
        if (typeof value === 'string') kept[name] = value;
      }
      clean.scopes[scope] = kept;
    }
    return { data: clean, problem: null };
  } catch {
    return { data: EMPTY(), problem: `${file} is not valid JSON` };
  }
}

/**
 * Opens the encrypted store in `file`. Values are decrypted when read, so a value the key store
 * can no longer decrypt (another user, a reset keychain) reads as unset instead of failing.
 */
export function openEncryptedSecretStore(file: string, cipher: SecretCipher): EncryptedSecretStore {
  const { data, problem } = readSecretsFile(file);
  // Owner-only: ciphertext, but nobody else's business either.
  const save = (): void =>
    writeFileAtomicSync(file, JSON.stringify(data, null, 2) + '\n', {
      createFolder: true,
      mode: 0o600,
    });
  const decrypt = (encoded: string): string | undefined => {
    try {
      return cipher.decrypt(Buffer.from(encoded, 'base64'));
    } catch {
      return undefined;
    }
  };
  return {
    kind: 'encrypted',
    loadProblem: problem,
    get(scope, name) {
      const encoded = data.scopes[scope]?.[name];
      return encoded === undefined ? undefined : decrypt(encoded);
    },
    set(scope, name, value) {
      const names = (data.scopes[scope] ??= map());
      if (value === null) Reflect.deleteProperty(names, name);
      else names[name] = cipher.encrypt(value).toString('base64');
      if (Object.keys(names).length === 0) Reflect.deleteProperty(data.scopes, scope);
      save();
    },
    values(scope) {
      const out: [string, string][] = [];
      for (const [name, encoded] of Object.entries(data.scopes[scope] ?? {})) {
        const value = decrypt(encoded);
        if (value !== undefined) out.push([name, value]);
      }
      // fromEntries defines own properties, so `__proto__` stays an ordinary key here too.
      return Object.fromEntries(out);
    },
  };
}
