/** The problem list the check families append to, in the order they find problems. */
import { toPointer } from '../../json-pointer.ts';

/** One problem found in a flow. */
export interface FlowProblem {
  severity: 'error' | 'warning';
  /** JSON Pointer to the offending value (`/nodes/auth/url`); `` for the whole file. */
  pointer: string;
  /** A short code for tools (`unknown-variable`, `missing-node`, …). */
  code: string;
  message: string;
}

/** A location in the flow file, as JSON Pointer segments. */
export type Path = (string | number)[];

/** Collects problems; the validator orders them (errors first) only at the end. */
export class Problems {
  readonly list: FlowProblem[] = [];
  error(path: Path, code: string, message: string): void {
    this.list.push({ severity: 'error', pointer: toPointer(path), code, message });
  }
  warning(path: Path, code: string, message: string): void {
    this.list.push({ severity: 'warning', pointer: toPointer(path), code, message });
  }
  get hasErrors(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }
}
