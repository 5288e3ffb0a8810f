import { setupServer } from 'msw/node';
import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { endpointSchema } from '../../../harness/config/schema.ts';
import { createEndpointClient } from '../../../harness/endpoint/client.ts';
import type { EndpointEvent } from '../../../harness/endpoint/events.ts';
import { createLimiter } from '../../../harness/endpoint/limiter.ts';
import { DEFAULT_RETRY_POLICY } from '../../../harness/endpoint/retry.ts';
import { createSender } from '../../../harness/endpoint/sender.ts';
import { BASE_URL, chatOk, hang, jsonReply, scriptedEndpoint, type Reply } from './msw-endpoint.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = Date.parse('2026-03-01T12:00:00Z');
const endpoint = endpointSchema.parse({ base_url: BASE_URL, model: 'm', api_key_env: 'K' });
const ask = { kind: 'chat' as const, messages: [{ role: 'user' as const, content: 'hi' }] };
const run = new AbortController().signal;

function setup(script: Reply[], options: { timeoutMs?: number; maxRetries?: number } = {}) {
  const scripted = scriptedEndpoint(script);
  server.use(...scripted.handlers);
  const waits: number[] = [];
  const events: EndpointEvent[] = [];
  const onEvent = (event: EndpointEvent): void => void events.push(event);
  const limiter = createLimiter({ concurrency: 8, now: () => NOW, onEvent });
  const sender = createSender({
    client: createEndpointClient(endpoint, 'sk-test-000000'),
    limiter,
    retryPolicy: { ...DEFAULT_RETRY_POLICY, maxRetries: options.maxRetries ?? 3 },
    timeoutMs: options.timeoutMs ?? 5000,
    now: () => NOW,
    random: () => 0,
    // waits are recorded, not slept: no test depends on the clock
    sleep: async (ms) => {
      waits.push(ms);
    },
    onEvent,
  });
  return { sender, limiter, calls: scripted.calls, waits, events };
}

const rateLimited = (headers: Record<string, string>): Reply =>
  jsonReply({ error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }, 429, headers);

describe('sender', () => {
  it('waits Retry-After seconds after a 429, then succeeds', async () => {
    const { sender, calls, waits, events, limiter } = setup([rateLimited({ 'retry-after': '2' }), jsonReply(chatOk('ok'))]);
    const result = await sender.send(ask, {}, run);
    expect(result).toMatchObject({ ok: true, attempts: 2, completion: { content: 'ok' } });
    expect(calls).toHaveLength(2);
    expect(waits).toEqual([2000]);
    expect(events.map((e) => e.type)).toEqual(['concurrency', 'rate_limited', 'retry']);
    expect(limiter.concurrency()).toBe(4);
  });

  it('waits until a Retry-After HTTP date', async () => {
    const date = new Date(NOW + 3000).toUTCString();
    const { sender, waits } = setup([rateLimited({ 'retry-after': date }), jsonReply(chatOk('ok'))]);
    expect((await sender.send(ask, {}, run)).ok).toBe(true);
    expect(waits).toEqual([3000]);
  });

  it('honours retry-after-ms', async () => {
    const { sender, waits } = setup([rateLimited({ 'retry-after-ms': '750' }), jsonReply(chatOk('ok'))]);
    expect((await sender.send(ask, {}, run)).ok).toBe(true);
    expect(waits).toEqual([750]);
  });

  it('retries a 500 with backoff, then succeeds', async () => {
    const { sender, calls, events } = setup([jsonReply({ error: { message: 'boom' } }, 500), jsonReply(chatOk('ok'))]);
    const result = await sender.send(ask, {}, run);
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(calls).toHaveLength(2);
    expect(events).toMatchObject([{ type: 'retry', attempt: 1, error: { kind: 'transient', status: 500 } }]);
  });

  it('times out an attempt that never answers, retries, and reports a timeout', async () => {
    const { sender, calls } = setup([hang], { timeoutMs: 30, maxRetries: 1 });
    const result = await sender.send(ask, {}, run);
    expect(result).toMatchObject({ ok: false, attempts: 2, error: { kind: 'timeout', code: 'timeout' } });
    expect(calls).toHaveLength(2);
    expect(sender.fatal()).toBeNull();
  });

  it('retries a malformed JSON body and an empty completion', async () => {
    const broken: Reply = () => new HttpResponse('{"choices": [', { headers: { 'content-type': 'application/json' } });
    const { sender, calls } = setup([broken, jsonReply({ choices: [] }), jsonReply(chatOk('ok'))]);
    const result = await sender.send(ask, {}, run);
    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(calls).toHaveLength(3);
  });

  it('fails fast on a 401 and makes later sends fail without calling', async () => {
    const { sender, calls, events } = setup([jsonReply({ error: { message: 'Incorrect API key provided: sk-test-000000' } }, 401)]);
    const first = await sender.send(ask, {}, run);
    expect(first).toMatchObject({ ok: false, attempts: 1, error: { kind: 'permanent', status: 401 } });
    expect(calls).toHaveLength(1);
    if (first.ok) throw new Error('expected a failure');
    expect(first.error.message).not.toContain('sk-test-000000');
    const later = await Promise.all([sender.send(ask, {}, run), sender.send(ask, {}, run)]);
    expect(later.map((r) => [r.ok, r.attempts])).toEqual([[false, 0], [false, 0]]);
    expect(calls).toHaveLength(1);
    expect(sender.fatal()).toEqual(first.error);
    expect(events.filter((e) => e.type === 'fatal')).toHaveLength(1);
  });

  it('treats insufficient_quota as fatal quota, not a rate limit', async () => {
    const quota = jsonReply({ error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } }, 429);
    const { sender, calls, waits } = setup([quota, jsonReply(chatOk('never'))]);
    const result = await sender.send(ask, {}, run);
    expect(result).toMatchObject({ ok: false, attempts: 1, error: { kind: 'quota', status: 429, code: 'insufficient_quota' } });
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(sender.fatal()?.kind).toBe('quota');
  });

  it('gives up after max_retries and reports the last error', async () => {
    const { sender, calls } = setup([jsonReply({ error: { message: 'down' } }, 503)], { maxRetries: 2 });
    const result = await sender.send(ask, {}, run);
    expect(result).toMatchObject({ ok: false, attempts: 3, error: { kind: 'transient', status: 503 } });
    expect(calls).toHaveLength(3);
  });

  it('rejects when the run is aborted, rather than recording an error', async () => {
    const { sender } = setup([hang]);
    const controller = new AbortController();
    const pending = sender.send(ask, {}, controller.signal);
    controller.abort(new Error('interrupted'));
    await expect(pending).rejects.toThrow('interrupted');
  });
});

describe('sender token accounting', () => {
  it('reserves the estimate, then settles on the reported usage', async () => {
    const scripted = scriptedEndpoint([jsonReply(chatOk('ok')), rateLimited({ 'retry-after': '1' }), jsonReply(chatOk('ok'))]);
    server.use(...scripted.handlers);
    const limiter = createLimiter({ concurrency: 4, tokensPerMinute: 10_000, now: () => NOW });
    const sender = createSender({
      client: createEndpointClient(endpoint, 'k'),
      limiter,
      retryPolicy: DEFAULT_RETRY_POLICY,
      timeoutMs: 5000,
      now: () => NOW,
      random: () => 0,
      sleep: async () => {},
    });
    // max_tokens 1000 is the first guess; the reply reports 12 + 30 tokens
    await sender.send(ask, { max_tokens: 1000 }, run);
    expect(limiter.budget().tokens).toBe(10_000 - 42);
    // the 429 is refunded; the retry is charged the learned estimate and settled to 42 again
    await sender.send(ask, { max_tokens: 1000 }, run);
    expect(limiter.budget().tokens).toBe(10_000 - 84);
  });
});

describe('sender fatal errors under concurrency', () => {
  it('does not call for requests queued behind the one that failed permanently', async () => {
    const scripted = scriptedEndpoint([jsonReply({ error: { message: 'model not found' } }, 404), jsonReply(chatOk('no'))]);
    server.use(...scripted.handlers);
    const sender = createSender({
      client: createEndpointClient(endpoint, 'k'),
      limiter: createLimiter({ concurrency: 1 }),
      retryPolicy: DEFAULT_RETRY_POLICY,
      timeoutMs: 5000,
      sleep: async () => {},
    });
    const results = await Promise.all([0, 1, 2].map(() => sender.send(ask, {}, run)));
    expect(scripted.calls).toHaveLength(1);
    expect(results.map((r) => (r.ok ? 'ok' : `${r.error.kind}:${r.error.status}`))).toEqual([
      'permanent:404',
      'permanent:404',
      'permanent:404',
    ]);
  });
});
