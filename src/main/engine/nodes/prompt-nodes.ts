/** The nodes that only speak: `play` and `readBack`. */
import type { NodeOf } from '../../../shared/flow/flow-schema.ts';
import type { EngineContext } from '../engine-context.ts';
import { sayAs } from '../say-as.ts';

/** Speaks `say` (or plays `audio`), then goes on. */
export async function runPlay(
  ctx: EngineContext,
  id: string,
  node: NodeOf<'play'>,
): Promise<string> {
  await ctx.say(id, node.say, 'say', ['say'], node.audio);
  return node.next;
}

/** Speaks the optional intro and the value read the way `sayAs` says (digits, a currency, …). */
export async function runReadBack(
  ctx: EngineContext,
  id: string,
  node: NodeOf<'readBack'>,
): Promise<string> {
  const raw = ctx.render(id, node.value, ['value']);
  // A value holding a secret (a CRM's echo) read as digits or a number would be spelt out
  // in a form redaction cannot recognise: it is read as the redacted text instead.
  const shown = ctx.redactText(raw);
  const said =
    shown === raw
      ? sayAs(raw, node.sayAs, ctx.flow.locale, node.currency)
      : { text: shown, problem: null };
  if (said.problem) ctx.warn(id, 'say_as', `${said.problem}; read as text`, ['value']);
  if (node.audio !== undefined) {
    // The recording is the intro (`say` its caption); the value is still spoken.
    await ctx.say(id, node.say, 'readBack', ['say'], node.audio);
    await ctx.speak(id, said.text, 'readBack');
    return node.next;
  }
  const intro = node.say === undefined ? '' : ctx.render(id, node.say, ['say']);
  await ctx.speak(id, [intro, said.text].filter((s) => s !== '').join(' '), 'readBack');
  return node.next;
}
