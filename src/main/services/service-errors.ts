/**
 * Errors services throw on purpose: each carries the envelope code the transports answer with,
 * so the renderer can tell "no such call" from a bug.
 */
import type { ErrorCode } from '../../shared/contract.ts';

/** An expected refusal, with its envelope code. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
