/**
 * Reading a request body with a size cap, without ever throwing: a client that hangs up mid-body
 * or sends too much gets an answer (or none), never an exception on the server.
 */
import type { IncomingMessage } from 'node:http';

/**
 * The whole body, `'too_large'` as soon as it passes `max` bytes (the rest is left unread, so the
 * caller can still answer), or `'aborted'` when the client went away before the end.
 */
export function readRequestBody(
  req: IncomingMessage,
  max: number,
): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Listeners, not `for await`: leaving that loop early destroys the socket, and with it the
    // 413 answer the client should read.
    const finish = (result: Buffer | 'too_large' | 'aborted'): void => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onClose);
      req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > max) finish('too_large');
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish(Buffer.concat(chunks, size));
    const onAbort = (): void => finish('aborted');
    const onClose = (): void => {
      if (!req.complete) finish('aborted');
    };
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onClose);
  });
}
