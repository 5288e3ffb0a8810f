// A scripted OpenAI-compatible endpoint for tests: each call takes the next scripted reply.
import { http, HttpResponse } from 'msw';
import type { JsonValue } from '../../../harness/json.ts';

export const BASE_URL = 'http://llm.test/v1';

export type Reply = (request: Request) => Response | Promise<Response>;

export type Recorded = { path: string; body: unknown; authorization: string | null };

const USAGE: JsonValue = { prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 };

export function chatOk(content: string, extra: { [key: string]: JsonValue } = {}, usage: JsonValue = USAGE): JsonValue {
  return {
    id: 'c1',
    object: 'chat.completion',
    created: 0,
    model: 'm',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, ...extra } }],
    usage,
  };
}

export function jsonReply(body: JsonValue, status = 200, headers: Record<string, string> = {}): Reply {
  return () => HttpResponse.json(body, { status, headers });
}

/** Handlers for /chat/completions and /completions that replay `script` in order (the last reply repeats). */
export function scriptedEndpoint(script: Reply[]) {
  const calls: Recorded[] = [];
  const respond = async ({ request }: { request: Request }) => {
    const path = new URL(request.url).pathname;
    calls.push({ path, body: await request.clone().json(), authorization: request.headers.get('authorization') });
    const reply = script[Math.min(calls.length, script.length) - 1];
    if (reply === undefined) throw new Error('empty script');
    return reply(request);
  };
  return {
    calls,
    handlers: [http.post(`${BASE_URL}/chat/completions`, respond), http.post(`${BASE_URL}/completions`, respond)],
  };
}

/** Never answers; ends when the client aborts the request. */
export const hang: Reply = (request) =>
  new Promise((_, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });
