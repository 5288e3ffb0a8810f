// A simulated OpenAI-compatible endpoint on 127.0.0.1. It answers from each item's gold answer with a seeded
// probability, so its expected score is known; every answer says it is simulated. Used by the offline demo,
// tests and the benchmark. Real HTTP, so the whole client path (openai SDK, limiter, retries) is exercised.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeEventStream } from './sse.ts';

export type SimOracle = (correct: boolean) => string;

export type SimOptions = {
  accuracy: number;
  seed: number;
  latencyMs: number;
  /** text used when no oracle knows the prompt (the benchmark sends prompts the simulator has no answers for) */
  fallback?: string;
};

export type SimServer = {
  baseUrl: string;
  /** teach the simulator an item: its prompt text and how to answer it right or wrong */
  register(promptText: string, oracle: SimOracle): void;
  requests(): number;
  close(): Promise<void>;
};

/** A uniform number in [0, 1) from a string, stable across runs and platforms. */
export function unitHash(text: string): number {
  const digest = createHash('sha256').update(text).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/**
 * Whether the simulator answers the `index`-th request for a prompt correctly. A seeded offset per prompt with a
 * low-discrepancy sequence: any k consecutive requests hold floor(k*p) or ceil(k*p) correct answers, so the
 * realised avg@k sits within 1/k of `accuracy` for every problem. Exported so tests know the truth.
 */
export function simulatedCorrect(seed: number, accuracy: number, promptText: string, index: number): boolean {
  const offset = unitHash(`${seed}\u0000${promptText}`);
  return Math.floor((index + 1) * accuracy + offset) - Math.floor(index * accuracy + offset) === 1;
}

function promptTextOf(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  if ('prompt' in body && typeof body.prompt === 'string') return body.prompt;
  if (!('messages' in body) || !Array.isArray(body.messages)) return '';
  const parts: string[] = [];
  for (const m of body.messages) {
    if (typeof m === 'object' && m !== null && 'content' in m && typeof m.content === 'string') parts.push(m.content);
  }
  return parts.join('\n');
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startSimServer(options: SimOptions): Promise<SimServer> {
  const oracles = new Map<string, SimOracle>();
  const counters = new Map<string, number>();
  let served = 0;
  const fallback = options.fallback ?? 'This is a simulated answer.';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '';
    if (req.method === 'GET' && url.endsWith('/models')) return send(res, 200, { object: 'list', data: [{ id: 'simulated', object: 'model' }] });
    const chat = url.endsWith('/chat/completions');
    if (req.method !== 'POST' || (!chat && !url.endsWith('/completions'))) return send(res, 404, { error: { message: `no route ${url}` } });
    let body: unknown;
    try {
      body = await readBody(req);
    } catch {
      return send(res, 400, { error: { message: 'body is not JSON' } });
    }
    const prompt = promptTextOf(body);
    const index = counters.get(prompt) ?? 0;
    counters.set(prompt, index + 1);
    const oracle = oracles.get(prompt);
    const text = oracle ? oracle(simulatedCorrect(options.seed, options.accuracy, prompt, index)) : fallback;
    if (options.latencyMs > 0) await new Promise((r) => setTimeout(r, options.latencyMs));
    served += 1;
    const usage = { prompt_tokens: Math.ceil(prompt.length / 4), completion_tokens: Math.ceil(text.length / 4), total_tokens: 0 };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    const common = { id: `sim-${served}`, created: 0, model: 'simulated', usage };
    const reasoning = 'Simulated reasoning: no model was called.';
    if (typeof body === 'object' && body !== null && 'stream' in body && body.stream === true) {
      const withUsage = 'stream_options' in body && typeof body.stream_options === 'object' && body.stream_options !== null && 'include_usage' in body.stream_options && body.stream_options.include_usage === true;
      return writeEventStream(res, {
        id: common.id,
        api: chat ? 'chat' : 'text',
        content: text,
        reasoning: chat ? { field: 'reasoning_content', text: reasoning } : null,
        finishReason: 'stop',
        usage: withUsage ? usage : null,
      });
    }
    if (chat) {
      const message = { role: 'assistant', content: text, reasoning_content: reasoning };
      return send(res, 200, { ...common, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: 'stop' }] });
    }
    return send(res, 200, { ...common, object: 'text_completion', choices: [{ index: 0, text, finish_reason: 'stop' }] });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { error: { message: String(err) } }));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    register: (promptText, oracle) => {
      oracles.set(promptText, oracle);
    },
    requests: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
