/**
 * A CRM of the user's kind for tests: a real HTTPS server on loopback, with a certificate from a
 * CA of the test's own, that answers `POST /auth` only with the right bearer token, and a
 * workspace folder (a flow and a `staging` environment pointing at the server) written by hand.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestCertificates } from './test-certificates.ts';

/** What the CRM saw. */
export interface CrmRequest {
  method: string;
  url: string;
  authorization: string | null;
  body: string;
}

/** A running CRM and its workspace. */
export interface HttpsCrm {
  url: string;
  token: string;
  received: CrmRequest[];
  /** The workspace folder: `flows/x.json`, `environments/staging.yaml`, `certs/ca.pem`. */
  workspace: string;
  flowPath: string;
  close(): Promise<void>;
}

/** A flow that authenticates by customer number and reads back the name the CRM returns. */
export const CRM_FLOW = {
  id: 'crm-check',
  name: 'CRM check',
  locale: 'en-US',
  start: 'ask',
  variables: { crm_base: 'http://127.0.0.1:9' },
  nodes: {
    ask: {
      type: 'getDigits',
      say: 'Enter your customer number, then hash.',
      variable: 'customer_id',
      minDigits: 3,
      maxDigits: 8,
      terminator: '#',
      timeoutMs: 5000,
      retries: 0,
      next: 'auth',
      onFail: 'bye',
    },
    auth: {
      type: 'http',
      method: 'POST',
      contentType: 'json',
      url: '${crm_base}/auth',
      body: '{"id": "${customer_id}"}',
      next: 'hello',
      onError: 'sorry',
    },
    hello: { type: 'play', say: 'Hello ${customer_name}.', next: 'bye' },
    sorry: { type: 'play', say: 'Sorry, the CRM did not answer.', next: 'bye' },
    bye: { type: 'hangup', say: 'Goodbye.' },
  },
};

/** Starts the CRM and writes its workspace. */
export async function startHttpsCrm(certs: TestCertificates, token: string): Promise<HttpsCrm> {
  const received: CrmRequest[] = [];
  const server = createServer({ cert: certs.server.cert, key: certs.server.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization ?? null,
        body,
      });
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ authenticated: true, customer_name: 'Dora' }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const workspace = await mkdtemp(join(tmpdir(), 'ivr-ws-crm-'));
  await mkdir(join(workspace, 'flows'));
  await mkdir(join(workspace, 'environments'));
  await mkdir(join(workspace, 'certs'));
  await writeFile(join(workspace, 'certs', 'ca.pem'), certs.ca);
  const flowPath = join(workspace, 'flows', 'x.json');
  await writeFile(flowPath, JSON.stringify(CRM_FLOW, null, 2) + '\n');
  await writeFile(
    join(workspace, 'environments', 'staging.yaml'),
    [
      '# Written by hand, as a user would.',
      'name: Staging CRM',
      'variables:',
      `  crm_base: ${url}`,
      'secrets: [crm_token]',
      'headers:',
      '  Authorization: Bearer ${secret.crm_token}',
      'tls:',
      '  ca: ../certs/ca.pem',
      '',
    ].join('\n'),
  );
  return {
    url,
    token,
    received,
    workspace,
    flowPath,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await rm(workspace, { recursive: true, force: true });
    },
  };
}
