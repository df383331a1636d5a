/**
 * Mock replies per node (../shared/spec/WORKSPACE.md, "Mock replies"): an environment's `mock`
 * section as plain data, so it crosses to load worker threads and to the renderer unchanged.
 */

/** Faults a rule can answer with instead of a reply. */
export const MOCK_FAULTS = ['timeout', 'reset', 'refuse', 'dribble'] as const;

/**
 * `timeout`: never answers; `reset`: head and part of the body, then a TCP reset; `refuse`: the
 * connection is refused; `dribble`: the reply sent a few bytes at a time (see mock-pacing.ts).
 */
export type MockFault = (typeof MOCK_FAULTS)[number];

/** A JSON value of a `json` reply (any JSON, so a mock can also break the platform's rules). */
export type MockJson = string | number | boolean | null | MockJson[] | { [key: string]: MockJson };

/** The reply body of a rule: one of `json`, `ini`, `text` or `body` (raw, no Content-Type). */
export type MockBody =
  { kind: 'json'; value: MockJson } | { kind: 'ini' | 'text' | 'body'; text: string };

/** One rule of a node, tried in order; the first whose `when` all equal answers. */
export interface MockRule {
  /**
   * Conditions by key (`method`, `path`, `query.<k>`, `body.<k>`, `header.<k>`), each a template
   * rendered with the call's variables and compared with the request as text. Empty: any request.
   */
  when: Record<string, string>;
  /** Reply status (default 200). */
  status: number;
  /** Reply headers (templates of the request), after the body kind's Content-Type. */
  headers: [string, string][];
  /** The reply body; null sends an empty one. */
  body: MockBody | null;
  /** Wait before the reply head: a fixed time or a random time in `[min, max]`; null: none. */
  delayMs: number | [number, number] | null;
  fault: MockFault | null;
}

/** `http` node id to its rules, in order. */
export type MockSection = Record<string, MockRule[]>;

/**
 * Where a call's mocked nodes are answered (plain data, for the webhook client's network): the
 * loopback mock server, a port it reserved and closed (for `refuse`), and the rules.
 */
export interface MockRoute {
  /** `http://127.0.0.1:PORT` of the mock server. */
  origin: string;
  /** `http://127.0.0.1:PORT` where nothing listens: a `refuse` rule's request goes there. */
  refuseOrigin: string;
  /** The section's key on the server (the first segment after `/__mock/`). */
  key: string;
  nodes: MockSection;
}

/** What marks a mocked exchange: the rule (1-based) that answered and the server's origin. */
export interface MockMarker {
  rule: number;
  server: string;
}
