/**
 * "Send request" (the flow view's button, `ivr-console send`): one `http` node's request rendered
 * as a call would render it on entering the node (system variables, the flow's variables, the
 * environment's, then the values the user typed) and fired through the same webhook client, with
 * the same limits and verdict. No call is placed and nothing is logged.
 */
import { randomUUID } from 'node:crypto';
import type { SentRequest } from '../../shared/contract.ts';
import { DEMO_DESTINATION, DEMO_SOURCE } from '../../shared/demo-numbers.ts';
import type { Flow, HttpNode } from '../../shared/flow/flow-schema.ts';
import { requestReferencePaths } from '../../shared/flow/flow-references.ts';
import { isSecretReference } from '../../shared/flow/template.ts';
import type { VarMap } from '../../shared/variables.ts';
import { formatValue, isSystemVariable, readPath } from '../../shared/variables.ts';
import { createSecretRedactor } from '../engine/redact-secrets.ts';
import { createWebhookClient } from '../webhook/webhook-client.ts';
import type { CallEnvironment } from './call-environment.ts';

/** The node to fire and the values to render it with, as the flow view and `send` give them. */
export interface SendRequestInput {
  flow: Flow;
  nodeId: string;
  environment: CallEnvironment;
  /** Values typed for the node's references; they win over the flow's and the environment's. */
  variables: VarMap;
  source?: string;
  destination?: string;
}

/** Why the node cannot be sent; the message names the node. */
export class SendRequestError extends Error {}

/** The `http` node `nodeId` of `flow`, or a {@link SendRequestError} saying what it is instead. */
export function httpNode(flow: Flow, nodeId: string): HttpNode {
  const node = Object.hasOwn(flow.nodes, nodeId) ? flow.nodes[nodeId] : undefined;
  if (node === undefined) {
    const https = Object.entries(flow.nodes)
      .filter(([, n]) => n.type === 'http')
      .map(([id]) => id);
    throw new SendRequestError(
      `the flow has no node "${nodeId}"${https.length > 0 ? ` (its http nodes: ${https.join(', ')})` : ' and no http node'}`,
    );
  }
  if (node.type !== 'http') {
    throw new SendRequestError(`node "${nodeId}" is a ${node.type} node, not an http node`);
  }
  return node;
}

/**
 * The references a request reads that the user may give values for: the node's URL, headers and
 * body, then the environment's headers; secrets left out; in first-use order.
 */
export function requestReferences(
  node: HttpNode,
  environmentHeaders: Readonly<Record<string, string>> = {},
): string[] {
  return requestReferencePaths(node, Object.values(environmentHeaders)).filter(
    (path) => !isSecretReference(path),
  );
}

/**
 * Sends the node's request once; never places a call. What it returns is shown and printed, so
 * every secret value in it (a CRM's echo of the token included) is `[redacted]`.
 */
export async function sendRequest(input: SendRequestInput): Promise<SentRequest> {
  const node = httpNode(input.flow, input.nodeId);
  const typed = Object.fromEntries(
    Object.entries(input.variables).filter(([name]) => !isSystemVariable(name)),
  );
  const uuid = randomUUID();
  const variables: VarMap = {
    ...structuredClone(input.flow.variables),
    ...structuredClone(input.environment.variables),
    ...typed,
    customer: 'demo',
    projectid: 'demo',
    source: input.source ?? DEMO_SOURCE,
    destination: input.destination ?? DEMO_DESTINATION,
    uuid,
    vccsys_shortid: uuid.slice(0, 8),
  };
  const client = createWebhookClient({
    limits: input.environment.limits,
    network: input.environment.network,
  });
  try {
    const { exchange } = await client.execute({
      nodeId: input.nodeId,
      node,
      variables,
      secrets: input.environment.secrets,
    });
    const references = requestReferences(node, input.environment.network.headers).map((name) => {
      const value = readPath(variables, name);
      return { name, value: value === undefined ? null : formatValue(value) };
    });
    return createSecretRedactor(input.environment.secrets).tree({ exchange, references });
  } finally {
    await client.close();
  }
}
