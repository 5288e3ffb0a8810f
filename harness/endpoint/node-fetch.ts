// A fetch for the openai SDK built on node:http(s) with a keep-alive agent. Node 20's built-in fetch costs about
// 0.9 ms of CPU per request and reached 0.46 efficiency at concurrency 200 on a 200 ms mock (bench/runner.ts);
// node:http did 0.29 ms and 0.75 on the same run. The SDK only needs status, headers and a body.
// A server-sent event stream is handed over as it arrives (a ReadableStream over the socket), so chunks
// reach the SDK one by one and a silent or broken stream is seen while it happens.
import http from 'node:http';
import https from 'node:https';
import { lightResponse } from './light-response.ts';

export type NodeFetchOptions = { maxSockets: number };

function headerPairs(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const source = init?.headers;
  if (source === undefined) return out;
  // the SDK passes a Headers object; copying it through new Headers() would cost a second parse
  const headers = source instanceof Headers ? source : new Headers(source);
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/** Response headers as a plain record: the Response constructor builds its own Headers from it. */
function responseHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in raw) {
    const value = raw[key];
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function bodyOf(init: RequestInit | undefined): string | Buffer | null {
  const body = init?.body;
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('node-fetch adapter: only string or byte request bodies are supported');
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

function isEventStream(res: http.IncomingMessage): boolean {
  const type = res.headers['content-type'];
  return typeof type === 'string' && type.startsWith('text/event-stream');
}

/**
 * The response body as a web stream. A connection that closes before the body ended errors the stream
 * (never a clean end), so a cut-off stream cannot pass for a finished one.
 */
function streamingBody(res: http.IncomingMessage, req: http.ClientRequest): ReadableStream<Uint8Array> {
  let settled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      res.on('data', (chunk: Buffer) => {
        if (!settled) controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        controller.close();
      });
      const fail = (err: Error): void => {
        if (settled) return;
        settled = true;
        controller.error(err);
      };
      res.on('error', fail);
      res.on('close', () => fail(Object.assign(new Error('connection closed before the stream ended'), { code: 'ECONNRESET' })));
    },
    cancel() {
      settled = true;
      req.destroy();
    },
  });
}

export function createNodeFetch(options: NodeFetchOptions): typeof fetch {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' }),
  };
  const nodeFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (input instanceof Request) return fetch(input, init); // not used by the SDK; keep full semantics
    const url = typeof input === 'string' ? new URL(input) : input;
    const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
    const transport = protocol === 'https:' ? https : http;
    const signal = init?.signal ?? null;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const body = bodyOf(init);
      const headers = headerPairs(init);
      if (body !== null) headers['content-length'] = String(Buffer.byteLength(body));
      const req = transport.request(url, { method: init?.method ?? 'GET', headers, agent: agents[protocol] }, (res) => {
        if (isEventStream(res) && (res.statusCode ?? 0) < 300) {
          // the abort listener stays until the stream ends: a timeout or interrupt must still cut it
          res.on('close', () => signal?.removeEventListener('abort', onAbort));
          resolve(new Response(streamingBody(res, req), { status: res.statusCode ?? 200, statusText: res.statusMessage ?? '', headers: responseHeaders(res.headers) }));
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(
            lightResponse(Buffer.concat(chunks), {
              status: res.statusCode ?? 0,
              statusText: res.statusMessage ?? '',
              headers: responseHeaders(res.headers),
              url: url.href,
            }),
          );
        });
      });
      const onAbort = (): void => {
        req.destroy();
        reject(signal ? abortError(signal) : new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (err) => {
        signal?.removeEventListener('abort', onAbort);
        reject(err);
      });
      req.end(body ?? undefined);
    });
  };
  return nodeFetch;
}
