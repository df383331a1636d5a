/**
 * The HAR 1.2 document (http://www.softwareishard.com/blog/har-12-spec/) as far as the export
 * writes it: the fields browsers' "Import HAR" read, plus the underscore-prefixed custom fields
 * the spec allows for data of our own.
 */
import type { VarMap } from '../../shared/variables.ts';
import type { Violation, WebhookWarning } from '../../shared/webhook-types.ts';

/** A name/value pair: headers, query parameters, form fields. */
export interface HarNameValue {
  name: string;
  value: string;
}

/** A cookie sent or set. */
export interface HarCookie {
  name: string;
  value: string;
  path?: string;
  domain?: string;
  expires?: string;
  httpOnly?: boolean;
  secure?: boolean;
}

/** The request body. */
export interface HarPostData {
  mimeType: string;
  /** The body exactly as sent. */
  text: string;
  /** The decoded fields of a form body. */
  params?: HarNameValue[];
}

/** The request as sent (secrets redacted). */
export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  postData?: HarPostData;
  headersSize: number;
  bodySize: number;
}

/** The response body as received. */
export interface HarContent {
  size: number;
  mimeType: string;
  text?: string;
  /** `base64` when `text` holds the bytes base64-encoded (a body that is not valid UTF-8). */
  encoding?: 'base64';
  comment?: string;
}

/** The response as received; status 0 when none arrived. */
export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  content: HarContent;
  redirectURL: string;
  headersSize: number;
  bodySize: number;
}

/** Phases of an exchange in ms; -1 where a phase does not apply or is unknown. */
export interface HarTimings {
  blocked: number;
  dns: number;
  ssl: number;
  connect: number;
  send: number;
  wait: number;
  receive: number;
}

/** One webhook exchange. */
export interface HarEntry {
  pageref: string;
  startedDateTime: string;
  /** The sum of the non-negative `timings`. */
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: HarTimings;
  /** Chrome's Network panel files entries by it (Fetch/XHR filter). */
  _resourceType: 'fetch';
  _node: string;
  _onHangup: boolean;
  _ok: boolean;
  /** `code: detail` of the first violation, null when the exchange was ok. */
  _error: string | null;
  _violations: Violation[];
  _warnings: WebhookWarning[];
  _parsed: VarMap;
  _variablesSet: VarMap;
  _curl: string;
}

/** The call the exchanges belong to. */
export interface HarPage {
  id: string;
  title: string;
  startedDateTime: string;
  pageTimings: { onContentLoad: number; onLoad: number };
  _flowId: string;
  _flowPath: string | null;
  _source: string;
  _destination: string;
  _status: string;
  _durationMs: number | null;
}

/** The whole document. */
export interface HarLog {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: HarPage[];
    entries: HarEntry[];
    comment: string;
  };
}
