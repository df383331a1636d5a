/**
 * What an environment file may contain (../shared/spec/WORKSPACE.md, "An environment"), and the
 * bounds that keep a hostile or mistaken file from costing more than a moment to read: one source
 * for the loader, its messages and the tests.
 */
import type { LimitName } from '../../shared/contract.ts';
import { VARIABLE_NAME_PATTERN } from '../../shared/variables.ts';

/** Top-level fields, in the order the documentation lists them. */
export const ENVIRONMENT_FIELDS = [
  'name',
  'variables',
  'secrets',
  'headers',
  'tls',
  'proxy',
  'limits',
  'demoCrm',
  'mock',
] as const;

/**
 * Fields the documentation describes that this console does not implement yet, and what to say
 * about them. The single place to edit when one of them lands.
 */
export const UNSUPPORTED_FIELDS: Readonly<Record<string, string>> = {};

/** Keys allowed under `tls:` (CA, client cert and key, `insecure`); any other is reported. */
export const TLS_FIELDS = ['ca', 'cert', 'key', 'insecure'] as const;

/**
 * The limits an environment may override, each with a ceiling: beyond these a value is a typo
 * (an extra zero) rather than a deliberate setting, and would make a stuck CRM hang a call.
 */
export const LIMIT_RANGES: Readonly<Record<LimitName, { min: number; max: number }>> = {
  connectTimeoutMs: { min: 1, max: 600_000 },
  responseTimeoutMs: { min: 1, max: 600_000 },
  maxBodyBytes: { min: 1, max: 64 * 1024 * 1024 },
  maxKeys: { min: 1, max: 100_000 },
  maxValueLength: { min: 1, max: 1_048_576 },
  maxDepth: { min: 1, max: 32 },
};

/** The limit names, in documentation order. */
export const LIMIT_NAMES = Object.keys(LIMIT_RANGES) as LimitName[];

/** Extensions of environment files, and the format each is read as. */
export const ENVIRONMENT_EXTENSIONS: Readonly<Record<string, 'yaml' | 'json'>> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
};

/** An environment's id (its file's base name): it ends up in ids, CLI arguments and menus. */
export const ENVIRONMENT_ID_PATTERN = /^[A-Za-z0-9][\w.-]*$/;

/** Secret names follow variable names: they are referenced as `${secret.name}`. */
export const SECRET_NAME_PATTERN = VARIABLE_NAME_PATTERN;

/** A header name: an RFC 9110 token. */
export const HEADER_NAME_PATTERN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Largest environment file read; an environment is a few hundred bytes. */
export const MAX_ENVIRONMENT_BYTES = 1024 * 1024;

/** Largest TLS file read (a CA bundle of a few hundred certificates fits easily). */
export const MAX_TLS_FILE_BYTES = 1024 * 1024;

/** Deepest nesting of a variable's value (levels of mappings). */
export const MAX_VARIABLE_DEPTH = 32;

/**
 * Most entries read from `variables`, nested ones included. Also what stops an alias bomb: each
 * alias followed counts again, so expansion ends here instead of growing exponentially.
 */
export const MAX_VARIABLE_ENTRIES = 1000;

/** Most headers, secrets and CA files: far above any real environment. */
export const MAX_HEADERS = 100;
export const MAX_SECRETS = 100;
export const MAX_CA_FILES = 50;

/** Aliases `toJS` may expand (the yaml library's own guard against exponential expansion). */
export const MAX_ALIAS_COUNT = 100;

/** Most nodes under `mock`, rules per node, and conditions per rule's `when`. */
export const MAX_MOCK_NODES = 100;
export const MAX_MOCK_RULES = 50;
export const MAX_MOCK_CONDITIONS = 20;

/** Keys of one mock rule (../shared/spec/WORKSPACE.md, "Mock replies"). */
export const MOCK_RULE_FIELDS = [
  'when',
  'status',
  'json',
  'ini',
  'text',
  'body',
  'headers',
  'delayMs',
  'fault',
] as const;

/** The reply body kinds of a rule: at most one per rule. */
export const MOCK_BODY_FIELDS = ['json', 'ini', 'text', 'body'] as const;

/** Reply statuses a rule may give (1xx are not replies). */
export const MOCK_STATUS_RANGE = { min: 200, max: 599 };

/** A rule's delay, in ms: the same ceiling as the timeouts it is meant to test. */
export const MOCK_DELAY_RANGE = { min: 0, max: 600_000 };

/** Entries of a rule's `json` reply, nested ones included (aliases count each time). */
export const MAX_MOCK_JSON_ENTRIES = 10_000;

/** Deepest nesting of a rule's `json` reply. */
export const MAX_MOCK_JSON_DEPTH = 32;
