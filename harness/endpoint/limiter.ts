// Admission control for one endpoint: a concurrency cap (gate.ts), per-minute request and token buckets,
// and AIMD: halve concurrency after a burst of 429s, then win it back a fixed step per round of successes.
import type { EndpointEventHandler } from './events.ts';
import { createGate } from './gate.ts';
import { sleep as defaultSleep } from './retry.ts';
import { adjust, createTokenBucket, levelAt, take, waitFor, type TokenBucket } from './token-bucket.ts';

export type LimiterOptions = {
  concurrency: number;
  requestsPerMinute?: number | undefined;
  tokensPerMinute?: number | undefined;
  /** floor for the AIMD decrease */
  minConcurrency?: number;
  /** 429s within this window after a decrease count as the same burst */
  decreaseCooldownMs?: number;
  /** slots regained per round of successes; default 1/16 of the configured concurrency (at least 1),
   *  so concurrency 200 halved to 100 is back in 16 rounds rather than 100 */
  increaseStep?: number;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  onEvent?: EndpointEventHandler;
};

export type Limiter = {
  /** Waits for a slot and for bucket budget (one request, `estimatedTokens` tokens), then runs `fn`. */
  run<T>(estimatedTokens: number, fn: () => Promise<T>, signal: AbortSignal): Promise<T>;
  /** After a response: charge the difference between reported and estimated token use. */
  reconcile(estimatedTokens: number, actualTokens: number): void;
  /** A 429 arrived: multiplicative decrease, at most once per cooldown window. */
  rateLimited(): void;
  /** A request succeeded: additive increase once a full round (current concurrency) has succeeded. */
  succeeded(): void;
  concurrency(): number;
  /** what the buckets hold now (null when that budget is not configured), for progress lines */
  budget(): { requests: number | null; tokens: number | null };
  activeCount(): number;
  pendingCount(): number;
};

export function createLimiter(options: LimiterOptions): Limiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const maxConcurrency = options.concurrency;
  const minConcurrency = Math.min(options.minConcurrency ?? 1, maxConcurrency);
  const cooldownMs = options.decreaseCooldownMs ?? 5000;
  const increaseStep = options.increaseStep ?? Math.max(1, Math.floor(maxConcurrency / 16));
  const pool = createGate(maxConcurrency);
  const requests: TokenBucket | null =
    options.requestsPerMinute === undefined ? null : createTokenBucket(options.requestsPerMinute, now());
  const tokens: TokenBucket | null =
    options.tokensPerMinute === undefined ? null : createTokenBucket(options.tokensPerMinute, now());
  let lastDecreaseMs = Number.NEGATIVE_INFINITY;
  let successesThisRound = 0;
  // Bucket waits queue behind each other (FIFO) so only the head polls; no thundering herd of timers.
  let gate: Promise<void> = Promise.resolve();
  let wakeWaiter: (() => void) | null = null;

  function setConcurrency(to: number, reason: 'rate_limited' | 'recovered'): void {
    const from = pool.size;
    if (to === from) return;
    pool.size = to;
    successesThisRound = 0;
    options.onEvent?.({ type: 'concurrency', from, to, reason });
  }

  async function waitForBudget(estimatedTokens: number, signal: AbortSignal): Promise<void> {
    for (;;) {
      signal.throwIfAborted();
      const t = now();
      const wait = Math.max(
        requests === null ? 0 : waitFor(requests, 1, t),
        tokens === null ? 0 : waitFor(tokens, estimatedTokens, t),
      );
      if (wait === 0) {
        if (requests !== null) take(requests, 1, t);
        if (tokens !== null) take(tokens, estimatedTokens, t);
        return;
      }
      // the head waiter also wakes when a response hands reserved tokens back (reconcile)
      const early = new AbortController();
      const onRunAbort = (): void => early.abort(signal.reason);
      signal.addEventListener('abort', onRunAbort, { once: true });
      wakeWaiter = () => early.abort();
      try {
        await sleep(wait, early.signal);
      } catch (err) {
        if (signal.aborted) throw err;
      } finally {
        wakeWaiter = null;
        signal.removeEventListener('abort', onRunAbort);
      }
    }
  }

  function admit(estimatedTokens: number, signal: AbortSignal): Promise<void> {
    const mine = gate.then(() => waitForBudget(estimatedTokens, signal));
    gate = mine.catch(() => undefined);
    return mine;
  }

  return {
    run(estimatedTokens, fn, signal) {
      if (requests === null && tokens === null) return pool.run(fn);
      return pool.run(async () => {
        await admit(estimatedTokens, signal);
        return fn();
      });
    },
    reconcile(estimatedTokens, actualTokens) {
      if (tokens === null) return;
      // the bucket charged at most its capacity, so correct against what was really charged
      const charged = Math.min(estimatedTokens, tokens.capacity);
      adjust(tokens, actualTokens - charged, now());
      if (actualTokens < charged) wakeWaiter?.();
    },
    rateLimited() {
      const t = now();
      if (t - lastDecreaseMs < cooldownMs) return;
      lastDecreaseMs = t;
      setConcurrency(Math.max(minConcurrency, Math.floor(pool.size / 2)), 'rate_limited');
    },
    succeeded() {
      if (pool.size >= maxConcurrency) return;
      successesThisRound++;
      if (successesThisRound >= pool.size) {
        setConcurrency(Math.min(maxConcurrency, pool.size + increaseStep), 'recovered');
      }
    },
    concurrency: () => pool.size,
    budget() {
      const t = now();
      return {
        requests: requests === null ? null : levelAt(requests, t),
        tokens: tokens === null ? null : levelAt(tokens, t),
      };
    },
    activeCount: () => pool.active,
    pendingCount: () => pool.pending,
  };
}
