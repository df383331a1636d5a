/**
 * What the re-run starts with, taken from the original call: the same caller, called number,
 * customer and project, and the same user variables it started with (the flow's initial values
 * then and any presets, e.g. the `crm_base` it ran against), with the user's overrides on top.
 * Variables the current flow adds are still set, since presets only win over the same names.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { SessionDetail } from '../../shared/session-types.ts';
import type { VarMap } from '../../shared/variables.ts';
import { isSystemVariable } from '../../shared/variables.ts';
import type { StartConditions } from './rerun-call.ts';

function startEvent(events: readonly CallEvent[]) {
  for (const event of events) if (event.type === 'call_started') return event;
  return null;
}

/** The re-run's start: the original's, with `overrides` (user variables) applied over it. */
export function startConditionsOf(session: SessionDetail, overrides: VarMap = {}): StartConditions {
  const started = startEvent(session.events);
  const initial = started?.variables ?? {};
  const text = (name: string, fallback: string): string => {
    const value = initial[name];
    return typeof value === 'string' ? value : fallback;
  };
  // fromEntries defines own properties: `__proto__` is a valid variable name, not a prototype.
  const variables: VarMap = Object.fromEntries(
    [...Object.entries(initial), ...Object.entries(overrides)].filter(
      ([name]) => !isSystemVariable(name),
    ),
  );
  return {
    source: started?.source ?? session.source,
    destination: started?.destination ?? session.destination,
    customer: text('customer', 'demo'),
    projectid: text('projectid', 'demo'),
    variables,
  };
}
