/**
 * Edits a flow file's text the way a person would, for the flow editor: each change rewrites only
 * the value or key it touches, so a file saved from the editor diffs only where the user changed
 * it, keeps its key order and its layout (one-line nodes stay on one line), and a file not
 * changed at all is saved byte for byte. Built on `jsonc-parser`, VS Code's own JSON editing.
 */
import type { FormattingOptions, JSONPath } from 'jsonc-parser';
import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';

/** The fields of a node that name another node, besides menu options and branch cases. */
const EDGE_FIELDS = ['next', 'onFail', 'onError', 'onNotFound', 'default'] as const;

/** How new text is laid out: two spaces, and the line ending the file already uses. */
function formattingOf(text: string): FormattingOptions {
  return { tabSize: 2, insertSpaces: true, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/**
 * Sets the value at `path` (`['nodes', 'welcome', 'say']`), adding the property (at the end of
 * its object) when absent; `undefined` removes it. Everything else in the text stays as it was.
 */
export function setFlowValue(text: string, path: JSONPath, value: unknown): string {
  const edits = modify(text, path, value, { formattingOptions: formattingOf(text) });
  return applyEdits(text, edits);
}

/** A node's raw JSON, as far as this module reads it. */
type RawNode = Record<string, unknown>;

/** Every place in the flow that names `id`: the start, each edge field, menu options, cases. */
function referencesTo(flow: Record<string, unknown>, id: string): JSONPath[] {
  const paths: JSONPath[] = [];
  if (flow['start'] === id) paths.push(['start']);
  const nodes = flow['nodes'];
  if (typeof nodes !== 'object' || nodes === null) return paths;
  for (const [nodeId, value] of Object.entries(nodes as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const node = value as RawNode;
    for (const field of EDGE_FIELDS) {
      if (node[field] === id) paths.push(['nodes', nodeId, field]);
    }
    const options = node['options'];
    if (typeof options === 'object' && options !== null && !Array.isArray(options)) {
      for (const [key, to] of Object.entries(options)) {
        if (to === id) paths.push(['nodes', nodeId, 'options', key]);
      }
    }
    const cases = node['cases'];
    if (Array.isArray(cases)) {
      cases.forEach((entry: unknown, index) => {
        if (typeof entry === 'object' && entry !== null && (entry as RawNode)['next'] === id) {
          paths.push(['nodes', nodeId, 'cases', index, 'next']);
        }
      });
    }
  }
  return paths;
}

/** Replaces the key of the property at `path` (an object member) with `to`, in place. */
function renameKey(text: string, path: JSONPath, to: string): string {
  const root = parseTree(text);
  const value = root ? findNodeAtLocation(root, path) : undefined;
  const key = value?.parent?.children?.[0];
  if (!key) return text;
  return text.slice(0, key.offset) + JSON.stringify(to) + text.slice(key.offset + key.length);
}

/**
 * Renames node `from` to `to`: its key in `nodes` (and in `layout`), and every reference to it
 * (the start, edges, menu options, branch cases), each where it stands.
 *
 * @throws Error when the text is not JSON, `from` is not a node, or `to` is one already
 */
export function renameFlowNode(text: string, from: string, to: string): string {
  const flow = JSON.parse(text) as Record<string, unknown>;
  const nodes = (flow['nodes'] ?? {}) as Record<string, unknown>;
  if (!Object.hasOwn(nodes, from)) throw new Error(`there is no node "${from}"`);
  if (from === to) return text;
  if (Object.hasOwn(nodes, to)) throw new Error(`a node "${to}" exists already`);
  let next = text;
  for (const path of referencesTo(flow, from)) next = setFlowValue(next, path, to);
  next = renameKey(next, ['nodes', from], to);
  const layout = flow['layout'];
  if (typeof layout === 'object' && layout !== null && Object.hasOwn(layout, from)) {
    next = renameKey(next, ['layout', from], to);
  }
  return next;
}
