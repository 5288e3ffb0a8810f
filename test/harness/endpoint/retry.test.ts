import { describe, expect, it } from 'vitest';
import type { ClassifiedError, ErrorKind } from '../../../harness/endpoint/errors.ts';
import { DEFAULT_RETRY_POLICY, retryDelayMs, withRetry, type AttemptOutcome } from '../../../harness/endpoint/retry.ts';

function failure(kind: ErrorKind, retryAfterMs: number | null = null): ClassifiedError {
  return { kind, status: null, code: null, message: kind, retryAfterMs };
}

const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: 3, baseDelayMs: 100, maxDelayMs: 250 };

describe('retryDelayMs', () => {
  it('is capped exponential backoff with full jitter', () => {
    const top = () => 0.999_999;
    expect(retryDelayMs(failure('transient'), 1, policy, top)).toBe(99);
    expect(retryDelayMs(failure('transient'), 2, policy, top)).toBe(199);
    expect(retryDelayMs(failure('timeout'), 3, policy, top)).toBe(249);
    expect(retryDelayMs(failure('transient'), 3, policy, () => 0)).toBe(0);
  });

  it('waits at least what the server asked for on a rate limit', () => {
    expect(retryDelayMs(failure('rate_limit', 5000), 1, policy, () => 0)).toBe(5000);
    expect(retryDelayMs(failure('rate_limit', 5000), 1, policy, () => 0.5)).toBeGreaterThanOrEqual(5000);
    const capped = { ...policy, maxRetryAfterMs: 1000 };
    expect(retryDelayMs(failure('rate_limit', 86_400_000), 1, capped, () => 0)).toBe(1000);
  });

  it('never retries quota or permanent errors, and stops after maxRetries', () => {
    expect(retryDelayMs(failure('quota'), 1, policy, () => 0)).toBeNull();
    expect(retryDelayMs(failure('permanent'), 1, policy, () => 0)).toBeNull();
    expect(retryDelayMs(failure('transient'), 4, policy, () => 0)).toBeNull();
  });
});

describe('withRetry', () => {
  const signal = new AbortController().signal;

  it('retries until success and counts attempts', async () => {
    const waits: number[] = [];
    const outcomes: AttemptOutcome<string>[] = [
      { ok: false, error: failure('transient') },
      { ok: false, error: failure('rate_limit', 300) },
      { ok: true, value: 'done' },
    ];
    const result = await withRetry(async (n) => outcomes[n - 1] ?? { ok: false, error: failure('permanent') }, {
      policy,
      random: () => 0,
      sleep: async (ms) => {
        waits.push(ms);
      },
    }, signal);
    expect(result).toEqual({ ok: true, value: 'done', attempts: 3 });
    expect(waits).toEqual([0, 300]);
  });

  it('gives up after maxRetries + 1 attempts', async () => {
    let calls = 0;
    const result = await withRetry(async () => {
      calls++;
      return { ok: false, error: failure('timeout') };
    }, { policy, random: () => 0, sleep: async () => {} }, signal);
    expect(calls).toBe(4);
    expect(result).toMatchObject({ ok: false, attempts: 4, error: { kind: 'timeout' } });
  });

  it('stops waiting attempts once the run has a fatal error', async () => {
    let calls = 0;
    const fatal = failure('quota');
    const result = await withRetry(async () => {
      calls++;
      return { ok: false, error: failure('transient') };
    }, { policy, random: () => 0, sleep: async () => {}, stopWith: () => fatal }, signal);
    expect(calls).toBe(1);
    expect(result).toEqual({ ok: false, error: fatal, attempts: 1 });
  });
});
