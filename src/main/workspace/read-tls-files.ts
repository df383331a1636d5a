/**
 * Reads the TLS files an environment names and checks them the way the TLS stack would, so a
 * wrong path, a corrupt certificate or a key that belongs to another certificate is reported
 * with the environment's line when the file is opened, not as a handshake failure mid-call.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { resolve } from 'node:path';
import type { SourcePos } from '../call-tests/test-file-types.ts';
import type { EnvironmentTls } from './environment-types.ts';
import { NO_TLS } from './environment-types.ts';
import { MAX_TLS_FILE_BYTES } from './environment-fields.ts';
import { pemBlocks } from './pem-blocks.ts';
import { readBoundedText } from './read-bounded-text.ts';

/** A path as written in the environment file, with the place of its value. */
export interface PathAt {
  value: string;
  pos: SourcePos;
  /** `tls.ca[1]`, `tls.cert`, … */
  field: string;
}

/** The `tls` section as written: paths not yet read. */
export interface TlsPaths {
  ca: PathAt[];
  cert: PathAt | null;
  key: PathAt | null;
  insecure: boolean;
}

/** OpenSSL's reason without its numeric code (`error:068000A8:asn1 …::wrong tag`). */
function reason(error: unknown): string {
  return (error as Error).message.replace(/^error:[0-9A-Fa-f]+:/, '');
}

/** Records a problem at a place of the environment file. */
export type ReportProblem = (pos: SourcePos, field: string, message: string) => void;

/** A file's text, or null once its problem is reported. */
async function readTlsFile(
  path: PathAt,
  folder: string,
  report: ReportProblem,
): Promise<{ file: string; text: string } | null> {
  const file = resolve(folder, path.value);
  const read = await readBoundedText(file, MAX_TLS_FILE_BYTES);
  if ('error' in read) {
    const hint = read.error === 'does not exist' ? ' (paths are relative to this file)' : '';
    report(path.pos, path.field, `${file} ${read.error}${hint}`);
    return null;
  }
  return { file, text: read.text };
}

/** The certificates of a file as PEM, each parsed; null once a problem is reported. */
function readCertificates(
  path: PathAt,
  file: string,
  text: string,
  report: ReportProblem,
): { pem: string; first: X509Certificate } | null {
  const blocks = pemBlocks(text).filter((block) => block.label === 'CERTIFICATE');
  if (blocks.length === 0) {
    report(
      path.pos,
      path.field,
      `${file} holds no PEM certificate (a "-----BEGIN CERTIFICATE-----" block)`,
    );
    return null;
  }
  let first: X509Certificate | null = null;
  let ok = true;
  blocks.forEach((block, index) => {
    try {
      const certificate = new X509Certificate(block.pem);
      first ??= certificate;
    } catch (error) {
      ok = false;
      const which =
        blocks.length === 1 ? 'the certificate' : `certificate ${index + 1} of ${blocks.length}`;
      report(path.pos, path.field, `${which} in ${file} does not parse: ${reason(error)}`);
    }
  });
  return ok && first ? { pem: blocks.map((block) => block.pem).join(''), first } : null;
}

/** The private key of a file; null once a problem is reported. */
function readPrivateKey(
  path: PathAt,
  file: string,
  text: string,
  report: ReportProblem,
): { pem: string; key: KeyObject } | null {
  const block = pemBlocks(text).find((b) => b.label.endsWith('PRIVATE KEY'));
  if (!block) {
    report(
      path.pos,
      path.field,
      `${file} holds no PEM private key (a "-----BEGIN PRIVATE KEY-----" block)`,
    );
    return null;
  }
  // Without a passphrase prompt an encrypted key can never be used: say so rather than
  // surfacing OpenSSL's "bad decrypt".
  if (block.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(block.pem)) {
    report(path.pos, path.field, `the private key in ${file} is encrypted; use an unencrypted key`);
    return null;
  }
  try {
    return { pem: block.pem, key: createPrivateKey(block.pem) };
  } catch (error) {
    report(path.pos, path.field, `the private key in ${file} does not parse: ${reason(error)}`);
    return null;
  }
}

/**
 * Reads and checks every TLS file, relative paths against `folder` (the environment file's).
 * Returns the settings, or null when any problem was reported.
 */
export async function readTlsFiles(
  paths: TlsPaths,
  folder: string,
  report: ReportProblem,
): Promise<EnvironmentTls | null> {
  let ok = true;
  const fail = (pos: SourcePos, field: string, message: string): void => {
    ok = false;
    report(pos, field, message);
  };
  const tls: EnvironmentTls = { ...NO_TLS, ca: [], caFiles: [], insecure: paths.insecure };
  for (const path of paths.ca) {
    const read = await readTlsFile(path, folder, fail);
    const certificates = read && readCertificates(path, read.file, read.text, fail);
    if (read && certificates) {
      tls.ca.push(certificates.pem);
      tls.caFiles.push(read.file);
    }
  }
  const certRead = paths.cert && (await readTlsFile(paths.cert, folder, fail));
  const keyRead = paths.key && (await readTlsFile(paths.key, folder, fail));
  const cert =
    paths.cert && certRead && readCertificates(paths.cert, certRead.file, certRead.text, fail);
  const key = paths.key && keyRead && readPrivateKey(paths.key, keyRead.file, keyRead.text, fail);
  if (paths.cert && !paths.key) {
    fail(paths.cert.pos, 'tls.key', 'a client certificate needs its private key: add tls.key');
  }
  if (paths.key && !paths.cert) {
    fail(paths.key.pos, 'tls.cert', 'a private key needs its client certificate: add tls.cert');
  }
  if (cert && key && certRead && keyRead && paths.key) {
    let matches = false;
    try {
      matches = cert.first.checkPrivateKey(key.key);
    } catch {
      // A key of another type (RSA against an EC certificate) throws instead of saying false.
    }
    if (!matches) {
      fail(
        paths.key.pos,
        paths.key.field,
        `the private key in ${keyRead.file} does not belong to the certificate in ${certRead.file}`,
      );
    }
    tls.cert = cert.pem;
    tls.certFile = certRead.file;
    tls.key = key.pem;
    tls.keyFile = keyRead.file;
  }
  return ok ? tls : null;
}
