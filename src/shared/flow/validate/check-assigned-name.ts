import { isSystemVariable, isValidVariableName } from '../../variables.ts';
import type { Path, Problems } from './problems.ts';

/** Checks a name the flow assigns to: a valid variable name, and not a system variable. */
export function checkAssignedName(path: Path, name: string, problems: Problems): void {
  if (!isValidVariableName(name)) {
    problems.error(
      path,
      'invalid-variable-name',
      `invalid variable name "${name}" (must match ^[a-z_][a-z0-9_]*$)`,
    );
  } else if (isSystemVariable(name)) {
    problems.error(
      path,
      'system-variable',
      `"${name}" is a system variable and cannot be assigned`,
    );
  }
}
