// One OpenAI-compatible endpoint. Returns a normalised Completion; anything unusable in a 2xx response is thrown
// as a malformed response. A non-streamed request is one JSON POST (json-post.ts), which fails with the openai
// SDK's error classes; with `stream: true` the answer comes as server-sent chunks through the SDK's streaming
// API (retries off: retry.ts owns retries) and is assembled into the same message before the same normalisation.
import OpenAI from 'openai';
import type { EndpointConfig, GenerationParams } from '../config/schema.ts';
import type { JsonValue } from '../json.ts';
import type { ChatMessage, Completion, SampleRequest, Usage } from '../suite.ts';

import { malformedResponseError } from './errors.ts';
import { createJsonPost } from './json-post.ts';
import { splitReasoning } from './reasoning.ts';
import { createStreamAssembler } from './stream-assembly.ts';
import { usageOf } from './usage.ts';

export type CompleteOptions = {
  signal: AbortSignal;
  timeoutMs: number;
  /** called on every streamed chunk, so the caller's silence timer starts again */
  onChunk?: () => void;
  /** told which replica served the request (set by a replica pool) */
  route?: { servedBy: string | null };
};

export type EndpointClient = {
  /** true when answers arrive as streams: timeouts then count silence between chunks */
  streams: boolean;
  complete(request: SampleRequest, generation: GenerationParams, opts: CompleteOptions): Promise<Completion>;
};

/** The SDK refuses to start without a key; local servers get this and no Authorization header at all. */
const KEYLESS_PLACEHOLDER = 'keyless';

/** The wire body: sampling params, then vendor extras verbatim, then what must not be overridden. */
export function requestBody(
  core: Record<string, JsonValue>,
  generation: GenerationParams,
  stream = false,
): Record<string, JsonValue> {
  const body: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(generation)) {
    if (key !== 'extra_body' && value !== undefined) body[key] = value;
  }
  Object.assign(body, generation.extra_body, core);
  body['stream'] = stream;
  // usage comes in a last chunk only when asked for; without it, token budgets could not be reconciled
  if (stream) body['stream_options'] = { include_usage: true };
  else delete body['stream_options'];
  // exactly one completion per request: many endpoints ignore or reject n > 1
  delete body['n'];
  return body;
}

/** Base-model endpoints take raw text; a chat request is flattened only when the config asks for that API. */
function promptOf(request: SampleRequest): string {
  return request.kind === 'completion' ? request.prompt : request.messages.map((m) => m.content).join('\n\n');
}

function messagesJson(messages: ChatMessage[]): JsonValue[] {
  return messages.map((m) => ({ role: m.role, content: m.content }));
}

/** The first choice of a parsed response body, or a malformed-response error. */
function firstChoice(response: unknown): { choice: object; usage: Usage | null } {
  if (typeof response !== 'object' || response === null) throw malformedResponseError('body is not a JSON object');
  const choices: unknown = Reflect.get(response, 'choices');
  if (!Array.isArray(choices) || choices.length === 0) {
    // some gateways answer 200 with an error object instead of an error status
    const error: unknown = Reflect.get(response, 'error');
    const said = typeof error === 'object' && error !== null ? Reflect.get(error, 'message') : error;
    throw malformedResponseError(typeof said === 'string' ? `no choices (error: ${said})` : 'no choices');
  }
  const choice: unknown = choices[0];
  if (typeof choice !== 'object' || choice === null) throw malformedResponseError('choice is not an object');
  return { choice, usage: usageOf(Reflect.get(response, 'usage')) };
}

function finishReasonOf(choice: object): string | null {
  const reason: unknown = Reflect.get(choice, 'finish_reason');
  return typeof reason === 'string' ? reason : null;
}

function normalise(message: object, finishReason: string | null, usage: Usage | null): Completion {
  const split = splitReasoning(message, finishReason);
  return {
    content: split.content,
    reasoning: split.reasoning,
    finish_reason: finishReason,
    truncated: finishReason === 'length',
    truncated_in_thinking: split.truncated_in_thinking,
    usage,
  };
}

/** The one URL a client talks to; a list of replicas goes through a replica pool (replicas.ts) instead. */
function singleBaseUrl(baseUrl: EndpointConfig['base_url']): string {
  if (typeof baseUrl === 'string') return baseUrl;
  const [only] = baseUrl;
  if (only === undefined || baseUrl.length > 1) throw new Error(`one client serves one URL; ${baseUrl.length} replicas need a replica pool`);
  return only;
}

export type EndpointClientOptions = {
  /** the fetch the SDK streams through (run.ts passes node-fetch.ts) */
  fetch?: typeof fetch;
  /** open connections per endpoint for non-streamed requests; unlimited when absent */
  maxSockets?: number;
};

function streamingSdk(endpoint: EndpointConfig, apiKey: string | null, options: EndpointClientOptions): OpenAI {
  return new OpenAI({
    baseURL: singleBaseUrl(endpoint.base_url),
    apiKey: apiKey ?? KEYLESS_PLACEHOLDER,
    // never pick up OPENAI_* environment variables meant for another endpoint
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    maxRetries: 0,
    logLevel: 'off',
    defaultHeaders: { ...endpoint.headers, ...(apiKey === null ? { Authorization: null } : {}) },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

export function createEndpointClient(endpoint: EndpointConfig, apiKey: string | null, options: EndpointClientOptions = {}): EndpointClient {
  const baseUrl = singleBaseUrl(endpoint.base_url);
  const post = createJsonPost({ baseUrl, apiKey, headers: endpoint.headers, maxSockets: options.maxSockets ?? Infinity });
  const sdk = endpoint.stream ? streamingSdk(endpoint, apiKey, options) : null;
  // Every sample of an item sends the same bytes: the body is built once per request object and generation.
  const bodies = new WeakMap<SampleRequest, { generation: GenerationParams; bytes: Buffer }>();
  const wireBody = (request: SampleRequest, generation: GenerationParams, build: () => Record<string, JsonValue>): Buffer => {
    const known = bodies.get(request);
    if (known !== undefined && known.generation === generation) return known.bytes;
    const bytes = Buffer.from(JSON.stringify(build()), 'utf8');
    bodies.set(request, { generation, bytes });
    return bytes;
  };
  const useCompletionsApi = endpoint.api === 'completions';
  const streams = endpoint.stream;

  /** Reads a stream to its end. The SDK ends a stream quietly when it is aborted: that is never an answer. */
  async function assemble(chunks: AsyncIterable<unknown>, opts: CompleteOptions): Promise<Completion> {
    const assembler = createStreamAssembler();
    for await (const chunk of chunks) {
      opts.onChunk?.();
      assembler.add(chunk);
    }
    if (opts.signal.aborted) throw opts.signal.reason;
    const { message, finishReason, usage } = assembler.finish();
    return normalise(message, finishReason, usage);
  }

  return {
    streams,
    async complete(request, generation, opts) {
      const requestOptions = { signal: opts.signal, timeout: Math.max(1, Math.ceil(opts.timeoutMs)) };
      if (useCompletionsApi || request.kind === 'completion') {
        const prompt = promptOf(request);
        if (sdk !== null) {
          const body = requestBody({ model: endpoint.model, prompt }, generation, true);
          const stream = await sdk.completions.create({ model: endpoint.model, prompt, stream: true }, { ...requestOptions, body });
          return assemble(stream, opts);
        }
        const body = wireBody(request, generation, () => requestBody({ model: endpoint.model, prompt }, generation));
        const response = await post('/completions', body, opts.signal, opts.timeoutMs);
        const { choice, usage } = firstChoice(response);
        const textOut: unknown = Reflect.get(choice, 'text');
        if (typeof textOut !== 'string') throw malformedResponseError('choice has no text');
        return normalise({ content: textOut }, finishReasonOf(choice), usage);
      }
      if (sdk !== null) {
        const body = requestBody({ model: endpoint.model, messages: messagesJson(request.messages) }, generation, true);
        const stream = await sdk.chat.completions.create({ model: endpoint.model, messages: request.messages, stream: true }, { ...requestOptions, body });
        return assemble(stream, opts);
      }
      const body = wireBody(request, generation, () => requestBody({ model: endpoint.model, messages: messagesJson(request.messages) }, generation));
      const response = await post('/chat/completions', body, opts.signal, opts.timeoutMs);
      const { choice, usage } = firstChoice(response);
      const message: unknown = Reflect.get(choice, 'message');
      if (typeof message !== 'object' || message === null) throw malformedResponseError('choice has no message');
      return normalise(message, finishReasonOf(choice), usage);
    },
  };
}
