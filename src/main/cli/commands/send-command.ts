/**
 * `send <flow.json> --node ID`: fires one `http` node's request as a call would (environment,
 * flow variables, `--var` values) through the same client, and prints the exchange
 * (../shared/spec/CLI.md). No call is placed and nothing is logged. Exit 0 when the exchange is ok,
 * 1 when it has an error, 2 for a usage error, an invalid flow or environment, or a node that is
 * not an `http` node.
 */
import { formatProblem } from '../../../shared/flow/validate-flow.ts';
import { toRunJsonWebhook } from '../../calls/run-json.ts';
import { sendRequest, SendRequestError } from '../../calls/send-request.ts';
import { loadFlowFile } from '../../flows/load-flow-file.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT, parseOptions, println, UsageError } from '../cli-io.ts';
import { directToDemoCrm, refuseTwoCrmBases, startDemoCrmWhenAsked } from '../demo-crm-option.ts';
import {
  ENVIRONMENT_HELP,
  ENVIRONMENT_OPTIONS,
  resolveCliEnvironment,
} from '../environment-option.ts';
import { formatExchange } from '../format-exchange.ts';
import { parseVarOptions } from '../name-value-options.ts';

const OPTIONS = {
  node: { type: 'string' },
  var: { type: 'string', multiple: true },
  source: { type: 'string' },
  destination: { type: 'string' },
  'demo-crm': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
  ...ENVIRONMENT_OPTIONS,
} as const;

/** Usage printed by `send --help`: the options and what each exit status means. */
export const SEND_HELP = `usage: ivr-console send <flow.json> --node <id> [options]

Fires one http node's request as a call would and prints the exchange; no call, no session.
      --node <id>           the http node
      --var name=value      a value for a \${ref} the request uses (repeatable)
      --source <number>     caller number for \${source} (default +3612345678)
      --destination <num>   called number for \${destination} (default +3612000000)
      --demo-crm            start the demo CRM on a free port and point crm_base at it
${ENVIRONMENT_HELP}
      --json                the exchange as one element of run --json's webhooks

exit status: 0 the exchange is ok, 1 it has an error, 2 usage error`;

/** Fires one http node's request outside a call, prints the exchange; resolves to the exit code. */
export async function sendCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, 'send');
  if (values.help) {
    println(io.stdout, SEND_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('send: name exactly one flow file');
  if (values.node === undefined) throw new UsageError('send: name the http node with --node <id>');
  const variables = parseVarOptions('send', values.var, (name) => `use --${name}`);
  refuseTwoCrmBases('send', values['demo-crm'], variables);

  const loaded = await loadFlowFile(positionals[0] as string, io.cwd);
  if (loaded.readError) throw new UsageError(`send: ${positionals[0]}: ${loaded.readError}`);
  if (!loaded.flow) {
    println(io.stderr, `send: ${positionals[0]} is not a valid flow:`);
    for (const problem of loaded.problems) println(io.stderr, `  ${formatProblem(problem)}`);
    return EXIT.usage;
  }
  const environment = await resolveCliEnvironment('send', values, loaded.path, io);
  const crm = await startDemoCrmWhenAsked(values['demo-crm'], variables, io).catch(
    async (error: unknown) => {
      await environment.close();
      throw error;
    },
  );
  try {
    const sent = await sendRequest({
      flow: loaded.flow,
      nodeId: values.node,
      environment: {
        ...environment,
        network: directToDemoCrm(environment.network, values['demo-crm']),
      },
      variables,
      ...(values.source === undefined ? {} : { source: values.source }),
      ...(values.destination === undefined ? {} : { destination: values.destination }),
    });
    if (values.json) println(io.stdout, JSON.stringify(toRunJsonWebhook(sent.exchange), null, 2));
    else for (const line of formatExchange(sent)) println(io.stdout, line);
    return sent.exchange.ok ? EXIT.ok : EXIT.failed;
  } catch (error) {
    if (error instanceof SendRequestError) throw new UsageError(`send: ${error.message}`);
    throw error;
  } finally {
    await crm?.close();
    await environment.close();
  }
}
