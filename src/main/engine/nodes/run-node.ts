/**
 * Runs one node with the handler of its type. A `switch` rather than a table keyed by type: each
 * case narrows the node to its own type with no cast, and a new node type fails to compile here.
 */
import type { FlowNode } from '../../../shared/flow/flow-schema.ts';
import type { StepResult } from '../call-ending.ts';
import type { EngineContext } from '../engine-context.ts';
import { runBranch } from './branch-node.ts';
import { runQueryData, runSetVariable } from './data-nodes.ts';
import { runHttp } from './http-node.ts';
import { runGetDigits, runMenu } from './input-nodes.ts';
import { runPlay, runReadBack } from './prompt-nodes.ts';
import { runHangup, runTransfer } from './transfer-hangup-nodes.ts';

/** Runs `node`; resolves to the next node's id, or how the call ends. */
export async function runNode(ctx: EngineContext, id: string, node: FlowNode): Promise<StepResult> {
  switch (node.type) {
    case 'play':
      return runPlay(ctx, id, node);
    case 'getDigits':
      return runGetDigits(ctx, id, node);
    case 'menu':
      return runMenu(ctx, id, node);
    case 'http':
      return runHttp(ctx, id, node);
    case 'setVariable':
      return runSetVariable(ctx, id, node);
    case 'queryData':
      return runQueryData(ctx, id, node);
    case 'branch':
      return runBranch(ctx, id, node);
    case 'readBack':
      return runReadBack(ctx, id, node);
    case 'transfer':
      return runTransfer(ctx, id, node);
    case 'hangup':
      return runHangup(ctx, id, node);
  }
}
