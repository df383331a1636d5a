/**
 * The built-in demo CRM: a webhook server on loopback that the sample flows call, so they run
 * on first launch with nothing else set up. It answers in each of the platform's reply formats
 * (JSON, x-ini, plain text), keeps a log of what it received (so a tester can check a
 * send-on-hang-up report arrived), and has endpoints that misbehave on purpose to show each
 * violation the console reports.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DEMO_CUSTOMERS, DEMO_METERS, DEMO_OFFERS } from './demo-data.ts';
import { BadRequest, readRequestBody } from './read-request-body.ts';
import type { RequestBody } from './read-request-body.ts';

/** The default port of `ivr-console mock-crm` (the sample flows' `crm_base`). */
export const DEMO_CRM_DEFAULT_PORT = 4010;

/** One request the demo CRM received. */
export interface ReceivedRequest {
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  fields: Record<string, unknown>;
  status: number;
}

/** A running demo CRM. */
export interface DemoCrm {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** Everything received so far, oldest first (the last 1,000). */
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** Options of {@link startDemoCrm}. */
export interface DemoCrmOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Loopback by default: the demo CRM is never exposed to the network. */
  host?: string;
  /** Called after each request is answered (the CLI logs it to stderr). */
  onRequest?: (request: ReceivedRequest, durationMs: number) => void;
}

interface Reply {
  status: number;
  type: string;
  body: string | Buffer;
  /** Wait this long before answering (the slow endpoint). */
  delayMs?: number;
  headers?: Record<string, string>;
}

const json = (value: unknown, status = 200): Reply => ({
  status,
  type: 'application/json',
  body: JSON.stringify(value),
});
const ini = (lines: Record<string, string | number | boolean>): Reply => ({
  status: 200,
  type: 'text/x-ini; charset=utf-8',
  body: Object.entries(lines)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n'),
});
const plain = (text: string, status = 200): Reply => ({
  status,
  type: 'text/plain; charset=utf-8',
  body: text,
});

type Handler = (query: URLSearchParams, body: RequestBody) => Reply;

function field(source: Record<string, unknown>, name: string): string {
  const value = source[name];
  return value === undefined || value === null ? '' : String(value);
}

const routes: Record<string, Handler> = {
  'GET /': () =>
    json({
      name: 'IVR Test Console demo CRM',
      endpoints: Object.keys(routes).filter((r) => r !== 'GET /'),
    }),

  // Customer number + PIN authentication: a JSON reply with a nested object.
  'POST /ivr/auth': (_q, { fields }) => {
    const id = field(fields, 'id');
    const pin = field(fields, 'pin');
    if (id === '') throw new BadRequest(400, 'missing "id" in the JSON body');
    const customer = DEMO_CUSTOMERS.find((c) => c.customerNumber === id && c.pin === pin);
    if (!customer)
      return json({ authenticated: false, reason: 'unknown customer number or wrong PIN' });
    return json({
      authenticated: true,
      customer_name: customer.name,
      tier: customer.tier,
      account: { balance: customer.balance, currency: customer.currency },
    });
  },

  // The balance alone as plain text, for a flow's `setVariable`.
  'GET /ivr/balance': (query) => {
    const customer = DEMO_CUSTOMERS.find((c) => c.customerNumber === query.get('id'));
    return customer ? plain(customer.balance.toFixed(2)) : plain('unknown customer', 404);
  },

  // Who is calling, by caller number: JSON.
  'GET /ivr/caller': (query) => {
    const customer = DEMO_CUSTOMERS.find((c) => c.phone === query.get('phone'));
    if (!customer) return json({ known: false });
    return json({
      known: true,
      customer_name: customer.name,
      tier: customer.tier,
      open_tickets: 2,
    });
  },

  // Today's offer for a tier: x-ini.
  'GET /ivr/offer': (query) => {
    const tier = (query.get('tier') ?? 'standard') as keyof typeof DEMO_OFFERS;
    return ini({ offer: DEMO_OFFERS[tier] ?? DEMO_OFFERS.standard, valid_days: 30 });
  },

  // A meter's last reading: x-ini.
  'GET /ivr/meter': (query) => {
    const meter = DEMO_METERS.find((m) => m.meterId === query.get('id'));
    if (!meter) return ini({ meter_found: false });
    return ini({
      meter_found: true,
      last_reading: meter.lastReading,
      unit: meter.unit,
      last_read_on: meter.lastReadOn,
    });
  },

  // A new reading, form-encoded: x-ini with the consumption since the last one.
  'POST /ivr/meter/reading': (_q, { fields }) => {
    const meter = DEMO_METERS.find((m) => m.meterId === field(fields, 'meter'));
    const reading = Number(field(fields, 'reading'));
    if (!meter) return ini({ accepted: false, reason: 'unknown meter' });
    if (!Number.isInteger(reading) || reading < meter.lastReading) {
      return ini({ accepted: false, reason: 'reading is below the last one' });
    }
    return ini({
      accepted: true,
      consumption: reading - meter.lastReading,
      reference: `R${meter.meterId}${reading}`,
    });
  },

  // Send-on-hang-up reports: the platform ignores the answer; the log shows it arrived.
  'POST /ivr/call-report': () => plain('ok'),
  'POST /ivr/end': () => plain('ok'),

  // Misbehaving on purpose, one endpoint per violation, so the inspector can be demonstrated.
  'GET /ivr/misbehave/slow': () => ({ ...json({ late: true }), delayMs: 6000 }),
  'GET /ivr/misbehave/huge': () => plain('x'.repeat(1024 * 1024)),
  'GET /ivr/misbehave/too-many-keys': () =>
    json(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`key_${i}`, i]))),
  'GET /ivr/misbehave/long-value': () => json({ name: 'x'.repeat(300) }),
  'GET /ivr/misbehave/deep': () => json({ a: { b: { c: { d: 1 } } } }),
  'GET /ivr/misbehave/array': () => json({ items: [1, 2, 3], nothing: null }),
  'GET /ivr/misbehave/bad-key': () => json({ 'Bad-Key': 1 }),
  'GET /ivr/misbehave/redirect': () => ({
    ...plain('moved', 302),
    headers: { location: '/ivr/caller' },
  }),
  'GET /ivr/misbehave/error': () => plain('internal error', 500),
  'GET /ivr/misbehave/latin1': () => ({
    status: 200,
    type: 'text/plain',
    body: Buffer.from([0x63, 0x61, 0x66, 0xe9]),
  }),
  'GET /ivr/misbehave/uuid': () =>
    json({ uuid: 'overridden', note: 'system variables are ignored' }),
};

/** Starts the demo CRM on loopback. */
export async function startDemoCrm(options: DemoCrmOptions = {}): Promise<DemoCrm> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void handle(req, res, requests, options.onRequest);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  log: ReceivedRequest[],
  onRequest: DemoCrmOptions['onRequest'],
): Promise<void> {
  const started = performance.now();
  const url = new URL(req.url ?? '/', 'http://demo.invalid');
  const method = req.method ?? 'GET';
  let body: RequestBody = { raw: '', fields: {} };
  let reply: Reply;
  try {
    body = await readRequestBody(req);
    const route = routes[`${method} ${url.pathname}`];
    reply = route
      ? route(url.searchParams, body)
      : plain(`no route for ${method} ${url.pathname}`, 404);
  } catch (error) {
    reply =
      error instanceof BadRequest
        ? plain(error.message, error.status)
        : plain('internal error', 500);
  }
  const received: ReceivedRequest = {
    at: Date.now(),
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
    ),
    body: body.raw,
    fields: body.fields,
    status: reply.status,
  };
  log.push(received);
  if (log.length > 1000) log.shift();
  if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  if (res.destroyed) return;
  res.writeHead(reply.status, { 'content-type': reply.type, ...reply.headers });
  res.end(reply.body);
  onRequest?.(received, performance.now() - started);
}
