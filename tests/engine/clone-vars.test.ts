/** The engine's copies of variable values: deep, independent, `__proto__` kept as a key. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cloneVarMap, cloneVarValue } from '../../src/main/engine/clone-vars.ts';
import type { VarObject, VarValue } from '../../src/shared/variables.ts';

test('a copy equals the original and shares nothing with it', () => {
  const vars = {
    name: 'Ann',
    balance: 12.5,
    vip: true,
    account: { tier: 'gold', limits: { day: 500 } },
  };
  const copy = cloneVarMap(vars);
  assert.deepEqual(copy, vars);
  (copy['account'] as VarObject)['tier'] = 'silver';
  ((copy['account'] as VarObject)['limits'] as VarObject)['day'] = 1;
  assert.equal(vars.account.tier, 'gold');
  assert.equal(vars.account.limits.day, 500);
});

test('a key named __proto__ is copied as a key, not as the prototype', () => {
  const value = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": "1"}') as VarObject;
  const copy = cloneVarValue(value) as VarObject;
  assert.equal(Object.getPrototypeOf(copy), Object.prototype);
  assert.deepEqual(Object.keys(copy), ['__proto__', 'a']);
  assert.deepEqual(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value, { polluted: 'yes' });
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('nesting far deeper than structuredClone could copy is copied whole, with no stack overflow', () => {
  let deep: VarValue = 'bottom';
  for (let i = 0; i < 100_000; i++) deep = { next: deep };
  const copy = cloneVarValue(deep);
  let depth = 0;
  let at: VarValue = copy;
  while (typeof at === 'object') {
    at = at['next'] as VarValue;
    depth++;
  }
  assert.equal(depth, 100_000);
  assert.equal(at, 'bottom');
});
