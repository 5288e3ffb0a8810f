// The replica pool with scripted clients: routing by requests in flight, caps, ejection, probes, all down.
import { describe, expect, it } from 'vitest';
import type { CompleteOptions, EndpointClient } from '../../../harness/endpoint/client.ts';
import { classifyError } from '../../../harness/endpoint/errors.ts';
import { createReplicaPool, type ReplicaEvent } from '../../../harness/endpoint/replicas.ts';
import type { Completion, SampleRequest } from '../../../harness/suite.ts';

const ask: SampleRequest = { kind: 'chat', messages: [{ role: 'user', content: 'hi' }] };
const done: Completion = { content: 'ok', reasoning: null, finish_reason: 'stop', truncated: false, truncated_in_thinking: false, usage: null };

function refused(): Error {
  const err = new Error('connect ECONNREFUSED 127.0.0.1:1');
  Reflect.set(err, 'code', 'ECONNREFUSED');
  return err;
}

/** A client whose calls wait until released, so tests control how many are in flight. */
function gatedClient(): { client: EndpointClient; calls: number; release(): void; fail: boolean } {
  const pending: Array<() => void> = [];
  const state = {
    calls: 0,
    fail: false,
    release: () => pending.splice(0).forEach((r) => r()),
    client: {
      streams: false,
      complete: async (_r: SampleRequest, _g: object, _o: CompleteOptions): Promise<Completion> => {
        state.calls += 1;
        if (state.fail) throw refused();
        await new Promise<void>((resolve) => pending.push(resolve));
        return done;
      },
    },
  };
  return state;
}

const opts = (): CompleteOptions => ({ signal: new AbortController().signal, timeoutMs: 1000, route: { servedBy: null } });

describe('replica pool', () => {
  it('sends each request to the replica with the fewest in flight, and reports who served it', async () => {
    const [a, b, c] = [gatedClient(), gatedClient(), gatedClient()];
    const pool = createReplicaPool({ replicas: [{ url: 'a', client: a.client }, { url: 'b', client: b.client }, { url: 'c', client: c.client }], perReplicaConcurrency: null, probe: async () => true });
    const routes = Array.from({ length: 9 }, opts);
    const calls = routes.map((o) => pool.client.complete(ask, {}, o));
    await new Promise((r) => setTimeout(r, 0));
    expect([a.calls, b.calls, c.calls]).toEqual([3, 3, 3]);
    [a, b, c].forEach((g) => g.release());
    await Promise.all(calls);
    expect(routes.map((o) => o.route?.servedBy)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c']);
    expect(pool.stats().map((s) => s.ok)).toEqual([3, 3, 3]);
  });

  it('holds requests beyond concurrency_per_replica until a slot frees', async () => {
    const [a, b] = [gatedClient(), gatedClient()];
    const pool = createReplicaPool({ replicas: [{ url: 'a', client: a.client }, { url: 'b', client: b.client }], perReplicaConcurrency: 2, probe: async () => true });
    const calls = Array.from({ length: 5 }, () => pool.client.complete(ask, {}, opts()));
    await new Promise((r) => setTimeout(r, 0));
    expect(a.calls + b.calls).toBe(4);
    a.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(a.calls + b.calls).toBe(5);
    a.release();
    b.release();
    await Promise.all(calls);
  });

  it('takes a refusing replica out at once, probes it after the cool-down, and brings it back', async () => {
    let t = 0;
    const events: ReplicaEvent[] = [];
    const [a, b] = [gatedClient(), gatedClient()];
    let reachable = false;
    const pool = createReplicaPool({
      replicas: [{ url: 'a', client: a.client }, { url: 'b', client: b.client }],
      perReplicaConcurrency: null,
      probe: async () => reachable,
      policy: { failuresToEject: 3, cooldownMs: 1000, maxCooldownMs: 8000 },
      now: () => t,
      onEvent: (e) => events.push(e),
    });
    a.fail = true;
    await expect(pool.client.complete(ask, {}, opts())).rejects.toThrow(/ECONNREFUSED/);
    expect(events).toEqual([{ type: 'replica_down', url: 'a', for_ms: 1000, reason: expect.stringMatching(/ECONNREFUSED/) }]);
    const next = pool.client.complete(ask, {}, opts());
    await new Promise((r) => setTimeout(r, 0));
    expect(b.calls).toBe(1); // a is out even though it has nothing in flight
    b.release();
    await next;
    t = 1500; // cool-down over, the probe fails: a stays out, for longer
    const probeFails = pool.client.complete(ask, {}, opts());
    await new Promise((r) => setTimeout(r, 0));
    b.release();
    await probeFails;
    expect(a.calls).toBe(1);
    a.fail = false;
    reachable = true;
    t = 4000;
    const third = pool.client.complete(ask, {}, opts());
    await new Promise((r) => setTimeout(r, 0));
    b.release();
    await third;
    await new Promise((r) => setTimeout(r, 0));
    expect(events.at(-1)).toEqual({ type: 'replica_up', url: 'a' });
  });

  it('when every replica is out, fails with a transient error that says when to try again', async () => {
    let t = 0;
    const a = gatedClient();
    a.fail = true;
    const pool = createReplicaPool({ replicas: [{ url: 'a', client: a.client }, { url: 'b', client: a.client }], perReplicaConcurrency: null, probe: async () => false, policy: { failuresToEject: 1, cooldownMs: 3000, maxCooldownMs: 3000 }, now: () => t });
    await expect(pool.client.complete(ask, {}, opts())).rejects.toThrow();
    await expect(pool.client.complete(ask, {}, opts())).rejects.toThrow();
    t = 1000;
    const err = await pool.client.complete(ask, {}, opts()).catch((e: unknown) => e);
    expect(classifyError(err, 0)).toMatchObject({ kind: 'transient', code: 'replicas_down', retryAfterMs: 2000 });
  });

  it('does not count a 429 or a 400 against a replica: the server answered', async () => {
    const { healthVerdict } = await import('../../../harness/endpoint/replica-health.ts');
    expect(healthVerdict({ kind: 'rate_limit', status: 429, code: null, message: '', retryAfterMs: null })).toBe('none');
    expect(healthVerdict({ kind: 'permanent', status: 400, code: null, message: '', retryAfterMs: null })).toBe('none');
    expect(healthVerdict({ kind: 'transient', status: 503, code: null, message: '', retryAfterMs: null })).toBe('failure');
    expect(healthVerdict({ kind: 'transient', status: null, code: 'ECONNREFUSED', message: '', retryAfterMs: null })).toBe('unreachable');
  });
});
