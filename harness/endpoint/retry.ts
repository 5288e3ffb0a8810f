// The one retry layer. The openai SDK runs with maxRetries: 0; every wait between attempts is decided here.
import { isFatal, type ClassifiedError } from './errors.ts';

export type RetryPolicy = {
  /** retries after the first attempt; 0 means one attempt */
  maxRetries: number;
  /** first backoff ceiling; doubles per failed attempt */
  baseDelayMs: number;
  /** cap on the exponential backoff ceiling */
  maxDelayMs: number;
  /** cap on a server-requested wait (a reset header of "6m0s" is honoured, a day is not) */
  maxRetryAfterMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 8,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 10 * 60_000,
};

export function retryPolicyFromRunner(runner: { max_retries: number }): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, maxRetries: runner.max_retries };
}

/**
 * Milliseconds to wait before the next attempt, or null to give up.
 * `failedAttempts` counts attempts made so far (1 after the first failure).
 * Backoff is "full jitter": uniform in [0, min(cap, base * 2^(n-1))], which spreads a burst of
 * failures out instead of synchronising them. A rate limit with a server hint waits at least that long.
 */
export function retryDelayMs(
  error: ClassifiedError,
  failedAttempts: number,
  policy: RetryPolicy,
  random: () => number,
): number | null {
  if (isFatal(error) || failedAttempts > policy.maxRetries) return null;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  const backoff = Math.floor(random() * ceiling);
  if (error.retryAfterMs === null) return backoff;
  const requested = Math.min(error.retryAfterMs, policy.maxRetryAfterMs);
  // a little jitter on top of the hint so the waiting requests do not all return in the same tick
  return requested + Math.floor(random() * Math.min(policy.baseDelayMs, requested / 10 + 1));
}

export type AttemptOutcome<T> = { ok: true; value: T } | { ok: false; error: ClassifiedError };

export type RetryResult<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: ClassifiedError; attempts: number };

export type RetryDeps = {
  policy: RetryPolicy;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  /** called before each wait, for logging and the limiter */
  onRetry?: (error: ClassifiedError, attempt: number, delayMs: number) => void;
  /** checked before each new attempt; a non-null value stops retrying (the run already failed) */
  stopWith?: () => ClassifiedError | null;
};

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or runs out of retries.
 * Attempts report failure as a classified value, never by throwing; a throw (the run was aborted) propagates.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<AttemptOutcome<T>>,
  deps: RetryDeps,
  signal: AbortSignal,
): Promise<RetryResult<T>> {
  for (let attempts = 1; ; attempts++) {
    const outcome = await attempt(attempts);
    if (outcome.ok) return { ok: true, value: outcome.value, attempts };
    const delay = retryDelayMs(outcome.error, attempts, deps.policy, deps.random);
    if (delay === null) return { ok: false, error: outcome.error, attempts };
    deps.onRetry?.(outcome.error, attempts, delay);
    await deps.sleep(delay, signal);
    const stop = deps.stopWith?.();
    if (stop) return { ok: false, error: stop, attempts };
  }
}

/** setTimeout-based so fake timers drive it in tests; rejects with the signal's reason on abort. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
