// The one place that decides what a failed endpoint call means: wait and retry, or stop the run.
import { z } from 'zod';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { retryAfterFromHeaders } from './retry-hints.ts';
import { scrubSecrets } from './scrub.ts';

export const errorKindSchema = z.enum(['rate_limit', 'transient', 'timeout', 'quota', 'permanent']);
export type ErrorKind = z.infer<typeof errorKindSchema>;

/** Stored in the journal with every failed sample, so it is a plain JSON shape. */
export const classifiedErrorSchema = z.strictObject({
  kind: errorKindSchema,
  status: z.number().int().nullable(),
  code: z.string().nullable(),
  message: z.string(),
  retryAfterMs: z.number().min(0).nullable(),
});
export type ClassifiedError = z.infer<typeof classifiedErrorSchema>;

const MALFORMED = 'MalformedResponseError';
const REPLICAS_DOWN = 'ReplicasDownError';
const STREAM_BROKEN = 'StreamBrokenError';

/** A 2xx response we cannot use (no choices, no message). Classified as transient: endpoints do recover. */
export function malformedResponseError(detail: string): Error {
  const error = new Error(`malformed response: ${detail}`);
  error.name = MALFORMED;
  return error;
}

/** Every replica of a model is cooling down; retried once the first cool-down ends. */
export function replicasDownError(count: number, retryAfterMs: number): Error {
  const error = new Error(`all ${count} replicas are out after failures; the next is probed in ${Math.ceil(retryAfterMs / 1000)} s`);
  error.name = REPLICAS_DOWN;
  Reflect.set(error, 'retryAfterMs', retryAfterMs);
  return error;
}

/**
 * A stream that ended before its answer did (no finish_reason, a closed connection). Transient: the attempt
 * is retried from scratch, and the partial answer is dropped, never scored.
 */
export function streamBrokenError(detail: string): Error {
  const error = new Error(`stream broken: ${detail}`);
  error.name = STREAM_BROKEN;
  return error;
}

// DashScope: "This model only support stream mode, please enable the stream parameter to access the model."
// and, for Qwen3 thinking mode, "parameter.enable_thinking must be set to false for non-streaming calls".
const STREAM_REQUIRED = /only supports? stream|stream mode|enable the stream parameter|for non-streaming calls|requires? stream(?:ing)?\b|must be streamed/i;
export const STREAM_REQUIRED_FIX = 'this endpoint answers only streamed requests: set stream: true in model.endpoint (judge.endpoint for the judge)';

// Money, not rate: OpenAI insufficient_quota, OpenRouter 402, DashScope Arrearage / free tier exhausted.
// Plain "quota" is not enough: DashScope Throttling.RateQuota and Gemini per-minute quotas are rate limits.
const QUOTA_CODES = /insufficient_quota|billing|arrearage|payment_required|insufficient_balance/i;
const QUOTA_WORDS =
  /exceeded your current quota|billing|insufficient (?:quota|balance|credits?|funds)|payment required|arrearage|account is not in good standing|free tier[^.]*exhausted/i;

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const NETWORK_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED',
]);

function result(kind: ErrorKind, status: number | null, code: string | null, message: string, retryAfterMs: number | null = null): ClassifiedError {
  return { kind, status, code, message: scrubSecrets(message), retryAfterMs };
}

function stringField(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null || !(key in value)) return null;
  const field: unknown = Reflect.get(value, key);
  return typeof field === 'string' ? field : null;
}

/** The first Node/undici error code found on the error or its causes. */
function systemCode(err: unknown): string | null {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = stringField(current, 'code');
    if (code !== null && (TIMEOUT_CODES.has(code) || NETWORK_CODES.has(code))) return code;
    current = Reflect.get(current, 'cause');
  }
  return null;
}

function classifyHttp(err: APIError, nowMs: number): ClassifiedError {
  const status = err.status ?? 0;
  const code = err.code ?? err.type ?? null;
  const message = err.message;
  const retryAfterMs = retryAfterFromHeaders(err.headers, nowMs);
  const quota = (code !== null && QUOTA_CODES.test(code)) || QUOTA_WORDS.test(message);
  if (status >= 400 && status < 500 && (quota || status === 402)) return result('quota', status, code, message);
  if (status === 400 && STREAM_REQUIRED.test(message)) return result('permanent', status, 'stream_required', `${message.trim()} (${STREAM_REQUIRED_FIX})`);
  if (status === 429) return result('rate_limit', status, code, message, retryAfterMs);
  if (status === 408 || status === 409 || status >= 500) return result('transient', status, code, message, retryAfterMs);
  if (status >= 400) return result('permanent', status, code, message);
  return result('transient', status, code, message, retryAfterMs);
}

function classifyOther(err: unknown): ClassifiedError {
  const sysCode = systemCode(err);
  if (sysCode !== null && TIMEOUT_CODES.has(sysCode)) return result('timeout', null, sysCode, `request timed out (${sysCode})`);
  if (sysCode !== null) return result('transient', null, sysCode, `connection failed (${sysCode})`);
  if (!(err instanceof Error)) return result('transient', null, null, `unexpected failure: ${String(err)}`);
  // DOMExceptions from AbortSignal.timeout() and AbortController.abort()
  if (err.name === 'TimeoutError') return result('timeout', null, 'timeout', 'request timed out');
  if (err.name === 'AbortError') return result('timeout', null, 'aborted', 'request aborted');
  if (err.name === MALFORMED) return result('transient', null, 'malformed_response', err.message);
  if (err.name === REPLICAS_DOWN) {
    const wait: unknown = Reflect.get(err, 'retryAfterMs');
    return result('transient', null, 'replicas_down', err.message, typeof wait === 'number' ? wait : null);
  }
  if (err.name === STREAM_BROKEN) return result('transient', null, 'stream_broken', err.message);
  if (err instanceof SyntaxError) return result('transient', null, 'malformed_json', `response body is not valid JSON: ${err.message}`);
  // Unknown failures are retried a bounded number of times rather than ending the run.
  return result('transient', null, null, err.message);
}

/** Classifies any failure of an endpoint call. `nowMs` resolves HTTP-date Retry-After values. */
export function classifyError(err: unknown, nowMs: number): ClassifiedError {
  // order matters: the timeout and abort errors are subclasses of APIConnectionError and APIError
  if (err instanceof APIConnectionTimeoutError) return result('timeout', null, 'timeout', 'request timed out');
  if (err instanceof APIUserAbortError) return result('timeout', null, 'aborted', 'request aborted');
  if (err instanceof APIConnectionError) {
    const sysCode = systemCode(err);
    if (sysCode !== null && TIMEOUT_CODES.has(sysCode)) return result('timeout', null, sysCode, `request timed out (${sysCode})`);
    return result('transient', null, sysCode, sysCode === null ? err.message : `${err.message} (${sysCode})`);
  }
  if (err instanceof APIError && typeof err.status === 'number') return classifyHttp(err, nowMs);
  return classifyOther(err);
}

/** Errors that retrying cannot fix; the first one ends the run. */
export function isFatal(error: ClassifiedError): boolean {
  return error.kind === 'quota' || error.kind === 'permanent';
}
