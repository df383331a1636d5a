/**
 * The shell of the HTML pages the console writes to be opened anywhere, offline (the load report,
 * the coverage page): one file, inline styles only, a policy that lets nothing be fetched or run,
 * and the figures embedded as JSON data beside the markup so a script or a test can read them.
 */
import { escapeXml as esc } from '../../shared/load/chart-svg.ts';

/**
 * Nothing may be fetched: inline styles and `data:` images only. No script runs (the embedded
 * JSON's `<script type="application/json">` is data, which the policy does not need to allow).
 */
export const SELF_CONTAINED_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * JSON safe inside a `<script>` element: `<`, `>` and `&` as `\u` escapes (still the same JSON),
 * so no text from a flow or a CRM can close the element or open a comment.
 */
function scriptJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** What goes into a page. */
export interface SelfContainedPage {
  /** The document's title (escaped here). */
  title: string;
  /** The command that wrote it, for `<meta name="generator">`. */
  generator: string;
  css: string;
  /** The markup inside `<main>` (already escaped). */
  main: string;
  /** The id of the `<script type="application/json">` and the value it holds. */
  jsonId: string;
  json: unknown;
}

/** The page as one HTML document (UTF-8). */
export function selfContainedPage(page: SelfContainedPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(SELF_CONTAINED_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(page.generator)}">
<title>${esc(page.title)}</title>
<style>${page.css}</style>
</head>
<body>
<main>
${page.main}
</main>
<script type="application/json" id="${page.jsonId}">
${scriptJson(page.json)}
</script>
</body>
</html>
`;
}
