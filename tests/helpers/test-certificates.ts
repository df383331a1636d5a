/**
 * Certificates made at test run time with the system's `openssl` (EC P-256 keys, fast): a CA, a
 * server certificate for 127.0.0.1 / localhost signed by it, a client certificate signed by it,
 * an expired and a not-yet-valid server certificate, one for another host name, and a client
 * certificate from a second CA the servers do not trust. Everything lives in one temp folder that
 * {@link TestCertificates.remove} deletes. Without `openssl` on PATH the tests skip, visibly.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A certificate and its private key, PEM. */
export interface KeyPair {
  cert: string;
  key: string;
}

/** The certificates of one test file. */
export interface TestCertificates {
  /** The CA that signed everything but {@link rogueClient}. */
  ca: string;
  /** For IP:127.0.0.1 and DNS:localhost. */
  server: KeyPair;
  /** Same names, valid Jan 2020 only. */
  expired: KeyPair;
  /** Same names, valid from 2099. */
  notYetValid: KeyPair;
  /** For DNS:wrong.example only. */
  wrongHost: KeyPair;
  /** A client certificate for mutual TLS. */
  client: KeyPair;
  /** A client certificate signed by another CA. */
  rogueClient: KeyPair;
  /** Deletes the temp folder. */
  remove(): Promise<void>;
}

/** The `openssl` executable on PATH, or null. */
export function findOpenssl(): string | null {
  const names = process.platform === 'win32' ? ['openssl.exe', 'openssl'] : ['openssl'];
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // Not here.
      }
    }
  }
  return null;
}

const REQ_CONFIG = `[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
`;

/** An `openssl ca` setup: the only way OpenSSL 3.0 signs with explicit start and end dates. */
function caConfig(dir: string): string {
  const path = (name: string): string => join(dir, name).replaceAll('\\', '/');
  return `[ca]
default_ca = test_ca
[test_ca]
database = ${path('index.txt')}
new_certs_dir = ${path('issued')}
serial = ${path('serial')}
default_md = sha256
policy = policy_any
copy_extensions = copy
unique_subject = no
[policy_any]
commonName = supplied
`;
}

/** Makes the certificates (about a dozen quick `openssl` runs); null without `openssl`. */
export async function createTestCertificates(): Promise<TestCertificates | null> {
  const openssl = findOpenssl();
  if (openssl === null) return null;
  const dir = await mkdtemp(join(tmpdir(), 'ivr-test-certs-'));
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const file = (name: string): string => join(dir, name);
    const ssl = (...args: string[]): Promise<unknown> => run(openssl, args, { cwd: dir });
    await writeFile(file('req.cnf'), REQ_CONFIG);
    await writeFile(file('ca.cnf'), caConfig(dir));
    await writeFile(file('index.txt'), '');
    await writeFile(file('serial'), '1000\n');
    await mkdir(file('issued'));
    const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

    const makeCa = async (name: string, subject: string): Promise<void> => {
      // prettier-ignore
      await ssl(
        'req', '-x509', '-config', file('req.cnf'), '-new', ...newKey,
        '-keyout', file(`${name}.key`), '-out', file(`${name}.pem`), '-subj', subject, '-days', '3',
        '-addext', 'basicConstraints=critical,CA:TRUE',
        '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
      );
    };
    const request = async (name: string, subject: string, names: string | null): Promise<void> => {
      // prettier-ignore
      await ssl(
        'req', '-config', file('req.cnf'), '-new', ...newKey,
        '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', subject,
        ...(names === null ? [] : ['-addext', `subjectAltName=${names}`]),
      );
    };
    const sign = async (name: string, ca: string): Promise<void> => {
      // prettier-ignore
      await ssl(
        'x509', '-req', '-in', file(`${name}.csr`), '-CA', file(`${ca}.pem`),
        '-CAkey', file(`${ca}.key`), '-set_serial', String(Date.now() % 1_000_000),
        '-days', '3', '-copy_extensions', 'copyall', '-out', file(`${name}.pem`),
      );
    };
    const signDated = async (name: string, from: string, to: string): Promise<void> => {
      // prettier-ignore
      await ssl(
        'ca', '-batch', '-notext', '-config', file('ca.cnf'), '-cert', file('ca.pem'),
        '-keyfile', file('ca.key'), '-in', file(`${name}.csr`), '-out', file(`${name}.pem`),
        '-startdate', from, '-enddate', to,
      );
    };
    const pair = async (name: string): Promise<KeyPair> => ({
      cert: await readFile(file(`${name}.pem`), 'utf8'),
      key: await readFile(file(`${name}.key`), 'utf8'),
    });

    const local = 'IP:127.0.0.1,DNS:localhost';
    await makeCa('ca', '/CN=IVR Test Console test CA');
    await makeCa('rogue-ca', '/CN=Some other CA');
    await request('server', '/CN=localhost', local);
    await sign('server', 'ca');
    await request('expired', '/CN=localhost', local);
    await signDated('expired', '20200101000000Z', '20200201000000Z');
    await request('future', '/CN=localhost', local);
    await signDated('future', '20990101000000Z', '20990201000000Z');
    await request('wrong-host', '/CN=wrong.example', 'DNS:wrong.example');
    await sign('wrong-host', 'ca');
    await request('client', '/CN=ivr-console-client', null);
    await sign('client', 'ca');
    await request('rogue-client', '/CN=rogue-client', null);
    await sign('rogue-client', 'rogue-ca');

    return {
      ca: await readFile(file('ca.pem'), 'utf8'),
      server: await pair('server'),
      expired: await pair('expired'),
      notYetValid: await pair('future'),
      wrongHost: await pair('wrong-host'),
      client: await pair('client'),
      rogueClient: await pair('rogue-client'),
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
