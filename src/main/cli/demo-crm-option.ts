/**
 * `--demo-crm`, shared by `run`, `test` and `replay`: the demo CRM started in-process on a free
 * port for the command's lifetime, with `crm_base` pointed at it. (`mock-crm` is different: it
 * serves on a chosen port in the foreground and logs every request.)
 */
import type { VarMap } from '../../shared/variables.ts';
import { startDemoCrm } from '../demo-crm/demo-crm-server.ts';
import type { DemoCrm } from '../demo-crm/demo-crm-server.ts';
import type { WebhookNetwork } from '../webhook/network-options.ts';
import type { CliIo } from './cli-io.ts';
import { println, UsageError } from './cli-io.ts';

/**
 * Refuses `--demo-crm` together with `--var crm_base=…`: both say where the CRM is, and silently
 * preferring one would send the calls somewhere the user did not expect.
 */
export function refuseTwoCrmBases(
  command: string,
  demoCrm: boolean | undefined,
  variables: VarMap,
): void {
  if (demoCrm && Object.hasOwn(variables, 'crm_base')) {
    throw new UsageError(`${command}: --demo-crm and --var crm_base=… both set crm_base; use one`);
  }
}

/**
 * When `--demo-crm` was given: starts the demo CRM, sets `variables.crm_base` to its address and
 * names it on stderr (stdout stays for the command's own output). The caller closes it; null when
 * the option was not given.
 */
export async function startDemoCrmWhenAsked(
  asked: boolean | undefined,
  variables: VarMap,
  io: CliIo,
): Promise<DemoCrm | null> {
  if (!asked) return null;
  const crm = await startDemoCrm({ port: 0 });
  variables['crm_base'] = crm.url;
  println(io.stderr, `demo CRM listening on ${crm.url}`);
  return crm;
}

/**
 * The network of a command that asked for `--demo-crm`: straight to it, whatever
 * `HTTP_PROXY` / `HTTPS_PROXY` say (the demo CRM is this machine's own loopback server, which a
 * corporate proxy cannot reach). An environment's explicit `proxy:` still applies.
 */
export function directToDemoCrm(
  network: WebhookNetwork,
  asked: boolean | undefined,
): WebhookNetwork {
  return asked ? { ...network, proxyEnv: {} } : network;
}
