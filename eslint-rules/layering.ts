/**
 * `local/layering`: which folders of `src/` may import which, stated as a lint rule so the layers
 * hold by rule rather than by habit (after VS Code's `.eslint-plugin-local/code-layering.ts`).
 * The table of layers lives in eslint.config.js, as this rule's options; this file only enforces
 * it. Every form that pulls a module in is checked (`import`, `import type`, `export … from`,
 * `import()`), whether or not it survives type stripping: a type-only import still ties the
 * importer's code to the other layer's.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import type { ESLint, Rule } from 'eslint';

/** One line of the layer table. */
export interface LayerRule {
  /** Project-relative folders whose files the line binds. */
  from: string[];
  /** Folders inside `from` left free of it. */
  except?: string[];
  /** Project-relative folders, or package names (`electron`), those files may not import. */
  deny: string[];
  /** Why, quoted in the message. */
  because: string;
}

/** The rule's options. */
export interface LayeringOptions {
  /**
   * Folders whose subfolders are layers (`src/main`, then `src`): the message names the importing
   * file's layer (`src/main/engine`, `src/renderer`) rather than the whole `from` folder.
   */
  layerRoots: string[];
  rules: LayerRule[];
}

/** Whether `path` is `folder` or lies inside it (also a package name and its subpaths). */
function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/**
 * What an import names, as the table spells it: a project-relative path for a relative
 * specifier, the specifier itself for a package. A query (`./worker.ts?modulePath`) is dropped:
 * the file it names is still bundled into the importer's layer.
 */
function importTarget(specifier: string, importer: string, cwd: string): string {
  const path = specifier.replace(/\?.*$/s, '');
  if (!path.startsWith('.')) return path;
  return toPosix(relative(cwd, resolve(dirname(importer), path)));
}

/** The layer `file` belongs to: the folder right under the deepest root that holds it. */
function layerOf(file: string, roots: readonly string[]): string {
  const root = roots
    .filter((r) => within(file, r) && file !== r)
    .sort((a, b) => b.length - a.length)[0];
  if (root === undefined) return dirname(file);
  const next = file.slice(root.length + 1).split('/');
  // A file directly in a root (none today) is in no folder below it: the root names its layer.
  return next.length > 1 ? `${root}/${next[0]}` : root;
}

const layering: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each layer of src/ from importing the layers it must not know.' },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        required: ['layerRoots', 'rules'],
        properties: {
          layerRoots: { type: 'array', items: { type: 'string' } },
          rules: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['from', 'deny', 'because'],
              properties: {
                from: { type: 'array', items: { type: 'string' } },
                except: { type: 'array', items: { type: 'string' } },
                deny: { type: 'array', items: { type: 'string' } },
                because: { type: 'string' },
              },
            },
          },
        },
      },
    ],
    messages: {
      badLayering: 'Bad layering: {{layer}} may not import {{target}} ({{because}})',
    },
  },
  create(context) {
    const options = context.options[0] as LayeringOptions;
    const file = toPosix(relative(context.cwd, context.filename));
    const binding = options.rules.filter(
      (rule) =>
        rule.from.some((folder) => within(file, folder)) &&
        !(rule.except ?? []).some((folder) => within(file, folder)),
    );
    if (binding.length === 0) return {};
    const layer = layerOf(file, options.layerRoots);

    const check = (source: unknown, node: Rule.Node): void => {
      const literal = source as { type?: string; value?: unknown } | null | undefined;
      if (literal?.type !== 'Literal' || typeof literal.value !== 'string') return;
      const target = importTarget(literal.value, context.filename, context.cwd);
      for (const rule of binding) {
        const denied = rule.deny.find((folder) => within(target, folder));
        if (denied === undefined) continue;
        context.report({
          node,
          messageId: 'badLayering',
          data: { layer, target: denied, because: rule.because },
        });
        return;
      }
    };

    return {
      ImportDeclaration: (node) => check(node.source, node),
      ExportNamedDeclaration: (node) => check(node.source, node),
      ExportAllDeclaration: (node) => check(node.source, node),
      ImportExpression: (node) => check(node.source, node),
      // `type X = import('../services/x.ts').Y` (typescript-eslint's node, not ESTree's).
      TSImportType: (node: Rule.Node) => {
        const argument = (node as unknown as { argument?: { literal?: unknown } }).argument;
        check(argument?.literal, node);
      },
    };
  },
};

/** The plugin eslint.config.js registers as `local`. */
const plugin: ESLint.Plugin = {
  meta: { name: 'eslint-plugin-local' },
  rules: { layering },
};

export default plugin;
