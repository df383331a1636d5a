import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadEnvironmentFile } from '../../src/main/workspace/load-environment.ts';
import type { TempFolder } from './fixtures.ts';
import { findOpenssl, makeCertificate, makeTempFolder } from './fixtures.ts';

let folder: TempFolder;
const openssl = findOpenssl();
let pair: { cert: string; key: string } | null = null;
let other: { cert: string; key: string } | null = null;

before(async () => {
  folder = await makeTempFolder();
  if (openssl) {
    await folder.write('certs/.keep', '');
    pair = makeCertificate(openssl, join(folder.root, 'certs'), 'client');
    other = makeCertificate(openssl, join(folder.root, 'certs'), 'other');
  }
});
after(async () => {
  await folder.remove();
});

/** Problems as `line field: message`, the temp folder shown as `<T>`. */
async function problemsOf(name: string, text: string): Promise<string[]> {
  const loaded = await loadEnvironmentFile(await folder.write(`environments/${name}`, text));
  assert.equal(loaded.environment, null);
  return loaded.problems.map((p) =>
    `${p.line} ${p.field}: ${p.message}`.replaceAll(folder.root, '<T>'),
  );
}

const CORRUPT_CERT = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';

describe('environment TLS files', () => {
  test('CA bundle, client certificate and key: read, relative to the file', async (t) => {
    if (!pair || !other) return t.skip('openssl not found');
    const bundle = (await readFile(pair.cert, 'utf8')) + (await readFile(other.cert, 'utf8'));
    await folder.write('certs/bundle.pem', `subject=CN = client\n${bundle}`);
    const file = await folder.write(
      'environments/mtls.yaml',
      'name: mTLS\ntls:\n  ca: ../certs/bundle.pem\n  cert: ../certs/client-cert.pem\n  key: ../certs/client-key.pem\n',
    );
    const loaded = await loadEnvironmentFile(file);
    assert.deepEqual(loaded.problems, []);
    const tls = loaded.environment!.tls;
    assert.deepEqual(tls.caFiles, [join(folder.root, 'certs/bundle.pem')]);
    assert.equal(tls.ca.length, 1);
    assert.equal(tls.ca[0], bundle, 'both certificates, the text around them left out');
    assert.equal(tls.certFile, pair.cert);
    assert.equal(tls.keyFile, pair.key);
    assert.match(tls.cert!, /^-----BEGIN CERTIFICATE-----/);
    assert.match(tls.key!, /^-----BEGIN PRIVATE KEY-----/);
    assert.equal(tls.insecure, false);
  });

  test('a list of CA files, one of which is missing', async (t) => {
    if (!pair) return t.skip('openssl not found');
    assert.deepEqual(
      await problemsOf(
        'cas.yaml',
        'name: x\ntls:\n  ca:\n    - ../certs/client-cert.pem\n    - ../certs/nope.pem\n',
      ),
      ['5 tls.ca[1]: <T>/certs/nope.pem does not exist (paths are relative to this file)'],
    );
  });

  test('a missing file names the resolved path and the line of the field', async () => {
    assert.deepEqual(
      await problemsOf('missing.yaml', 'name: x\ntls:\n  ca: ../certs/staging-ca.pem\n'),
      ['3 tls.ca: <T>/certs/staging-ca.pem does not exist (paths are relative to this file)'],
    );
  });

  test('a file without a PEM block, a certificate that does not parse', async () => {
    await folder.write('certs/readme.txt', 'not a certificate\n');
    await folder.write('certs/corrupt.pem', CORRUPT_CERT);
    const problems = await problemsOf(
      'badpem.yaml',
      'name: x\ntls:\n  ca: [../certs/readme.txt, ../certs/corrupt.pem]\n',
    );
    assert.equal(problems.length, 2);
    assert.equal(
      problems[0],
      '3 tls.ca[0]: <T>/certs/readme.txt holds no PEM certificate (a "-----BEGIN CERTIFICATE-----" block)',
    );
    assert.match(
      problems[1]!,
      /^3 tls\.ca\[1\]: the certificate in <T>\/certs\/corrupt\.pem does not parse: .+/,
    );
  });

  test('the second certificate of a bundle does not parse', async (t) => {
    if (!pair) return t.skip('openssl not found');
    await folder.write('certs/half.pem', (await readFile(pair.cert, 'utf8')) + CORRUPT_CERT);
    const [problem, ...rest] = await problemsOf(
      'half.yaml',
      'name: x\ntls: { ca: ../certs/half.pem }\n',
    );
    assert.deepEqual(rest, []);
    assert.match(
      problem!,
      /^2 tls\.ca: certificate 2 of 2 in <T>\/certs\/half\.pem does not parse: .+/,
    );
  });

  test('a key that does not parse, an encrypted key, a key without a PEM block', async (t) => {
    if (!pair) return t.skip('openssl not found');
    await folder.write(
      'certs/bad-key.pem',
      '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
    );
    await folder.write(
      'certs/enc-key.pem',
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n',
    );
    const cert = '  cert: ../certs/client-cert.pem\n';
    const [bad] = await problemsOf(
      'badkey.yaml',
      `name: x\ntls:\n${cert}  key: ../certs/bad-key.pem\n`,
    );
    assert.match(
      bad!,
      /^4 tls\.key: the private key in <T>\/certs\/bad-key\.pem does not parse: .+/,
    );
    assert.deepEqual(
      await problemsOf('enckey.yaml', `name: x\ntls:\n${cert}  key: ../certs/enc-key.pem\n`),
      ['4 tls.key: the private key in <T>/certs/enc-key.pem is encrypted; use an unencrypted key'],
    );
    assert.deepEqual(
      await problemsOf('certaskey.yaml', `name: x\ntls:\n${cert}  key: ../certs/client-cert.pem\n`),
      [
        '4 tls.key: <T>/certs/client-cert.pem holds no PEM private key (a "-----BEGIN PRIVATE KEY-----" block)',
      ],
    );
  });

  test('a key that belongs to another certificate', async (t) => {
    if (!pair) return t.skip('openssl not found');
    assert.deepEqual(
      await problemsOf(
        'mismatch.yaml',
        'name: x\ntls:\n  cert: ../certs/client-cert.pem\n  key: ../certs/other-key.pem\n',
      ),
      [
        '4 tls.key: the private key in <T>/certs/other-key.pem does not belong to the certificate in <T>/certs/client-cert.pem',
      ],
    );
  });

  test('a certificate without its key, a key without its certificate', async (t) => {
    if (!pair) return t.skip('openssl not found');
    assert.deepEqual(
      await problemsOf('nokey.yaml', 'name: x\ntls:\n  cert: ../certs/client-cert.pem\n'),
      ['3 tls.key: a client certificate needs its private key: add tls.key'],
    );
    assert.deepEqual(
      await problemsOf('nocert.yaml', 'name: x\ntls:\n  key: ../certs/client-key.pem\n'),
      ['3 tls.cert: a private key needs its client certificate: add tls.cert'],
    );
  });
});
