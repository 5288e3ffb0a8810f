// Several replicas behind one model: each request goes to the serving replica with the fewest requests in
// flight. A replica that is unreachable or keeps failing is taken out for a cool-down and probed before it
// gets traffic again; the sender's retry layer sends the failed request again, and it lands elsewhere.
import type { CancelSignal } from './attempt-signal.ts';
import type { CompleteOptions, EndpointClient } from './client.ts';
import { classifyError, replicasDownError } from './errors.ts';
import { DEFAULT_HEALTH_POLICY, newReplica, recordFailure, recordProbe, recordSuccess, type HealthPolicy, type ReplicaState } from './replica-health.ts';

export type ReplicaStats = { url: string; requests: number; ok: number; errors: number; mean_latency_ms: number | null; ejections: number };

export type ReplicaEvent =
  | { type: 'replica_down'; url: string; for_ms: number; reason: string }
  | { type: 'replica_up'; url: string };

export type ReplicaPool = { client: EndpointClient; stats(): ReplicaStats[] };

export type ReplicaPoolOptions = {
  replicas: ReadonlyArray<{ url: string; client: EndpointClient }>;
  /** cap on requests in flight per replica; null leaves only the run's total concurrency */
  perReplicaConcurrency: number | null;
  /** true when something answers at the URL (any HTTP status) */
  probe(url: string): Promise<boolean>;
  policy?: HealthPolicy;
  now?: () => number;
  onEvent?: (event: ReplicaEvent) => void;
};

export function createReplicaPool(options: ReplicaPoolOptions): ReplicaPool {
  const now = options.now ?? Date.now;
  const policy = options.policy ?? DEFAULT_HEALTH_POLICY;
  const states = options.replicas.map((r) => ({ state: newReplica(r.url), client: r.client }));
  const cap = options.perReplicaConcurrency;
  let waiters: Array<() => void> = [];
  const wake = (): void => {
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };

  function startProbe(state: ReplicaState): Promise<void> {
    state.probing ??= options
      .probe(state.url)
      .catch(() => false)
      .then((reachable) => {
        recordProbe(state, reachable, now(), policy);
        if (reachable) options.onEvent?.({ type: 'replica_up', url: state.url });
      })
      .finally(() => {
        state.probing = null;
        wake();
      });
    return state.probing;
  }

  /** The replica for the next request, with a slot reserved on it. */
  async function choose(signal: CancelSignal): Promise<(typeof states)[number]> {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const t = now();
      for (const { state } of states) if (state.downUntil !== null && state.downUntil <= t) void startProbe(state);
      const serving = states.filter((s) => s.state.downUntil === null);
      let best: (typeof states)[number] | null = null;
      for (const s of serving) {
        if (cap !== null && s.state.inFlight >= cap) continue;
        if (best === null || s.state.inFlight < best.state.inFlight || (s.state.inFlight === best.state.inFlight && s.state.stats.requests < best.state.stats.requests)) best = s;
      }
      if (best !== null) {
        // reserved here, in the same tick as the choice, so concurrent callers see it
        best.state.inFlight += 1;
        return best;
      }
      const probes = states.flatMap((s) => (s.state.probing ? [s.state.probing] : []));
      if (serving.length === 0 && probes.length === 0) {
        const next = Math.min(...states.map((s) => s.state.downUntil ?? t)) - t;
        throw replicasDownError(states.length, Math.max(0, next));
      }
      // every serving replica is at its cap, or a probe is out: wait for either to change things
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        waiters.push(() => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        });
      });
    }
  }

  const client: EndpointClient = {
    // every replica serves the same endpoint config, so they all stream or none does
    streams: options.replicas.some((r) => r.client.streams),
    async complete(request, generation, opts: CompleteOptions) {
      const chosen = await choose(opts.signal);
      const { state } = chosen;
      state.stats.requests += 1;
      if (opts.route) opts.route.servedBy = state.url;
      const started = now();
      try {
        const completion = await chosen.client.complete(request, generation, opts);
        recordSuccess(state, now() - started);
        return completion;
      } catch (err) {
        const error = classifyError(err, now());
        if (recordFailure(state, error, now(), policy)) {
          options.onEvent?.({ type: 'replica_down', url: state.url, for_ms: (state.downUntil ?? now()) - now(), reason: error.message });
        }
        throw err;
      } finally {
        state.inFlight -= 1;
        wake();
      }
    },
  };

  return {
    client,
    stats: () =>
      states.map(({ state }) => ({
        url: state.url,
        requests: state.stats.requests,
        ok: state.stats.ok,
        errors: state.stats.errors,
        mean_latency_ms: state.stats.ok > 0 ? Math.round(state.stats.latencyMsTotal / state.stats.ok) : null,
        ejections: state.stats.ejections,
      })),
  };
}

/** A probe: anything that answers HTTP at <base>/models (even 401 or 404) means the server is up. */
export async function probeReplica(url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const response = await fetch(`${url.replace(/\/+$/, '')}/models`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}
