// A local OpenAI-compatible server whose every answer a test decides: replies, errors, malformed bodies, hangs.
// An answer to a request with stream: true goes out as a server-sent event stream of the same answer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventLine, writeEventStream, writeEventStreamHead } from '../../harness/sim/sse.ts';

export type FakeReply =
  | { kind: 'answer'; content: string; finish_reason?: string; reasoning?: { field: 'reasoning_content' | 'reasoning'; text: string } }
  /** a hand-made stream: these `data:` payloads, `gapMs` apart; `end` says how it stops */
  | { kind: 'stream'; events: unknown[]; gapMs?: number; end: 'done' | 'close' | 'cut' | 'hang' }
  | { kind: 'status'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; text: string }
  | { kind: 'hang' };

export type FakeRequest = { prompt: string; body: Record<string, unknown>; index: number };

export type FakeEndpoint = { baseUrl: string; requests: FakeRequest[]; close(): Promise<void> };

function promptOf(body: Record<string, unknown>): string {
  const messages = body['messages'];
  if (!Array.isArray(messages)) return typeof body['prompt'] === 'string' ? body['prompt'] : '';
  return messages.map((m: unknown) => (typeof m === 'object' && m !== null && 'content' in m ? String(m.content) : '')).join('\n');
}

export async function startFakeEndpoint(reply: (req: FakeRequest) => FakeReply): Promise<FakeEndpoint> {
  const requests: FakeRequest[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      const body: Record<string, unknown> = typeof parsed === 'object' && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : {};
      const request = { prompt: promptOf(body), body, index: requests.length };
      requests.push(request);
      const r = reply(request);
      if (r.kind === 'hang') {
        hanging.push(res);
        return;
      }
      if (r.kind === 'stream') {
        writeEventStreamHead(res);
        void (async () => {
          for (const event of r.events) {
            if (r.gapMs) await new Promise((done) => setTimeout(done, r.gapMs));
            if (res.destroyed) return;
            res.write(eventLine(event));
          }
          if (r.end === 'done') res.end('data: [DONE]\n\n');
          else if (r.end === 'close') res.end();
          else if (r.end === 'cut') res.destroy();
          else hanging.push(res);
        })();
        return;
      }
      if (r.kind === 'answer' && body['stream'] === true) {
        const withUsage = typeof body['stream_options'] === 'object' && body['stream_options'] !== null && Reflect.get(body['stream_options'], 'include_usage') === true;
        writeEventStream(res, {
          id: `fake-${request.index}`,
          api: Array.isArray(body['messages']) ? 'chat' : 'text',
          content: r.content,
          reasoning: r.reasoning ?? null,
          finishReason: r.finish_reason ?? 'stop',
          usage: withUsage ? { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } : null,
        });
        return;
      }
      if (r.kind === 'raw') {
        res.writeHead(r.status, { 'content-type': 'application/json' });
        res.end(r.text);
        return;
      }
      const payload =
        r.kind === 'answer'
          ? {
              id: `fake-${request.index}`,
              object: 'chat.completion',
              created: 0,
              model: 'fake',
              choices: [
                Array.isArray(body['messages'])
                  ? { index: 0, message: { role: 'assistant', content: r.content, ...(r.reasoning ? { [r.reasoning.field]: r.reasoning.text } : {}) }, finish_reason: r.finish_reason ?? 'stop' }
                  : { index: 0, text: r.content, finish_reason: r.finish_reason ?? 'stop' },
              ],
              usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
            }
          : r.body;
      res.writeHead(r.kind === 'answer' ? 200 : r.status, { 'content-type': 'application/json', ...(r.kind === 'status' ? r.headers : {}) });
      res.end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
