/**
 * Lets Node load the renderer's components for a static render: `.tsx` files under src/renderer
 * are compiled by rolldown's transformer (the one the renderer's build uses, JSX to React's
 * automatic runtime) and their `.css` imports load as nothing. Only files under src/renderer/ are
 * touched, so other tests sharing the process load as before.
 */
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'rolldown/utils';

const RENDERER = new URL('../../../../src/renderer/', import.meta.url).href;

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith(RENDERER)) return nextLoad(url, context);
    if (url.endsWith('.css')) return { format: 'module', source: '', shortCircuit: true };
    if (!url.endsWith('.tsx')) return nextLoad(url, context);
    const loaded = nextLoad(url, { ...context, format: 'module' });
    const source = String(loaded.source);
    const result = transformSync(fileURLToPath(url), source, {
      lang: 'tsx',
      jsx: { runtime: 'automatic' },
    });
    if (result.errors.length > 0) {
      throw new Error(`${url}: ${result.errors.map((error) => error.message).join('; ')}`);
    }
    return { format: 'module', source: result.code, shortCircuit: true };
  },
});
