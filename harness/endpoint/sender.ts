// Sends one sample: limiter admission, a per-attempt timeout tied to the run's abort signal, classification,
// retries, and the run-wide fatal error (the first quota or permanent failure ends every later send with
// that same error, so a run reports one clear message instead of N).
import type { GenerationParams } from '../config/schema.ts';
import type { Completion, SampleRequest } from '../suite.ts';
import { createAttemptClock } from './attempt-signal.ts';
import type { EndpointClient } from './client.ts';
import { classifyError, isFatal, type ClassifiedError } from './errors.ts';
import type { EndpointEventHandler } from './events.ts';
import type { Limiter } from './limiter.ts';
import { sleep as defaultSleep, withRetry, type AttemptOutcome, type RetryDeps, type RetryPolicy } from './retry.ts';
import { createTokenEstimator, type TokenEstimator } from './token-estimate.ts';

/** `latency_ms` is the last attempt's time on the wire (from leaving the limiter to its response). */
/** `replica`: the base URL that answered, when a model is served by several replicas. */
export type SendResult =
  | { ok: true; completion: Completion; attempts: number; latency_ms: number; replica?: string }
  | { ok: false; error: ClassifiedError; attempts: number; latency_ms: number; replica?: string };

export type Sender = {
  /** Resolves with a result for every endpoint outcome; rejects only when `signal` (the run) is aborted. */
  send(request: SampleRequest, generation: GenerationParams, signal: AbortSignal): Promise<SendResult>;
  /** the run's fatal error, once a quota or permanent failure happened */
  fatal(): ClassifiedError | null;
};

export type SenderDeps = {
  client: EndpointClient;
  limiter: Limiter;
  retryPolicy: RetryPolicy;
  /** per attempt, counted from when the limiter lets the request go; when streaming, the longest silence between chunks */
  timeoutMs: number;
  /** overall cap on one attempt (runner.max_request_s); null for none */
  maxRequestMs?: number | null;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  estimator?: TokenEstimator;
  onEvent?: EndpointEventHandler;
};

/** The last attempt's time on the wire, and the replica that served it (set by a replica pool). */
type Timing = { latencyMs: number; servedBy: string | null };

export function createSender(deps: SenderDeps): Sender {
  const now = deps.now ?? Date.now;
  const estimator = deps.estimator ?? createTokenEstimator();
  const { client, limiter, onEvent } = deps;
  let fatalError: ClassifiedError | null = null;
  const cap = deps.maxRequestMs ?? null;
  // streamed: the timeout is the silence between chunks and the cap bounds the whole; otherwise the timeout
  // is the whole response, and a lower cap lowers it
  const limits = client.streams
    ? { idleMs: deps.timeoutMs, totalMs: cap, idleWhat: 'no chunk' }
    : { idleMs: cap === null ? deps.timeoutMs : Math.min(deps.timeoutMs, cap), totalMs: null, idleWhat: 'no response' };
  // every attempt's time limits, on one list per limit (attempt-signal.ts); the client keeps no timer of its own
  const clock = createAttemptClock(limits);

  function timedOut(message: string | null): ClassifiedError {
    return { kind: 'timeout', status: null, code: 'timeout', message: message ?? `no response within ${limits.idleMs} ms`, retryAfterMs: null };
  }

  function recordFailure(error: ClassifiedError, estimate: number): void {
    // a server that answered with an error status did not spend the tokens we reserved
    if (error.status !== null) limiter.reconcile(estimate, 0);
    if (error.kind === 'rate_limit') {
      limiter.rateLimited();
      onEvent?.({ type: 'rate_limited', retryAfterMs: error.retryAfterMs, concurrency: limiter.concurrency() });
    }
    if (isFatal(error) && fatalError === null) {
      fatalError = error;
      onEvent?.({ type: 'fatal', error });
    }
  }

  /**
   * One HTTP attempt, run inside the limiter slot. Failures are classified and recorded before the slot
   * is released, so a request queued behind a fatal error sees it and never calls.
   */
  async function callOnce(
    request: SampleRequest,
    generation: GenerationParams,
    estimate: number,
    signal: AbortSignal,
    timing: Timing,
  ): Promise<AttemptOutcome<Completion>> {
    if (fatalError !== null) {
      limiter.reconcile(estimate, 0);
      return { ok: false, error: fatalError };
    }
    // the clock starts when the limiter lets the request go, not while it queues
    const started = now();
    const attempt = clock.start(signal);
    // the timing object is the route a replica pool names itself in: cleared per attempt
    timing.servedBy = null;
    try {
      const options = client.streams
        ? { signal: attempt.signal, timeoutMs: null, onChunk: () => attempt.touch(), route: timing }
        : { signal: attempt.signal, timeoutMs: null, route: timing };
      const completion = await client.complete(request, generation, options);
      timing.latencyMs = now() - started;
      limiter.succeeded();
      if (completion.usage !== null) {
        estimator.observe(completion.usage);
        limiter.reconcile(estimate, completion.usage.prompt_tokens + completion.usage.completion_tokens);
      }
      return { ok: true, value: completion };
    } catch (err) {
      timing.latencyMs = now() - started;
      if (signal.aborted) throw signal.reason;
      const error = attempt.timedOut() ? timedOut(attempt.timeoutMessage()) : classifyError(err, now());
      recordFailure(error, estimate);
      return { ok: false, error };
    } finally {
      attempt.dispose();
    }
  }

  function attemptOnce(request: SampleRequest, generation: GenerationParams, estimate: number, signal: AbortSignal, timing: Timing): Promise<AttemptOutcome<Completion>> {
    return limiter.run(estimate, () => callOnce(request, generation, estimate, signal, timing), signal);
  }

  const retryDeps: RetryDeps = {
    policy: deps.retryPolicy,
    sleep: deps.sleep ?? defaultSleep,
    random: deps.random ?? Math.random,
    onRetry: (error, attempt, delayMs) => onEvent?.({ type: 'retry', attempt, delayMs, error }),
    stopWith: () => fatalError,
  };

  return {
    async send(request, generation, signal) {
      if (fatalError !== null) return { ok: false, error: fatalError, attempts: 0, latency_ms: 0 };
      const estimate = estimator.estimate(request, generation);
      const timing: Timing = { latencyMs: 0, servedBy: null };
      const result = await withRetry(() => attemptOnce(request, generation, estimate, signal, timing), retryDeps, signal);
      const sent: SendResult = result.ok
        ? { ok: true, completion: result.value, attempts: result.attempts, latency_ms: timing.latencyMs }
        : { ok: false, error: result.error, attempts: result.attempts, latency_ms: timing.latencyMs };
      if (timing.servedBy !== null) sent.replica = timing.servedBy;
      return sent;
    },
    fatal: () => fatalError,
  };
}
