// The hot path: one JSON POST over node:http(s) keep-alive agents, answered with the parsed body, or read as
// server-sent events when the request asks for a stream.
// Through the openai SDK the same request cost about 0.25 ms of CPU and 60 KB of garbage at concurrency 200
// (request options, header objects, a log line built even with logging off, a fetch Response); this is what
// remains of it. Failures are the SDK's own error classes, built the way the SDK builds them, so errors.ts
// classifies both paths alike: a status >= 400 is APIError.generate(status, parsed body, text, headers); a
// failed connection is APIConnectionError with the Node error as its cause; an abort is APIUserAbortError;
// the client's own timeout is APIConnectionTimeoutError.
import http from 'node:http';
import https from 'node:https';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { VERSION } from 'openai/version';
import type { CancelSignal } from './attempt-signal.ts';
import { createSseReader } from './sse-reader.ts';

export type JsonPostOptions = {
  baseUrl: string;
  apiKey: string | null;
  /** the config's extra headers; they override the defaults, as the SDK's defaultHeaders do */
  headers: Record<string, string> | undefined;
  maxSockets: number;
};

/**
 * Resolves with the parsed JSON body of a 2xx answer (its text when it is not JSON); rejects as above.
 * `timeoutMs` null: no timer of the poster's own, the signal carries the time limit (a sender's attempt).
 */
export type JsonPost = (path: string, body: string | Buffer, signal: CancelSignal, timeoutMs: number | null) => Promise<unknown>;

/** Reads a 2xx answer as server-sent events, each `data` handed to `onEvent`; resolves when the body ends. */
export type EventPost = (path: string, body: string | Buffer, signal: CancelSignal, timeoutMs: number | null, onEvent: (data: string, event: string | null) => void) => Promise<void>;

export type Poster = { json: JsonPost; events: EventPost };

/** Header lines, built once per client: what the SDK sends that a server reads, then the config's headers. */
function baseHeaders(url: URL, options: JsonPostOptions): string[] {
  const merged = new Map<string, [string, string]>();
  const put = (name: string, value: string): void => void merged.set(name.toLowerCase(), [name, value]);
  put('Host', url.host);
  put('Accept', 'application/json');
  put('Content-Type', 'application/json');
  // the SDK's own User-Agent, so a server sees the same client on both paths
  put('User-Agent', `OpenAI/JS ${VERSION}`);
  if (options.apiKey !== null) put('Authorization', `Bearer ${options.apiKey}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) put(name, value);
  // a keyless endpoint gets no Authorization at all, even one named in headers (the SDK drops it too)
  if (options.apiKey === null) merged.delete('authorization');
  return [...merged.values()].flat();
}

// the last Content-Type seen and what it meant: an endpoint sends the same one every time
let lastContentType: string | undefined;
let lastIsJson = false;

function isJson(contentType: string | undefined): boolean {
  if (contentType === lastContentType) return lastIsJson;
  const media = contentType?.split(';')[0]?.trim();
  lastContentType = contentType;
  lastIsJson = media !== undefined && (media.includes('application/json') || media.endsWith('+json'));
  return lastIsJson;
}

/**
 * A header of a response as `res.headers` has it, for the headers node keeps only the first of (content-type,
 * content-length), read from the raw lines: `res.headers` builds an object of every header on first use.
 */
function firstHeader(res: http.IncomingMessage, lowerName: string): string | undefined {
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i];
    if (name !== undefined && name.length === lowerName.length && (name === lowerName || name.toLowerCase() === lowerName)) return raw[i + 1];
  }
  return undefined;
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function headersOf(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function connectionError(cause: Error): APIConnectionError {
  return new APIConnectionError({ cause });
}

/** What the SDK returns or throws for a complete response. */
function settle(res: http.IncomingMessage, text: string): unknown {
  const status = res.statusCode ?? 0;
  if (status >= 200 && status < 300) {
    if (status === 204) return null;
    if (!isJson(firstHeader(res, 'content-type'))) return text;
    if (firstHeader(res, 'content-length') === '0') return undefined;
    return JSON.parse(text); // a SyntaxError is a malformed body (errors.ts)
  }
  const json = parseOrUndefined(text);
  const object = typeof json === 'object' && json !== null ? json : undefined;
  throw APIError.generate(status, object, object === undefined ? text : undefined, headersOf(res.headers));
}

/**
 * One request's outcome: the first of answer, failure, abort or timeout settles it and the rest are ignored.
 * A class rather than closures: a named closure in the bundle (esbuild's keepNames) costs a defineProperty
 * call, about 1 µs and 250 bytes, each time it is made.
 */
class Exchange {
  private done = false;
  timer: NodeJS.Timeout | null = null;
  onAbort: () => void = noop;

  constructor(
    private readonly signal: CancelSignal,
    private readonly ok: (value: unknown) => void,
    private readonly fail: (err: unknown) => void,
  ) {}

  resolve(value: unknown): void {
    if (this.settle()) this.ok(value);
  }

  reject(err: unknown): void {
    if (this.settle()) this.fail(err);
  }

  private settle(): boolean {
    if (this.done) return false;
    this.done = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.signal.removeEventListener('abort', this.onAbort);
    return true;
  }
}

function noop(): void {}

/** The abort listener of one request (made by a function, so it is a plain closure). */
function aborter(req: http.ClientRequest, exchange: Exchange): () => void {
  return () => {
    req.destroy();
    exchange.reject(new APIUserAbortError());
  };
}

/** What a request does with a response that is not an error: read it whole (JSON), or as events. */
type Reader = (res: http.IncomingMessage, exchange: Exchange) => void;

function readWhole(res: http.IncomingMessage, exchange: Exchange): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => {
    const text = chunks.length === 1 && chunks[0] !== undefined ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
    try {
      exchange.resolve(settle(res, text));
    } catch (err) {
      exchange.reject(err);
    }
  });
}

/** Server-sent events, handed over one by one; a throw from `onEvent` ends the request with that error. */
const readEvents = (onEvent: (data: string, event: string | null) => void): Reader => (res, exchange) => {
  const status = res.statusCode ?? 0;
  if (status < 200 || status >= 300) return readWhole(res, exchange);
  const reader = createSseReader(onEvent);
  let failed = false;
  res.setEncoding('utf8');
  res.on('data', (text: string) => {
    if (failed) return;
    try {
      reader.feed(text);
    } catch (err) {
      failed = true;
      res.destroy();
      exchange.reject(err);
    }
  });
  res.on('end', () => exchange.resolve(undefined));
};

const ONCE = { once: true };

export function createPoster(options: JsonPostOptions): Poster {
  const base = new URL(options.baseUrl);
  const secure = base.protocol === 'https:';
  const transport = secure ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' });
  const prefix = base.pathname.replace(/\/+$/, '');
  const headers = baseHeaders(base, options);
  const host = base.hostname;
  const port = base.port === '' ? (secure ? 443 : 80) : Number(base.port);
  // a client posts to one or two paths: each full path is made once
  const fullPaths = new Map<string, string>();
  const fullPath = (path: string): string => {
    let full = fullPaths.get(path);
    if (full === undefined) {
      full = `${prefix}${path}${base.search}`;
      fullPaths.set(path, full);
    }
    return full;
  };

  /** `timeoutMs` runs until the response is read whole, or, for events, until its headers arrive (as in the SDK). */
  const send = (path: string, body: string | Buffer, signal: CancelSignal, timeoutMs: number | null, read: Reader, streamed: boolean): Promise<unknown> =>
    new Promise<unknown>((resolve, reject) => {
      if (signal.aborted) return reject(new APIUserAbortError());
      const exchange = new Exchange(signal, resolve, reject);
      const req = transport.request(
        // raw header lines skip node's per-header validation; Host is among them, content-length is added here
        { host, port, agent, method: 'POST', path: fullPath(path), headers: [...headers, 'Content-Length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.length)] },
        (res) => {
          if (streamed && exchange.timer !== null) clearTimeout(exchange.timer);
          // a connection that closes before the body ended emits 'error' (ECONNRESET, "aborted"), never 'end'
          res.on('error', (err) => exchange.reject(connectionError(err)));
          read(res, exchange);
        },
      );
      exchange.onAbort = aborter(req, exchange);
      if (timeoutMs !== null) {
        exchange.timer = setTimeout(() => {
          req.destroy();
          exchange.reject(new APIConnectionTimeoutError());
        }, Math.max(1, Math.ceil(timeoutMs)));
      }
      signal.addEventListener('abort', exchange.onAbort, ONCE);
      req.on('error', (err) => exchange.reject(connectionError(err)));
      req.end(body);
    });

  return {
    json: (path, body, signal, timeoutMs) => send(path, body, signal, timeoutMs, readWhole, false),
    events: async (path, body, signal, timeoutMs, onEvent) => {
      await send(path, body, signal, timeoutMs, readEvents(onEvent), true);
    },
  };
}

/** The JSON half of a poster. */
export function createJsonPost(options: JsonPostOptions): JsonPost {
  return createPoster(options).json;
}
