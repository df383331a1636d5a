/**
 * The text of a new environment file: its name, and every other field as a commented-out
 * example, so the file itself documents what it can hold.
 */
import { renderScalar } from './render-yaml-value.ts';

/** A new environment file (YAML) named `name`. */
export function newEnvironmentText(name: string): string {
  return `# An environment: the values calls use against one CRM (see WORKSPACE.md).
# Every field but name is optional: remove the "# " in front of an example to use it.
name: ${renderScalar(name, false)}
# variables:                        # user variables preset for every call (flow < environment < --var)
#   crm_base: https://crm.example.com
# secrets: [crm_token]              # names only; values never live in this folder
# headers:                          # sent with every webhook of a call; a node's own header wins
#   Authorization: Bearer \${secret.crm_token}
# tls:
#   ca: ../certs/ca.pem             # extra trusted CA certificates (PEM), relative to this file
#   cert: ../certs/client.pem       # client certificate for mutual TLS (PEM)
#   key: ../certs/client-key.pem    # its private key (PEM)
#   insecure: false                 # true: accept any certificate; every exchange then says so
# proxy: http://proxy.example.com:3128
# limits: { responseTimeoutMs: 8000 }
`;
}
