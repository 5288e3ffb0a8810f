// Streamed answers over a local server that sends server-sent events: assembled into the same Completion
// as a non-streamed answer, silence and overall caps timed, broken streams retried from scratch.
import { afterEach, describe, expect, it } from 'vitest';
import { endpointSchema } from '../../../harness/config/schema.ts';
import { createEndpointClient } from '../../../harness/endpoint/client.ts';
import type { EndpointEvent } from '../../../harness/endpoint/events.ts';
import { createLimiter } from '../../../harness/endpoint/limiter.ts';
import { DEFAULT_RETRY_POLICY } from '../../../harness/endpoint/retry.ts';
import { createSender } from '../../../harness/endpoint/sender.ts';
import { streamEvents, type StreamedAnswer } from '../../../harness/sim/sse.ts';
import type { SampleRequest } from '../../../harness/suite.ts';
import { startFakeEndpoint, type FakeEndpoint, type FakeReply } from '../../helpers/fake-endpoint.ts';

let endpoints: FakeEndpoint[] = [];
afterEach(async () => {
  await Promise.all(endpoints.map((e) => e.close()));
  endpoints = [];
});

async function fake(reply: (req: { index: number; body: Record<string, unknown> }) => FakeReply): Promise<FakeEndpoint> {
  const e = await startFakeEndpoint(reply);
  endpoints.push(e);
  return e;
}

const chat: SampleRequest = { kind: 'chat', messages: [{ role: 'user', content: 'hi' }] };
const prompt: SampleRequest = { kind: 'completion', prompt: 'hi' };

function sender(baseUrl: string, opts: { stream: boolean; timeoutMs?: number; maxRequestMs?: number; maxRetries?: number; api?: 'chat' | 'completions' }) {
  const endpoint = endpointSchema.parse({ base_url: baseUrl, model: 'm', stream: opts.stream, api: opts.api ?? 'chat' });
  const events: EndpointEvent[] = [];
  const s = createSender({
    client: createEndpointClient(endpoint, null, { maxSockets: 4 }),
    limiter: createLimiter({ concurrency: 4 }),
    retryPolicy: { ...DEFAULT_RETRY_POLICY, maxRetries: opts.maxRetries ?? 2 },
    timeoutMs: opts.timeoutMs ?? 5000,
    maxRequestMs: opts.maxRequestMs ?? null,
    sleep: async () => {},
    onEvent: (e) => void events.push(e),
  });
  return { sender: s, events };
}

const answer = (partial: Partial<StreamedAnswer> = {}): StreamedAnswer => ({
  id: 'x',
  api: 'chat',
  content: 'The answer is \\boxed{42}.',
  reasoning: { field: 'reasoning_content', text: 'Six times seven.' },
  finishReason: 'stop',
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  ...partial,
});

describe('streaming', () => {
  const cases: Array<[string, FakeReply, SampleRequest, 'chat' | 'completions']> = [
    ['reasoning_content', { kind: 'answer', content: 'so \\boxed{7}', reasoning: { field: 'reasoning_content', text: 'three plus four' } }, chat, 'chat'],
    ['reasoning (vLLM)', { kind: 'answer', content: 'so \\boxed{7}', reasoning: { field: 'reasoning', text: 'three plus four' } }, chat, 'chat'],
    ['inline think, cut off while thinking', { kind: 'answer', content: '<think>three plus', finish_reason: 'length' }, chat, 'chat'],
    ['a content filter with no content', { kind: 'answer', content: '', finish_reason: 'content_filter' }, chat, 'chat'],
    ['the completions API', { kind: 'answer', content: ' 7' }, prompt, 'completions'],
  ];
  for (const [name, reply, request, api] of cases) {
    it(`assembles the same Completion as a non-streamed response: ${name}`, async () => {
      const e = await fake(() => reply);
      const plain = await sender(e.baseUrl, { stream: false, api }).sender.send(request, { temperature: 0.7 }, new AbortController().signal);
      const streamed = await sender(e.baseUrl, { stream: true, api }).sender.send(request, { temperature: 0.7 }, new AbortController().signal);
      expect(plain.ok).toBe(true);
      expect(streamed.ok && plain.ok ? streamed.completion : null).toEqual(plain.ok ? plain.completion : 'plain failed');
      expect(e.requests[0]?.body).toMatchObject({ stream: false, temperature: 0.7 });
      expect(e.requests[0]?.body).not.toHaveProperty('stream_options');
      expect(e.requests[1]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true }, temperature: 0.7 });
    });
  }

  it('keeps a slow answer that keeps streaming: the timeout counts silence, not the whole answer', async () => {
    const e = await fake(() => ({ kind: 'stream', events: streamEvents(answer({ pieces: 12 })), gapMs: 40, end: 'done' }));
    const result = await sender(e.baseUrl, { stream: true, timeoutMs: 300 }).sender.send(chat, {}, new AbortController().signal);
    expect(result).toMatchObject({ ok: true, attempts: 1, completion: { content: 'The answer is \\boxed{42}.', reasoning: 'Six times seven.' } });
    expect(result.latency_ms).toBeGreaterThan(300); // longer than the timeout, and never cut
  });

  it('times out a stream that falls silent, and caps the whole attempt at runner.max_request_s', async () => {
    const silent = await fake(() => ({ kind: 'stream', events: streamEvents(answer()).slice(0, 3), end: 'hang' }));
    const quiet = await sender(silent.baseUrl, { stream: true, timeoutMs: 200, maxRetries: 0 }).sender.send(chat, {}, new AbortController().signal);
    expect(quiet).toMatchObject({ ok: false, error: { kind: 'timeout', message: 'no chunk within 200 ms' } });
    const slow = await fake(() => ({ kind: 'stream', events: streamEvents(answer({ pieces: 30 })), gapMs: 30, end: 'done' }));
    const capped = await sender(slow.baseUrl, { stream: true, timeoutMs: 200, maxRequestMs: 300, maxRetries: 0 }).sender.send(chat, {}, new AbortController().signal);
    expect(capped).toMatchObject({ ok: false, error: { kind: 'timeout', message: 'request still running after 300 ms (runner.max_request_s)' } });
  });

  const broken: Array<[string, 'close' | 'cut']> = [
    ['the connection is cut mid-answer', 'cut'],
    ['the server ends the stream before a finish_reason', 'close'],
  ];
  for (const [name, end] of broken) {
    it(`retries from scratch when ${name}, and never keeps the partial answer`, async () => {
      const partial = streamEvents(answer()).slice(0, 4); // role, reasoning, a first piece of the answer
      const e = await fake((req) => (req.index === 0 ? { kind: 'stream', events: partial, end } : { kind: 'answer', content: 'The answer is \\boxed{42}.' }));
      const { sender: s, events } = sender(e.baseUrl, { stream: true });
      const result = await s.send(chat, {}, new AbortController().signal);
      expect(result).toMatchObject({ ok: true, attempts: 2, completion: { content: 'The answer is \\boxed{42}.', reasoning: null } });
      expect(events[0]).toMatchObject({ type: 'retry', error: { kind: 'transient' } });
      const once = await fake(() => ({ kind: 'stream', events: partial, end }));
      const failed = await sender(once.baseUrl, { stream: true, maxRetries: 0 }).sender.send(chat, {}, new AbortController().signal);
      expect(failed.ok).toBe(false);
      expect(failed.ok ? null : failed.error.kind).toBe('transient');
    });
  }

  it('says once, with the fix, that an endpoint answers only streamed requests', async () => {
    const e = await fake(() => ({
      kind: 'status',
      status: 400,
      body: { error: { code: 'invalid_parameter_error', message: 'This model only support stream mode, please enable the stream parameter to access the model. ', type: 'invalid_request_error' } },
    }));
    const { sender: s, events } = sender(e.baseUrl, { stream: false });
    const results = await Promise.all([1, 2, 3].map(() => s.send(chat, {}, new AbortController().signal)));
    for (const r of results) expect(r).toMatchObject({ ok: false, error: { kind: 'permanent', code: 'stream_required' } });
    const first = results[0];
    expect(first?.ok ? '' : first?.error.message).toMatch(/only support stream mode.*set stream: true in model.endpoint \(judge.endpoint for the judge\)/);
    expect(events.filter((ev) => ev.type === 'fatal')).toHaveLength(1);
    expect(events.filter((ev) => ev.type === 'retry')).toHaveLength(0);
  });
});
