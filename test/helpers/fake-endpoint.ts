// A local OpenAI-compatible server whose every answer a test decides: replies, errors, malformed bodies, hangs.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeReply =
  | { kind: 'answer'; content: string; finish_reason?: string }
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
              choices: [{ index: 0, message: { role: 'assistant', content: r.content }, finish_reason: r.finish_reason ?? 'stop' }],
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
