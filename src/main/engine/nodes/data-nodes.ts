/** The nodes that set variables without the caller: `setVariable` and `queryData`. */
import type { NodeOf } from '../../../shared/flow/flow-schema.ts';
import type { VarMap } from '../../../shared/variables.ts';
import type { EngineContext } from '../engine-context.ts';
import { setOwn } from '../set-own.ts';

/** Renders every assignment first, then applies them as one change. */
export function runSetVariable(
  ctx: EngineContext,
  id: string,
  node: NodeOf<'setVariable'>,
): string {
  const values: VarMap = {};
  for (const [name, template] of Object.entries(node.assign)) {
    setOwn(values, name, ctx.render(id, template, ['assign', name]));
  }
  ctx.apply(values, 'setVariable', id);
  return node.next;
}

/**
 * Finds the first dataset row whose fields equal every rendered `match` value and copies the
 * `assign` fields from it; no row goes to `onNotFound` (else `next`).
 */
export function runQueryData(ctx: EngineContext, id: string, node: NodeOf<'queryData'>): string {
  const rows = ctx.flow.datasets[node.dataset] ?? [];
  const wanted = Object.entries(node.match).map(
    ([field, template]) => [field, ctx.render(id, template, ['match', field])] as const,
  );
  const rowIndex = rows.findIndex((row) =>
    wanted.every(([field, value]) => row[field] !== undefined && String(row[field]) === value),
  );
  const row = rows[rowIndex];
  ctx.emit({
    type: 'data_query',
    node: id,
    dataset: node.dataset,
    found: row !== undefined,
    rowIndex: row ? rowIndex : null,
  });
  if (!row) return node.onNotFound ?? node.next;
  const values: VarMap = {};
  for (const [name, field] of Object.entries(node.assign)) {
    const value = row[field];
    if (value === undefined)
      ctx.warn(id, 'missing_field', `row ${rowIndex} has no field "${field}"`, ['assign', name]);
    else setOwn(values, name, value);
  }
  ctx.apply(values, 'queryData', id);
  return node.next;
}
