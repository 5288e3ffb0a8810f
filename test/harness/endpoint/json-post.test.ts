import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError } from '../../../harness/endpoint/errors.ts';
import { createJsonPost } from '../../../harness/endpoint/json-post.ts';

// A real local server: json-post speaks node:http, and what it writes on the wire is what is checked.
type Seen = { url: string; headers: http.IncomingHttpHeaders; body: string };
const seen: Seen[] = [];
let server: http.Server;
let baseUrl = '';

function reply(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
  const mode = req.url?.split('/').pop() ?? '';
  if (mode === 'ok') {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ echo: JSON.parse(body) }));
  } else if (mode === 'limited') {
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3' });
    res.end(JSON.stringify({ error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } }));
  } else if (mode === 'quota') {
    res.writeHead(402, { 'content-type': 'text/plain' });
    res.end('Payment Required: insufficient balance');
  } else if (mode === 'text') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('not json');
  } else if (mode === 'broken-json') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"choices": [');
  } else if (mode === 'cut') {
    // promises 1,000 bytes, sends 10 and closes: never a complete answer
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    res.write('{"choices"');
    setTimeout(() => res.socket?.destroy(), 10);
  } else if (mode === 'mixed-case') {
    // header names as a server may write them, the content type in a later line than an unrelated one
    res.writeHead(200, [['X-Content-Type-Options', 'nosniff'], ['Content-TYPE', 'application/vnd.api+json'], ['CONTENT-LENGTH', '13']]);
    res.end('{"answer":42}');
  } else if (mode === 'empty') {
    res.writeHead(200, [['Content-Type', 'application/json'], ['Content-Length', '0']]);
    res.end();
  } else if (mode === 'slow') {
    setTimeout(() => res.end('{}'), 5000).unref();
  }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      reply(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  baseUrl = `http://127.0.0.1:${address.port}/v1/`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const run = new AbortController().signal;
const post = (options: { apiKey?: string | null; headers?: Record<string, string> } = {}) =>
  createJsonPost({ baseUrl, apiKey: options.apiKey === undefined ? 'sk-test-123456789' : options.apiKey, headers: options.headers, maxSockets: 4 });
const fail = (promise: Promise<unknown>) => promise.then(() => null, (err: unknown) => classifyError(err, 0));

describe('json-post', () => {
  it('posts the body to base URL + path with the SDK headers and returns the parsed answer', async () => {
    const answer = await post()('/chat/completions/ok', '{"model":"m","é":"ü"}', run, 5000);
    expect(answer).toEqual({ echo: { model: 'm', é: 'ü' } });
    const last = seen.at(-1);
    expect(last?.url).toBe('/v1/chat/completions/ok');
    expect(last?.headers).toMatchObject({
      authorization: 'Bearer sk-test-123456789',
      'content-type': 'application/json',
      accept: 'application/json',
      'content-length': String(Buffer.byteLength('{"model":"m","é":"ü"}')),
      connection: 'keep-alive',
    });
    expect(last?.headers['user-agent']).toMatch(/^OpenAI\/JS \d/);
    expect(last?.headers.host).toBe(new URL(baseUrl).host);
  });

  it('lets configured headers override the defaults, and sends no Authorization when keyless', async () => {
    await post({ headers: { 'X-Team': 'eval', 'user-agent': 'custom' } })('/ok', '{}', run, 5000);
    expect(seen.at(-1)?.headers).toMatchObject({ 'x-team': 'eval', 'user-agent': 'custom' });
    await post({ apiKey: null, headers: { Authorization: 'Bearer leaked' } })('/ok', '{}', run, 5000);
    expect(seen.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('fails with the status, body message and Retry-After the SDK would report', async () => {
    expect(await fail(post()('/limited', '{}', run, 5000))).toMatchObject({ kind: 'rate_limit', status: 429, code: 'rate_limit_exceeded', retryAfterMs: 3000 });
    expect(await fail(post()('/quota', '{}', run, 5000))).toMatchObject({ kind: 'quota', status: 402 });
  });

  it('returns a non-JSON body as text and fails on broken JSON as a malformed body', async () => {
    expect(await post()('/text', '{}', run, 5000)).toBe('not json');
    expect(await fail(post()('/broken-json', '{}', run, 5000))).toMatchObject({ kind: 'transient', code: 'malformed_json' });
  });

  it('reads Content-Type and Content-Length whatever the case of their names', async () => {
    expect(await post()('/mixed-case', '{}', run, 5000)).toEqual({ answer: 42 });
    expect(await post()('/empty', '{}', run, 5000)).toBeUndefined();
    // the same content types, one after the other, are each read for what they are
    expect(await post()('/text', '{}', run, 5000)).toBe('not json');
    expect(await post()('/ok', '{"a":1}', run, 5000)).toEqual({ echo: { a: 1 } });
  });

  it('never returns a body cut off by a closed connection', async () => {
    expect(await fail(post()('/cut', '{}', run, 5000))).toMatchObject({ kind: 'transient', code: 'ECONNRESET' });
  });

  it('ends on its signal as an abort, and on its own timeout as a timeout', async () => {
    const controller = new AbortController();
    const pending = fail(post()('/slow', '{}', controller.signal, 5000));
    setTimeout(() => controller.abort(), 20);
    expect(await pending).toMatchObject({ kind: 'timeout', code: 'aborted' });
    expect(await fail(post()('/slow', '{}', run, 30))).toMatchObject({ kind: 'timeout', code: 'timeout' });
  });

  it('reports a refused connection as transient with its code', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address: AddressInfo | string | null = closed.address();
    if (typeof address !== 'object' || address === null) throw new Error('no port');
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = createJsonPost({ baseUrl: `http://127.0.0.1:${address.port}/v1`, apiKey: null, headers: undefined, maxSockets: 1 });
    expect(await fail(refused('/chat/completions', '{}', run, 5000))).toMatchObject({ kind: 'transient', code: 'ECONNREFUSED' });
  });
});
