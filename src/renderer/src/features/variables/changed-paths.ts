/**
 * Which variable paths the last step changed, down to the leaves of nested objects, so a reply
 * that changed `account.balance` highlights that leaf and not the whole `account`.
 */
import type { VarValue } from '../../../../shared/variables.ts';
import { formatValue, isVarObject } from '../../../../shared/variables.ts';
import type { StepChanges } from '../../state/call-view.ts';

/** A changed path: its old value (absent when new) and where the change came from. */
export interface PathChange {
  from?: VarValue;
  source: string;
}

/** Changed paths (`account.balance`) and the objects that contain changes (`account`). */
export interface ChangedPaths {
  changed: Map<string, PathChange>;
  containsChange: Set<string>;
}

function diff(
  path: string,
  from: VarValue | undefined,
  to: VarValue,
  source: string,
  out: ChangedPaths,
): void {
  if (isVarObject(to) && isVarObject(from)) {
    const before = out.changed.size;
    for (const [key, value] of Object.entries(to)) {
      diff(`${path}.${key}`, from[key], value, source, out);
    }
    if (out.changed.size > before) out.containsChange.add(path);
    return;
  }
  if (from !== undefined && typeof from === typeof to && formatValue(from) === formatValue(to)) {
    return;
  }
  out.changed.set(path, from === undefined ? { source } : { from, source });
}

/** The changed paths of a step's changes. */
export function changedPaths(step: StepChanges | null): ChangedPaths {
  const out: ChangedPaths = { changed: new Map(), containsChange: new Set() };
  if (!step) return out;
  for (const [name, change] of Object.entries(step.changes)) {
    diff(name, change.from, change.to, change.source, out);
  }
  return out;
}
