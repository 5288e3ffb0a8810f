// The benchmark's mock OpenAI-compatible endpoint: fixed latency, one canned answer, in its own process so its
// CPU is not charged to the harness. At 5,000 requests/s on a 2-core machine the mock's own CPU matters, so it
// speaks HTTP/1.1 on raw sockets: no request or response objects, no JSON parsing, answers built once. It reads
// only the request line, content-length and whether the body asks for a stream. On SIGTERM it prints its CPU
// per request, so a run shows whether the mock was the bottleneck.
import { createServer, type Socket } from 'node:net';
import { streamEvents, eventLine } from '../harness/sim/sse.ts';

const latencyMs = Number(process.argv[2] ?? '200');
const CONTENT = 'Reasoning done. The answer is $\\boxed{1}$.';
const REASONING = 'Simulated reasoning: no model was called.';
const COMPLETION_TOKENS = Math.ceil(CONTENT.length / 4);

function usage(bodyBytes: number): { prompt_tokens: number; completion_tokens: number; total_tokens: number } {
  // about what the prompt costs: the body is the prompt plus a few dozen bytes of JSON
  const prompt = Math.ceil(bodyBytes / 4);
  return { prompt_tokens: prompt, completion_tokens: COMPLETION_TOKENS, total_tokens: prompt + COMPLETION_TOKENS };
}

function jsonAnswer(chat: boolean, bodyBytes: number): Buffer {
  const common = { id: 'mock', created: 0, model: 'simulated', usage: usage(bodyBytes) };
  const payload = chat
    ? { ...common, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: CONTENT, reasoning_content: REASONING }, finish_reason: 'stop' }] }
    : { ...common, object: 'text_completion', choices: [{ index: 0, text: CONTENT, finish_reason: 'stop' }] };
  const body = JSON.stringify(payload);
  return Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n${body}`);
}

function streamAnswer(chat: boolean, bodyBytes: number): Buffer {
  const events = streamEvents({
    id: 'mock',
    api: chat ? 'chat' : 'text',
    content: CONTENT,
    reasoning: chat ? { field: 'reasoning_content', text: REASONING } : null,
    finishReason: 'stop',
    usage: usage(bodyBytes),
  });
  const body = `${events.map(eventLine).join('')}data: [DONE]\n\n`;
  // one chunk of a chunked body, as a streaming server that has the whole answer would send it
  return Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`);
}

const MODELS = (() => {
  const body = JSON.stringify({ object: 'list', data: [{ id: 'simulated', object: 'model' }] });
  return Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n${body}`);
})();
const NOT_FOUND = Buffer.from('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n');

// answers are the same for bodies of the same size; the bench sends a handful of prompts
const answers = new Map<string, Buffer>();
function answerFor(chat: boolean, stream: boolean, bodyBytes: number): Buffer {
  const key = `${chat ? 'c' : 't'}${stream ? 's' : 'j'}${bodyBytes}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = stream ? streamAnswer(chat, bodyBytes) : jsonAnswer(chat, bodyBytes);
    answers.set(key, answer);
  }
  return answer;
}

// Every answer waits the same latency, so due times arrive in order: one FIFO and one timer for all of them.
type Due = { at: number; socket: Socket; bytes: Buffer };
const queue: Due[] = [];
let head = 0;
let timer: NodeJS.Timeout | null = null;
let served = 0;
let cpuAtFirst: NodeJS.CpuUsage | null = null;

function flush(): void {
  timer = null;
  const now = performance.now();
  while (head < queue.length) {
    const due = queue[head];
    if (due === undefined || due.at > now + 0.5) break;
    head += 1;
    if (!due.socket.destroyed) due.socket.write(due.bytes);
    served += 1;
  }
  if (head > 4096 && head * 2 > queue.length) {
    queue.splice(0, head);
    head = 0;
  }
  arm();
}

function arm(): void {
  const next = queue[head];
  if (timer === null && next !== undefined) timer = setTimeout(flush, Math.max(0, next.at - performance.now()));
}

function answerLater(socket: Socket, bytes: Buffer): void {
  cpuAtFirst ??= process.cpuUsage();
  queue.push({ at: performance.now() + latencyMs, socket, bytes });
  arm();
}

const CRLF2 = Buffer.from('\r\n\r\n');
const STREAM_TRUE = Buffer.from('"stream":true');

function contentLength(head: string): number {
  const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  return match?.[1] === undefined ? 0 : Number(match[1]);
}

const server = createServer((socket) => {
  socket.setNoDelay(true);
  let pending: Buffer | null = null;
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    let buf: Buffer = pending === null ? chunk : Buffer.concat([pending, chunk]);
    pending = null;
    for (;;) {
      const headEnd = buf.indexOf(CRLF2);
      if (headEnd < 0) break;
      const head = buf.toString('latin1', 0, headEnd);
      const length = contentLength(head);
      const end = headEnd + 4 + length;
      if (buf.length < end) break;
      const body = buf.subarray(headEnd + 4, end);
      const line = head.slice(0, head.indexOf('\r\n'));
      const [method, url = ''] = line.split(' ');
      const path = url.split('?')[0] ?? '';
      if (method === 'GET' && path.endsWith('/models')) socket.write(MODELS);
      else if (method === 'POST' && path.endsWith('/completions')) {
        answerLater(socket, answerFor(path.endsWith('/chat/completions'), body.includes(STREAM_TRUE), length));
      } else socket.write(NOT_FOUND);
      buf = buf.subarray(end);
      if (buf.length === 0) return;
    }
    pending = buf;
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`http://127.0.0.1:${port}/v1\n`);
});
process.on('SIGTERM', () => {
  const cpu = process.cpuUsage(cpuAtFirst ?? undefined);
  const perRequest = served > 0 ? ((cpu.user + cpu.system) / 1000 / served).toFixed(3) : '-';
  process.stdout.write(`mock: ${served} answers, CPU ${perRequest} ms/answer\n`, () => process.exit(0));
});
