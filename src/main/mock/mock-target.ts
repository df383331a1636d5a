/**
 * Where the webhook client sends a mocked request: the same method, headers and body, to the
 * mock server with the rule named in the path, or, for a `refuse` rule, to the port the server
 * reserved and closed, so the refusal is the system's own ECONNREFUSED.
 */
import type { MockRoute, MockRule } from '../../shared/mock-types.ts';
import type { WireRequest } from '../webhook/render-request.ts';

/** The path prefix of mocked requests. */
export const MOCK_PATH_PREFIX = '/__mock/';

/** The request path of rule `rule` (0-based) of `node` for the original `target`. */
export function mockPath(key: string, node: string, rule: number, target: string): string {
  return `${MOCK_PATH_PREFIX}${key}/${encodeURIComponent(node)}/${rule + 1}${target}`;
}

/** The request to send for rule `index` (0-based) of `nodeId`. */
export function mockTarget(
  route: MockRoute,
  nodeId: string,
  index: number,
  rule: MockRule,
  wire: WireRequest,
): WireRequest {
  return {
    ...wire,
    origin: rule.fault === 'refuse' ? route.refuseOrigin : route.origin,
    path: mockPath(route.key, nodeId, index, wire.path),
  };
}
