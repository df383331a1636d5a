/**
 * No import cycles in src/ (issue 11). ESLint checks one file at a time, and eslint-plugin-import-x's
 * `no-cycle` is not a dependency of ours, so the graph is built here: every static `import`
 * (`import type` too: a cycle of types still means two files that cannot be understood apart) and
 * `export … from` of each .ts/.tsx file, relative specifiers resolved. Dynamic `import()` is left
 * out: a lazy load is how a composition root reaches a screen without the screen being loaded.
 */
import assert from 'node:assert/strict';
import { glob, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { ROOT } from '../helpers/project-root.ts';

/** Project-relative, with `/` on every system. */
function projectPath(path: string): string {
  return relative(ROOT, path).split(sep).join('/');
}

/** The static import and re-export specifiers of one source file. */
function specifiersOf(path: string, text: string): string[] {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, kind);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (specifier !== undefined && ts.isStringLiteral(specifier)) specifiers.push(specifier.text);
  }
  return specifiers;
}

/**
 * The import graph of the .ts/.tsx files under `folder` (project-relative): each file to the
 * files under `folder` it imports. A specifier with a query (`./worker.ts?modulePath`) yields a
 * file's path, not its exports, so it is no edge; neither is an import of a package.
 */
async function importGraph(folder: string): Promise<Map<string, string[]>> {
  const base = resolve(ROOT, folder);
  const files: string[] = [];
  for await (const file of glob('**/*.{ts,tsx}', { cwd: base })) files.push(join(base, file));
  const known = new Set(files.map(projectPath));
  const graph = new Map<string, string[]>();
  for (const file of files.sort()) {
    const targets = specifiersOf(file, await readFile(file, 'utf8'))
      .filter((specifier) => specifier.startsWith('.') && !specifier.includes('?'))
      .map((specifier) => projectPath(resolve(dirname(file), specifier)))
      .filter((target) => known.has(target));
    graph.set(projectPath(file), [...new Set(targets)]);
  }
  return graph;
}

/** The shortest path from `start` back to itself, or null when no import leads back. */
function shortestCycleThrough(
  graph: ReadonlyMap<string, string[]>,
  start: string,
): string[] | null {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    for (const next of graph.get(file) ?? []) {
      if (next === start) {
        const path = [file];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
        return [...path, start];
      }
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, file);
      queue.push(next);
    }
  }
  return null;
}

/**
 * The import cycles of `graph`, each as a path that ends where it starts (`a → b → a`): the
 * shortest cycle through each file that is on one, written from its first file by name, each
 * cycle once.
 */
function findCycles(graph: ReadonlyMap<string, string[]>): string[] {
  const cycles = new Set<string>();
  for (const file of [...graph.keys()].sort()) {
    const cycle = shortestCycleThrough(graph, file);
    if (cycle === null) continue;
    const ring = cycle.slice(0, -1);
    const first = ring.indexOf([...ring].sort()[0]!);
    const rotated = [...ring.slice(first), ...ring.slice(0, first)];
    cycles.add([...rotated, rotated[0]].join(' → '));
  }
  return [...cycles].sort();
}

test('the cycle check finds a planted cycle of type-only imports, and only the files on it', async () => {
  const cycles = findCycles(await importGraph('tests/check/fixtures/import-cycle'));
  const fixtures = 'tests/check/fixtures/import-cycle';
  assert.deepEqual(cycles, [`${fixtures}/left.ts → ${fixtures}/right.ts → ${fixtures}/left.ts`]);
});

test('src/ has no import cycle', async () => {
  const cycles = findCycles(await importGraph('src'));
  assert.deepEqual(cycles, [], `import cycles in src/:\n  ${cycles.join('\n  ')}`);
});
