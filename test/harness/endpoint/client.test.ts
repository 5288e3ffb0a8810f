import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { endpointSchema } from '../../../harness/config/schema.ts';
import { createEndpointClient } from '../../../harness/endpoint/client.ts';
import { classifyError } from '../../../harness/endpoint/errors.ts';
import { BASE_URL, chatOk, jsonReply, scriptedEndpoint, type Reply } from './msw-endpoint.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const chatEndpoint = endpointSchema.parse({ base_url: BASE_URL, model: 'qwen3', api_key_env: 'X' });
const opts = { signal: new AbortController().signal, timeoutMs: 5000 };
const ask = { kind: 'chat' as const, messages: [{ role: 'user' as const, content: 'What is 2+2?' }] };

function use(script: Reply[]) {
  const endpoint = scriptedEndpoint(script);
  server.use(...endpoint.handlers);
  return endpoint.calls;
}

describe('endpoint client', () => {
  it('sends one chat request with generation params and extra_body merged verbatim', async () => {
    const calls = use([jsonReply(chatOk('4'))]);
    const client = createEndpointClient(chatEndpoint, 'sk-test-key-123456');
    const completion = await client.complete(ask, {
      temperature: 0.7,
      max_tokens: 100,
      stop: ['END'],
      extra_body: { top_k: 20, enable_thinking: true, n: 4 },
    }, opts);
    expect(completion).toEqual({
      content: '4',
      reasoning: null,
      finish_reason: 'stop',
      truncated: false,
      truncated_in_thinking: false,
      usage: { prompt_tokens: 12, completion_tokens: 30, reasoning_tokens: null },
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.path).toBe('/v1/chat/completions');
    expect(calls[0]?.authorization).toBe('Bearer sk-test-key-123456');
    expect(calls[0]?.body).toEqual({
      model: 'qwen3',
      messages: [{ role: 'user', content: 'What is 2+2?' }],
      temperature: 0.7,
      max_tokens: 100,
      stop: ['END'],
      top_k: 20,
      enable_thinking: true,
      stream: false,
    });
  });

  it('sends no Authorization header to a keyless local endpoint', async () => {
    const calls = use([jsonReply(chatOk('ok'))]);
    const local = endpointSchema.parse({ base_url: BASE_URL, model: 'local', headers: { 'x-team': 'eval' } });
    await createEndpointClient(local, null).complete(ask, {}, opts);
    expect(calls[0]?.authorization).toBeNull();
  });

  it('splits reasoning_content and reads reasoning tokens', async () => {
    const usage = { prompt_tokens: 5, completion_tokens: 50, total_tokens: 55, completion_tokens_details: { reasoning_tokens: 40 } };
    use([jsonReply(chatOk('\\boxed{4}', { reasoning_content: 'two and two' }, usage))]);
    const completion = await createEndpointClient(chatEndpoint, 'k').complete(ask, {}, opts);
    expect(completion.content).toBe('\\boxed{4}');
    expect(completion.reasoning).toBe('two and two');
    expect(completion.usage).toEqual({ prompt_tokens: 5, completion_tokens: 50, reasoning_tokens: 40 });
  });

  it('strips <think> from content and marks a cut-off inside thinking', async () => {
    const truncated = {
      choices: [{ index: 0, finish_reason: 'length', message: { role: 'assistant', content: '<think>so far \\boxed{9}' } }],
    };
    use([jsonReply(chatOk('<think>hmm</think>\n\\boxed{4}')), jsonReply(truncated)]);
    const client = createEndpointClient(chatEndpoint, 'k');
    const first = await client.complete(ask, {}, opts);
    expect(first).toMatchObject({ content: '\\boxed{4}', reasoning: 'hmm', truncated: false });
    const second = await client.complete(ask, {}, opts);
    expect(second).toMatchObject({ content: '', reasoning: 'so far \\boxed{9}', truncated: true, truncated_in_thinking: true, usage: null });
  });

  it('uses the completions API for raw prompts', async () => {
    const calls = use([jsonReply({ choices: [{ index: 0, text: ' 4', finish_reason: 'stop' }] })]);
    const completion = await createEndpointClient(chatEndpoint, 'k').complete(
      { kind: 'completion', prompt: 'Q: 2+2?\nA:' },
      { max_tokens: 8, extra_body: { top_k: 1 } },
      opts,
    );
    expect(completion.content).toBe(' 4');
    expect(calls[0]?.path).toBe('/v1/completions');
    expect(calls[0]?.body).toEqual({ model: 'qwen3', prompt: 'Q: 2+2?\nA:', max_tokens: 8, top_k: 1, stream: false });
  });

  it('throws transient errors for empty choices and malformed JSON', async () => {
    const client = createEndpointClient(chatEndpoint, 'k');
    use([jsonReply({ choices: [] })]);
    const empty = await client.complete(ask, {}, opts).catch((err: unknown) => classifyError(err, 0));
    expect(empty).toMatchObject({ kind: 'transient', code: 'malformed_response' });
    use([jsonReply({ error: { message: 'upstream overloaded' } })]);
    const gatewayError = await client.complete(ask, {}, opts).catch((err: unknown) => classifyError(err, 0));
    expect(gatewayError).toMatchObject({ kind: 'transient', message: 'malformed response: no choices (error: upstream overloaded)' });
    server.resetHandlers();
    server.use(http.post(`${BASE_URL}/chat/completions`, () =>
      new HttpResponse('{"choices": [', { headers: { 'content-type': 'application/json' } })));
    const broken = await client.complete(ask, {}, opts).catch((err: unknown) => classifyError(err, 0));
    expect(broken).toMatchObject({ kind: 'transient', code: 'malformed_json' });
  });
});
