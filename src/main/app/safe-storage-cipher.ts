/**
 * The OS key store as the secret store's cipher: Keychain on macOS, DPAPI on Windows, the
 * Secret Service (GNOME Keyring, KWallet) on Linux, through Electron's `safeStorage`.
 */
import { safeStorage } from 'electron';
import type { SecretCipher } from '../secrets/encrypted-secret-store.ts';

/**
 * The cipher, or why there is none. On Linux without a key ring Electron falls back to a
 * hard-coded key (`basic_text`): that is obfuscation, not encryption, so it counts as none and
 * secrets stay in memory instead. Call after the app is ready.
 */
export function safeStorageCipher(): { cipher: SecretCipher } | { unavailable: string } {
  if (!safeStorage.isEncryptionAvailable()) {
    return { unavailable: 'the operating system offers no key store to encrypt them with' };
  }
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return { unavailable: 'no key ring (GNOME Keyring or KWallet) is running' };
  }
  return {
    cipher: {
      encrypt: (plain) => safeStorage.encryptString(plain),
      decrypt: (data) => safeStorage.decryptString(data),
    },
  };
}
