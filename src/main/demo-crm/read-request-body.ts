/**
 * Reads and decodes a request body for the demo CRM, capped so a misbehaving client cannot make
 * it buffer without bound.
 */
import type { IncomingMessage } from 'node:http';

/** Largest request body the demo CRM accepts. */
export const MAX_REQUEST_BYTES = 64 * 1024;

/** A decoded request body: fields from JSON or form, plus the raw text. */
export interface RequestBody {
  raw: string;
  fields: Record<string, unknown>;
}

/** Thrown for a body the demo CRM cannot accept; carries the HTTP status to answer with. */
export class BadRequest extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Reads the body (stopping at the cap) and decodes it by its content type. */
export async function readRequestBody(req: IncomingMessage): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) {
      req.destroy();
      throw new BadRequest(413, `request body over ${MAX_REQUEST_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (raw === '') return { raw, fields: {} };
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw new BadRequest(400, `invalid JSON body: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new BadRequest(400, 'JSON body must be an object');
    }
    return { raw, fields: parsed as Record<string, unknown> };
  }
  if (type === 'application/x-www-form-urlencoded') {
    return { raw, fields: Object.fromEntries(new URLSearchParams(raw)) };
  }
  return { raw, fields: {} };
}
