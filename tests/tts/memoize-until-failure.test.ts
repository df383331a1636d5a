import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoizeUntilFailure } from '../../src/main/tts/memoize-until-failure.ts';

test('one load is shared until it fails; after a failure the next call loads again', async () => {
  let loads = 0;
  let fail = true;
  const get = memoizeUntilFailure(async () => {
    loads++;
    if (fail) throw new Error('engine busy');
    return ['voice'];
  });
  await assert.rejects(get(), /engine busy/);
  await assert.rejects(get(), /engine busy/);
  assert.equal(loads, 2, 'a failure is not remembered');
  fail = false;
  const [a, b] = await Promise.all([get(), get()]);
  assert.deepEqual(a, ['voice']);
  assert.equal(a, b, 'callers share one result');
  await get();
  assert.equal(loads, 3, 'a success is remembered');
});
