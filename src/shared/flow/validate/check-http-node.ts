/** The checks of an `http` node: body against method and content type, url, names, headers. */
import type { FlowNode } from '../flow-schema.ts';
import { checkAssignedName } from './check-assigned-name.ts';
import type { Path, Problems } from './problems.ts';

/** Checks an `http` node's fields; `at` turns a field into its path under the node. */
export function checkHttpNode(
  node: Extract<FlowNode, { type: 'http' }>,
  at: (...field: Path) => Path,
  problems: Problems,
): void {
  const hasBody = node.body !== undefined && node.body !== '';
  if (hasBody && (node.method === 'GET' || node.method === 'DELETE')) {
    problems.error(
      at('body'),
      'body-not-allowed',
      `a body is only allowed with POST or PUT, not ${node.method}`,
    );
  }
  if (hasBody && node.contentType === 'json') {
    try {
      JSON.parse(node.body as string);
    } catch (error) {
      problems.error(
        at('body'),
        'invalid-json-body',
        `invalid JSON body template (put each \${...} inside a string value): ${(error as Error).message}`,
      );
    }
  }
  if (hasBody && node.contentType === 'form') {
    for (const pair of (node.body as string).split('&')) {
      if (pair !== '' && !pair.includes('=')) {
        problems.warning(
          at('body'),
          'form-pair',
          `form body part "${pair}" has no "=": expected key=value&...`,
        );
      }
    }
  }
  if (!node.url.startsWith('${') && !/^https?:\/\//i.test(node.url)) {
    problems.error(
      at('url'),
      'invalid-url',
      'url must start with http:// or https:// (or a ${variable} holding one)',
    );
  }
  if (node.setVariable !== undefined)
    checkAssignedName(at('setVariable'), node.setVariable, problems);
  if (node.sendOnHangup && node.onError !== undefined) {
    problems.warning(
      at('onError'),
      'unused-edge',
      'never taken: a send-on-hang-up request fires after the call has ended',
    );
  }
  if (node.sendOnHangup && node.setVariable !== undefined) {
    problems.warning(
      at('setVariable'),
      'unused-variable',
      'never set: the response of a send-on-hang-up request is disregarded',
    );
  }
  for (const name of Object.keys(node.headers ?? {})) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      problems.error(
        at('headers', name),
        'invalid-header',
        `"${name}" is not a valid HTTP header name`,
      );
    }
  }
}
