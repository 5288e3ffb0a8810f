import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EndpointEvent } from '../../../harness/endpoint/events.ts';
import { createLimiter } from '../../../harness/endpoint/limiter.ts';

type Gate = { promise: Promise<void>; open: () => void };
function gate(): Gate {
  let open = (): void => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const never = new AbortController().signal;

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('limiter', () => {
  it('caps requests in flight at the configured concurrency', async () => {
    const limiter = createLimiter({ concurrency: 2 });
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      limiter.run(1, async () => {
        started.push(i);
        await g.promise;
      }, never),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1]);
    expect(limiter.activeCount()).toBe(2);
    gates[0]?.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    await Promise.all(runs);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('spaces requests by the requests-per-minute bucket', async () => {
    const limiter = createLimiter({ concurrency: 10, requestsPerMinute: 2 });
    const started: number[] = [];
    const runs = [0, 1, 2].map((i) => limiter.run(1, async () => void started.push(i), never));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(started).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual([0, 1, 2]);
    await Promise.all(runs);
  });

  it('spaces requests by the tokens-per-minute bucket using the estimate', async () => {
    const limiter = createLimiter({ concurrency: 10, tokensPerMinute: 1000 });
    const started: number[] = [];
    const runs = [0, 1].map((i) => limiter.run(600, async () => void started.push(i), never));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0]);
    // 200 tokens short at 1000 tokens/minute
    await vi.advanceTimersByTimeAsync(11_999);
    expect(started).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual([0, 1]);
    await Promise.all(runs);
  });

  it('gives back over-estimated tokens and charges under-estimated ones', async () => {
    const limiter = createLimiter({ concurrency: 10, tokensPerMinute: 1000 });
    await limiter.run(900, async () => {}, never);
    limiter.reconcile(900, 100);
    let second = false;
    const run2 = limiter.run(800, async () => void (second = true), never);
    await vi.advanceTimersByTimeAsync(0);
    expect(second).toBe(true);
    await run2;
    // 100 left; used 1900 where 800 was reserved: 1000 in debt, so 100 more tokens wait 1100 tokens = 66 s
    limiter.reconcile(800, 1900);
    let third = false;
    const run3 = limiter.run(100, async () => void (third = true), never);
    await vi.advanceTimersByTimeAsync(65_999);
    expect(third).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(third).toBe(true);
    await run3;
  });

  it('charges a request larger than the whole budget as a full bucket instead of blocking forever', async () => {
    const limiter = createLimiter({ concurrency: 1, tokensPerMinute: 1000 });
    let ran = false;
    await vi.advanceTimersByTimeAsync(0);
    const run = limiter.run(50_000, async () => void (ran = true), never);
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toBe(true);
    await run;
  });

  it('halves concurrency once per burst of 429s, then recovers one slot per round', () => {
    const events: EndpointEvent[] = [];
    const limiter = createLimiter({ concurrency: 8, decreaseCooldownMs: 5000, onEvent: (e) => events.push(e) });
    for (let i = 0; i < 6; i++) limiter.rateLimited();
    expect(limiter.concurrency()).toBe(4);
    vi.advanceTimersByTime(5000);
    limiter.rateLimited();
    expect(limiter.concurrency()).toBe(2);
    limiter.succeeded();
    expect(limiter.concurrency()).toBe(2);
    limiter.succeeded();
    expect(limiter.concurrency()).toBe(3);
    for (let i = 0; i < 3; i++) limiter.succeeded();
    expect(limiter.concurrency()).toBe(4);
    for (let i = 0; i < 100; i++) limiter.succeeded();
    expect(limiter.concurrency()).toBe(8);
    expect(events[0]).toEqual({ type: 'concurrency', from: 8, to: 4, reason: 'rate_limited' });
    expect(events.at(-1)).toEqual({ type: 'concurrency', from: 7, to: 8, reason: 'recovered' });
  });

  it('recovers in steps sized to the configured concurrency, never above it', () => {
    const limiter = createLimiter({ concurrency: 200 });
    limiter.rateLimited();
    expect(limiter.concurrency()).toBe(100);
    for (let i = 0; i < 100; i++) limiter.succeeded();
    expect(limiter.concurrency()).toBe(112);
    for (let i = 0; i < 10_000; i++) limiter.succeeded();
    expect(limiter.concurrency()).toBe(200);
  });

  it('never backs off below the minimum', () => {
    const limiter = createLimiter({ concurrency: 4, minConcurrency: 2, decreaseCooldownMs: 0 });
    for (let i = 0; i < 5; i++) limiter.rateLimited();
    expect(limiter.concurrency()).toBe(2);
  });

  it('applies a lowered concurrency to requests not yet started', async () => {
    const limiter = createLimiter({ concurrency: 4 });
    limiter.rateLimited();
    const gates = [gate(), gate(), gate()];
    let started = 0;
    const runs = gates.map((g) => limiter.run(1, async () => {
      started++;
      await g.promise;
    }, never));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toBe(2);
    for (const g of gates) g.open();
    await Promise.all(runs);
  });

  it('stops waiting for budget when the run is aborted', async () => {
    const limiter = createLimiter({ concurrency: 10, requestsPerMinute: 1 });
    const controller = new AbortController();
    await limiter.run(1, async () => {}, controller.signal);
    let ran = false;
    const waiting = limiter.run(1, async () => void (ran = true), controller.signal);
    const settled = expect(waiting).rejects.toThrow('stop');
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort(new Error('stop'));
    await settled;
    expect(ran).toBe(false);
  });
});

describe('tokens handed back early', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  it('wake the waiting request as soon as a response reports fewer tokens than reserved', async () => {
    const limiter = createLimiter({ concurrency: 10, tokensPerMinute: 1000 });
    const never = new AbortController().signal;
    const started: number[] = [];
    const first = limiter.run(900, async () => void started.push(0), never);
    const second = limiter.run(900, async () => void started.push(1), never);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0]);
    // the first response used 100 of its 900 reserved tokens: 800 come back, enough for the second
    await vi.advanceTimersByTimeAsync(1000);
    limiter.reconcile(900, 100);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1]);
    await Promise.all([first, second]);
  });
});
