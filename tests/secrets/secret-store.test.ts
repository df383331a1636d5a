/**
 * The secret stores: values scoped per environment file, the encrypted file holding only
 * ciphertext, surviving a reopen, and a damaged or foreign file never crashing the console.
 * Electron's safeStorage cannot run here, so the cipher is AES-256-GCM with a key of the test's
 * own: what matters is that the store never writes a value except through the cipher.
 */
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openEncryptedSecretStore } from '../../src/main/secrets/encrypted-secret-store.ts';
import type { SecretCipher } from '../../src/main/secrets/encrypted-secret-store.ts';
import { createMemorySecretStore } from '../../src/main/secrets/secret-store.ts';

function testCipher(key = randomBytes(32)): SecretCipher {
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'ivr-secrets-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('memory secret store', () => {
  test('values are scoped per environment file and can be forgotten', () => {
    const store = createMemorySecretStore();
    store.set('/ws/environments/staging.yaml', 'crm_token', 'stage-1');
    store.set('/ws/environments/prod.yaml', 'crm_token', 'prod-1');
    assert.equal(store.get('/ws/environments/staging.yaml', 'crm_token'), 'stage-1');
    assert.deepEqual(store.values('/ws/environments/prod.yaml'), { crm_token: 'prod-1' });
    store.set('/ws/environments/prod.yaml', 'crm_token', null);
    assert.equal(store.get('/ws/environments/prod.yaml', 'crm_token'), undefined);
    assert.equal(store.kind, 'memory');
  });
});

describe('encrypted secret store', () => {
  const value = 'tok-7f3a9c1e-VERY-SECRET';

  test('the file holds ciphertext only, owner-readable, and a reopen reads the value back', () => {
    const file = join(dir, 'a', 'secrets.json');
    const cipher = testCipher();
    const store = openEncryptedSecretStore(file, cipher);
    store.set('/ws/environments/staging.yaml', 'crm_token', value);
    const bytes = readFileSync(file);
    assert.equal(bytes.includes(Buffer.from(value)), false, 'the value is not in the file');
    assert.equal(bytes.includes(Buffer.from(Buffer.from(value).toString('base64'))), false);
    if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o077, 0);
    const reopened = openEncryptedSecretStore(file, cipher);
    assert.equal(reopened.loadProblem, null);
    assert.equal(reopened.get('/ws/environments/staging.yaml', 'crm_token'), value);
    assert.deepEqual(reopened.values('/ws/environments/staging.yaml'), { crm_token: value });
  });

  test('a value another key cannot decrypt reads as unset, not as a failure', () => {
    const file = join(dir, 'b', 'secrets.json');
    openEncryptedSecretStore(file, testCipher()).set('/env.yaml', 'crm_token', value);
    const other = openEncryptedSecretStore(file, testCipher());
    assert.equal(other.get('/env.yaml', 'crm_token'), undefined);
    assert.deepEqual(other.values('/env.yaml'), {});
  });

  test('forgetting the last value of a scope removes the scope from the file', () => {
    const file = join(dir, 'c', 'secrets.json');
    const store = openEncryptedSecretStore(file, testCipher());
    store.set('/env.yaml', 'a', '1');
    store.set('/env.yaml', 'a', null);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { version: 1, scopes: {} });
  });

  test('a secret named __proto__ is an ordinary entry', () => {
    const file = join(dir, 'd', 'secrets.json');
    const cipher = testCipher();
    openEncryptedSecretStore(file, cipher).set('/env.yaml', '__proto__', 'x');
    const reopened = openEncryptedSecretStore(file, cipher);
    assert.equal(reopened.get('/env.yaml', '__proto__'), 'x');
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });

  for (const [name, text, problem] of [
    ['not JSON', '{oops', /is not valid JSON/],
    ['another format', '{"version": 2, "scopes": {}}', /is not a secrets file of this console/],
    [
      'wrong shapes inside',
      '{"version": 1, "scopes": {"/e": {"a": 5, "b": "QQ=="}, "/f": 3}}',
      null,
    ],
  ] as const) {
    test(`a damaged file (${name}) starts empty or keeps what is well formed, and says so`, () => {
      const file = join(dir, `bad-${name.replace(/\W/g, '')}.json`);
      writeFileSync(file, text);
      const store = openEncryptedSecretStore(file, testCipher());
      if (problem === null) {
        assert.equal(store.loadProblem, null);
        assert.equal(store.get('/e', 'a'), undefined);
      } else {
        assert.match(store.loadProblem ?? '', problem);
      }
      store.set('/e', 'x', 'y');
      assert.equal(store.get('/e', 'x'), 'y');
    });
  }
});
