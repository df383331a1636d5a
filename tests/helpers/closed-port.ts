/**
 * A loopback port that refuses connections, for the "CRM is down" cases: taken from the system
 * by a listener that closes at once, so no other test's server holds it at that moment.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** A port on 127.0.0.1 with nothing listening (connection refused). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
