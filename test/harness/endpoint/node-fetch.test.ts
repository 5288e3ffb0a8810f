import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointSchema } from '../../../harness/config/schema.ts';
import { createEndpointClient } from '../../../harness/endpoint/client.ts';
import { classifyError } from '../../../harness/endpoint/errors.ts';
import { createNodeFetch } from '../../../harness/endpoint/node-fetch.ts';

// A real local server: node-fetch speaks node:http, which is what it replaces fetch with.
let server: http.Server;

function portOf(listening: http.Server): number {
  const address = listening.address();
  if (typeof address !== 'object' || address === null) throw new Error('server is not listening on a port');
  return address.port;
}
let baseUrl = '';
const seen: { body: string; authorization: string | undefined }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ body, authorization: req.headers.authorization });
      const model: unknown = JSON.parse(body).model;
      if (model === 'limited') {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '4' });
        res.end(JSON.stringify({ error: { message: 'slow down', code: 'rate_limit_exceeded' } }));
      } else if (model === 'slow') {
        setTimeout(() => res.end('{}'), 5000).unref();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'ok' } }] }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${portOf(server)}/v1`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function clientFor(model: string, url = baseUrl) {
  return createEndpointClient(endpointSchema.parse({ base_url: url, model }), 'sk-local-1234567', { fetch: createNodeFetch({ maxSockets: 4 }) });
}
const ask = { kind: 'chat' as const, messages: [{ role: 'user' as const, content: 'hi' }] };
const opts = { signal: new AbortController().signal, timeoutMs: 5000 };

describe('node:http fetch adapter', () => {
  it('carries the request body, headers and a JSON response through the SDK', async () => {
    const completion = await clientFor('m').complete(ask, { extra_body: { top_k: 5 } }, opts);
    expect(completion.content).toBe('ok');
    expect(JSON.parse(seen.at(-1)?.body ?? '{}')).toMatchObject({ model: 'm', top_k: 5 });
    expect(seen.at(-1)?.authorization).toBe('Bearer sk-local-1234567');
  });

  it('keeps status and Retry-After so a 429 is classified as a rate limit', async () => {
    const error = await clientFor('limited').complete(ask, {}, opts).catch((err: unknown) => classifyError(err, 0));
    expect(error).toMatchObject({ kind: 'rate_limit', status: 429, retryAfterMs: 4000 });
  });

  it('stops a request when its signal aborts', async () => {
    const controller = new AbortController();
    const pending = clientFor('slow').complete(ask, {}, { signal: controller.signal, timeoutMs: 5000 });
    setTimeout(() => controller.abort(), 20);
    const error = await pending.catch((err: unknown) => classifyError(err, 0));
    expect(error).toMatchObject({ kind: 'timeout', code: 'aborted' });
  });

  it('reports a refused connection as transient with its code', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = portOf(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await clientFor('m', `http://127.0.0.1:${port}/v1`).complete(ask, {}, opts).catch((err: unknown) => classifyError(err, 0));
    expect(error).toMatchObject({ kind: 'transient', code: 'ECONNREFUSED' });
  });
});
