/**
 * Every document a comment cites exists where the comment says. A citation is a path ending in
 * `.md` inside a comment of src/, tests/ or scripts/, read from the project root: README.md,
 * docs/benchmarks.md, or ../shared/spec/CLI.md for the fixed contracts, which live beside the
 * project (for CI too), not in it. A bare spec name would send a reader of the project alone
 * looking for a file that is not there, so it fails here with the file, the line and the path to
 * write instead.
 *
 * Comments are found with TypeScript's own parser, so a string (a file name, a test's name) or a
 * regular expression that happens to hold `/*` is never mistaken for one.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { glob } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { ROOT } from '../helpers/project-root.ts';

/** The folders whose comments are checked, and the files in them that have comments. */
const SOURCES = '{src,tests,scripts}/**/*.{ts,tsx,mts,cts,js,mjs,cjs,css}';

/** Where the fixed contracts are, as a comment writes it (from the project root). */
const SPEC_DIR = '../shared/spec';

/**
 * A cited path: letters, digits and `._-` in `/`-separated parts, ending in `.md`, not glued to
 * more path characters on either side (so neither `a.md.bak` nor the middle of a path is one); a
 * full stop right after it ends the sentence.
 */
const CITATION = /(?<![\w./-])((?:[\w.-]+\/)*[\w.-]+\.md)(?!\.?[\w/-])/g;

/** A comment's text and the 1-based line it starts on. */
interface Comment {
  text: string;
  line: number;
}

/** One citation of a document that does not exist. */
interface Missing {
  where: string;
  cited: string;
}

/** A JSDoc node: the parser's view of a comment's inside, whose positions are not trivia. */
function isJsDoc(node: ts.Node): boolean {
  return node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode;
}

/** The comments of a TypeScript or JavaScript file, JSX comments included, in source order. */
function scriptComments(fileName: string, text: string): Comment[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const seen = new Set<number>();
  const jsxTexts: ts.Node[] = [];
  const found: ts.CommentRange[] = [];
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      found.push(range);
    }
  };
  // Comments are trivia before or after a token; walking the tokens (not just the nodes) also
  // reaches a JSX `{/* comment */}`, which belongs to no node. JSX text is not trivia: skipped.
  const visit = (node: ts.Node) => {
    if (isJsDoc(node)) return;
    if (node.kind === ts.SyntaxKind.JsxText) {
      jsxTexts.push(node);
      return;
    }
    if (node.kind < ts.SyntaxKind.FirstNode) {
      collect(ts.getLeadingCommentRanges(text, node.pos));
      collect(ts.getTrailingCommentRanges(text, node.end));
      return;
    }
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return (
    found
      // The token before JSX text would claim `// …` in the page's text as a trailing comment.
      .filter((range) => !jsxTexts.some((jsx) => range.pos >= jsx.pos && range.pos < jsx.end))
      .sort((a, b) => a.pos - b.pos)
      .map((range) => ({
        text: text.slice(range.pos, range.end),
        line: source.getLineAndCharacterOfPosition(range.pos).line + 1,
      }))
  );
}

/** The comments of a CSS file (`/* … *\/` only; strings in our CSS hold none). */
function cssComments(text: string): Comment[] {
  return [...text.matchAll(/\/\*[\s\S]*?\*\//g)].map((match) => ({
    text: match[0],
    line: text.slice(0, match.index).split('\n').length,
  }));
}

/** The `.md` paths a comment cites, with the line each is on; URLs are left out. */
function citations(comment: Comment): { cited: string; line: number }[] {
  const result: { cited: string; line: number }[] = [];
  comment.text.split('\n').forEach((lineText, offset) => {
    const withoutUrls = lineText.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ');
    for (const match of withoutUrls.matchAll(CITATION)) {
      result.push({ cited: match[1]!, line: comment.line + offset });
    }
  });
  return result;
}

/** What to write instead of a citation that does not resolve, when the document is elsewhere. */
function suggestion(cited: string): string {
  const name = basename(cited);
  for (const place of [SPEC_DIR, 'docs']) {
    if (existsSync(resolve(ROOT, place, name))) return ` (write ${place}/${name})`;
  }
  return '';
}

/** Every citation in the project's comments whose document does not exist, as `file:line`. */
async function missingCitations(): Promise<{ checked: number; missing: Missing[] }> {
  const missing: Missing[] = [];
  let checked = 0;
  const files: string[] = [];
  for await (const file of glob(SOURCES, { cwd: ROOT })) files.push(file);
  for (const file of files.sort()) {
    if (file.includes('node_modules')) continue;
    const text = readFileSync(join(ROOT, file), 'utf8');
    if (!text.includes('.md')) continue;
    const comments = file.endsWith('.css') ? cssComments(text) : scriptComments(file, text);
    for (const { cited, line } of comments.flatMap(citations)) {
      checked++;
      if (!existsSync(resolve(ROOT, cited))) {
        missing.push({ where: `${file}:${line}`, cited: cited + suggestion(cited) });
      }
    }
  }
  return { checked, missing };
}

describe('cited documents', () => {
  test('comments are told apart from strings, regular expressions and JSX text', () => {
    const source = [
      '/** See docs/a.md and CLI.md. */',
      "const name = 'notes.md'; // trailing ../shared/spec/FLOW.md",
      'const pattern = /\\/*x.md/; const tpl = `${name} in X.md`;',
      'const view = <p>// JSX.md text {/* JSX ../shared/spec/WEBHOOK.md */}</p>;',
      '/* https://example.com/URL.md, docs/a.md.bak, not/../x.md/y, README.md. */',
    ].join('\n');
    const found = scriptComments('fixture.tsx', source).flatMap(citations);
    assert.deepEqual(found, [
      { cited: 'docs/a.md', line: 1 },
      { cited: 'CLI.md', line: 1 },
      { cited: '../shared/spec/FLOW.md', line: 2 },
      { cited: '../shared/spec/WEBHOOK.md', line: 4 },
      { cited: 'README.md', line: 5 },
    ]);
    assert.deepEqual(cssComments('a {}\n/* tokens:\n   ARCHITECTURE.md */').flatMap(citations), [
      { cited: 'ARCHITECTURE.md', line: 3 },
    ]);
  });

  test('every document a comment cites exists at the path it gives', async () => {
    const { checked, missing } = await missingCitations();
    assert.ok(checked > 0, 'no citation found: the search itself is broken');
    assert.deepEqual(
      missing.map(({ where, cited }) => `${where}: ${cited}`),
      [],
      `cited documents that do not exist (paths are read from ${ROOT}; the fixed contracts ` +
        `are cited as ${SPEC_DIR}/NAME.md)`,
    );
  });
});
