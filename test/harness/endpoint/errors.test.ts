import { describe, expect, it } from 'vitest';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { classifiedErrorSchema, classifyError, malformedResponseError } from '../../../harness/endpoint/errors.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');

function httpError(status: number, body: Record<string, unknown> | undefined, headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, body === undefined ? undefined : { error: body }, undefined, new Headers(headers));
}

describe('classifyError', () => {
  it('reads 429 as a rate limit with the Retry-After wait', () => {
    const error = classifyError(httpError(429, { message: 'slow down', code: 'rate_limit_exceeded' }, { 'retry-after': '7' }), NOW);
    expect(error).toMatchObject({ kind: 'rate_limit', status: 429, code: 'rate_limit_exceeded', retryAfterMs: 7000 });
    expect(classifiedErrorSchema.parse(error)).toEqual(error);
  });

  it('reads insufficient_quota and billing words as quota, not a rate limit', () => {
    expect(classifyError(httpError(429, { message: 'You exceeded your current quota', type: 'insufficient_quota' }), NOW).kind).toBe('quota');
    expect(classifyError(httpError(403, { message: 'x', code: 'insufficient_quota' }), NOW).kind).toBe('quota');
    expect(classifyError(httpError(429, { message: 'check your plan and billing details' }), NOW).kind).toBe('quota');
    expect(classifyError(httpError(402, { message: 'Insufficient credits' }), NOW).kind).toBe('quota');
    // DashScope's per-minute "RateQuota" is a rate limit
    expect(classifyError(httpError(429, { message: 'Requests rate limit exceeded', code: 'Throttling.RateQuota' }), NOW).kind).toBe('rate_limit');
  });

  it('maps statuses: 5xx/408/409 transient; 400/401/403/404/422 permanent', () => {
    for (const status of [500, 502, 503, 504, 408, 409]) expect(classifyError(httpError(status, { message: 'x' }), NOW).kind).toBe('transient');
    for (const status of [400, 401, 403, 404, 422]) expect(classifyError(httpError(status, { message: 'x' }), NOW).kind).toBe('permanent');
  });

  it('keeps the server hint on a 503', () => {
    expect(classifyError(httpError(503, { message: 'busy' }, { 'retry-after-ms': '1500' }), NOW).retryAfterMs).toBe(1500);
  });

  it('reads SDK connection, timeout and abort errors', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const fetchFailed = new TypeError('fetch failed', { cause: reset });
    expect(classifyError(new APIConnectionError({ cause: fetchFailed }), NOW)).toMatchObject({ kind: 'transient', code: 'ECONNRESET' });
    expect(classifyError(new APIConnectionTimeoutError(), NOW).kind).toBe('timeout');
    expect(classifyError(new APIUserAbortError(), NOW)).toMatchObject({ kind: 'timeout', code: 'aborted' });
  });

  it('reads raw Node and DOM errors', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'EPIPE']) {
      expect(classifyError(Object.assign(new Error(code), { code }), NOW)).toMatchObject({ kind: 'transient', code });
    }
    expect(classifyError(Object.assign(new Error('t'), { code: 'ETIMEDOUT' }), NOW).kind).toBe('timeout');
    expect(classifyError(new DOMException('timed out', 'TimeoutError'), NOW)).toMatchObject({ kind: 'timeout', code: 'timeout' });
    expect(classifyError(new DOMException('aborted', 'AbortError'), NOW)).toMatchObject({ kind: 'timeout', code: 'aborted' });
  });

  it('reads malformed bodies and empty completions as transient', () => {
    expect(classifyError(new SyntaxError('Unexpected token <'), NOW)).toMatchObject({ kind: 'transient', code: 'malformed_json' });
    expect(classifyError(malformedResponseError('no choices'), NOW)).toMatchObject({ kind: 'transient', code: 'malformed_response' });
  });

  it('never repeats a key or an Authorization header in the message', () => {
    const leaky = httpError(401, {
      message: 'Incorrect API key provided: sk-proj-abcdefghijklmnop1234. Header was Authorization: Bearer sk-live-secretsecret',
    });
    const error = classifyError(leaky, NOW);
    expect(error.kind).toBe('permanent');
    expect(error.message).not.toMatch(/abcdefghijklmnop|secretsecret/);
    expect(error.message).toContain('[redacted]');
    const raw = classifyError(new Error('failed with api_key=abc123xyz'), NOW);
    expect(raw.message).not.toContain('abc123xyz');
  });
});
