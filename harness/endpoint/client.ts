// One OpenAI-compatible endpoint. Returns a normalised Completion; anything unusable in a 2xx response is thrown
// as a malformed response. A request is one POST (json-post.ts), which fails with the openai SDK's error classes
// built as the SDK builds them; with `stream: true` the answer comes as server-sent chunks, read as the SDK's
// stream reads them and assembled into the same message before the same normalisation. No retries here:
// retry.ts owns them.
import { APIError } from 'openai';
import type { EndpointConfig, GenerationParams } from '../config/schema.ts';
import type { JsonValue } from '../json.ts';
import type { CancelSignal } from './attempt-signal.ts';
import type { ChatMessage, Completion, SampleRequest, Usage } from '../suite.ts';

import { malformedResponseError } from './errors.ts';
import { createPoster } from './json-post.ts';
import { splitReasoning } from './reasoning.ts';
import { createStreamAssembler } from './stream-assembly.ts';
import { usageOf } from './usage.ts';

export type CompleteOptions = {
  /** an AbortSignal, or a sender's attempt (attempt-signal.ts) */
  signal: CancelSignal;
  /** the client's own limit (json-post.ts); null when the signal carries the time limit, as a sender's does */
  timeoutMs: number | null;
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
  /** open connections per endpoint; unlimited when absent */
  maxSockets?: number;
};

/** An `error` in a streamed chunk ends the stream, as the SDK's stream ends it. */
function chunkError(chunk: unknown): APIError | null {
  const error: unknown = typeof chunk === 'object' && chunk !== null ? Reflect.get(chunk, 'error') : undefined;
  if (!error) return null;
  return typeof error === 'object' ? new APIError(undefined, error, undefined, undefined) : new APIError(undefined, undefined, JSON.stringify(error), undefined);
}

export function createEndpointClient(endpoint: EndpointConfig, apiKey: string | null, options: EndpointClientOptions = {}): EndpointClient {
  const baseUrl = singleBaseUrl(endpoint.base_url);
  const poster = createPoster({ baseUrl, apiKey, headers: endpoint.headers, maxSockets: options.maxSockets ?? Infinity });
  const streams = endpoint.stream;
  // Every sample of an item sends the same bytes: the body is built once per request object and generation.
  const bodies = new WeakMap<SampleRequest, { generation: GenerationParams; bytes: Buffer }>();
  const wireBody = (request: SampleRequest, generation: GenerationParams, core: () => Record<string, JsonValue>): Buffer => {
    const known = bodies.get(request);
    if (known !== undefined && known.generation === generation) return known.bytes;
    const bytes = Buffer.from(JSON.stringify(requestBody(core(), generation, streams)), 'utf8');
    bodies.set(request, { generation, bytes });
    return bytes;
  };
  const useCompletionsApi = endpoint.api === 'completions';

  /** Reads the stream to its end ([DONE] or the body's end); a stream without a finish reason is broken. */
  async function assemble(path: string, body: Buffer, opts: CompleteOptions): Promise<Completion> {
    const assembler = createStreamAssembler();
    let done = false;
    await poster.events(path, body, opts.signal, opts.timeoutMs, (data) => {
      if (done) return;
      if (data.startsWith('[DONE]')) {
        done = true;
        return;
      }
      const chunk: unknown = JSON.parse(data); // a SyntaxError is a malformed body (errors.ts)
      const error = chunkError(chunk);
      if (error !== null) throw error;
      opts.onChunk?.();
      assembler.add(chunk);
    });
    const { message, finishReason, usage } = assembler.finish();
    return normalise(message, finishReason, usage);
  }

  return {
    streams,
    async complete(request, generation, opts) {
      if (useCompletionsApi || request.kind === 'completion') {
        const prompt = promptOf(request);
        const body = wireBody(request, generation, () => ({ model: endpoint.model, prompt }));
        if (streams) return assemble('/completions', body, opts);
        const { choice, usage } = firstChoice(await poster.json('/completions', body, opts.signal, opts.timeoutMs));
        const textOut: unknown = Reflect.get(choice, 'text');
        if (typeof textOut !== 'string') throw malformedResponseError('choice has no text');
        return normalise({ content: textOut }, finishReasonOf(choice), usage);
      }
      const body = wireBody(request, generation, () => ({ model: endpoint.model, messages: messagesJson(request.messages) }));
      if (streams) return assemble('/chat/completions', body, opts);
      const { choice, usage } = firstChoice(await poster.json('/chat/completions', body, opts.signal, opts.timeoutMs));
      const message: unknown = Reflect.get(choice, 'message');
      if (typeof message !== 'object' || message === null) throw malformedResponseError('choice has no message');
      return normalise(message, finishReasonOf(choice), usage);
    },
  };
}
