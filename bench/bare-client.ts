// The floor a harness is measured against: a minimal node:http keep-alive client that sends the same kind of
// chat request to the same mock at the same concurrency, parses each answer's JSON and keeps nothing.
// Its efficiency and CPU per request show what the machine and the mock allow; the runner is quoted as a ratio.
import http from 'node:http';
import { loadavg } from 'node:os';
import { runQueueWaitNs } from './in-process.ts';
import { startMock } from './runner.ts';

export type BareClientOptions = { requests: number; concurrency: number; latencyMs: number };

const PROMPT = 'Solve the following math problem step by step. The last line of your response should be of the form "ANSWER: $ANSWER" (without quotes) where $ANSWER is the answer to the problem.\n\nFind the number of positive integers $n \\le 1000$ such that $n$ is divisible by $6$ but not by $9$.\n\nRemember to put your answer on its own line after "ANSWER:", and you do not need to use a \\boxed command.';

function post(agent: http.Agent, url: URL, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: url.hostname, port: url.port, path: `${url.pathname}/chat/completions`, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          const choices: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'choices') : null;
          if (res.statusCode !== 200 || !Array.isArray(choices)) reject(new Error(`bad answer (status ${res.statusCode})`));
          else resolve(String(Reflect.get(Reflect.get(choices[0], 'message'), 'content')));
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function runBareClientBench(opts: BareClientOptions): Promise<string> {
  const mock = await startMock(opts.latencyMs);
  const url = new URL(mock.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency, scheduling: 'lifo' });
  let next = 0;
  let errors = 0;
  const worker = async (): Promise<void> => {
    while (next < opts.requests) {
      next += 1;
      const body = JSON.stringify({ model: 'mock', messages: [{ role: 'user', content: PROMPT }], max_tokens: 64, stream: false });
      await post(agent, url, body).catch(() => {
        errors += 1;
      });
    }
  };
  try {
    const wait0 = runQueueWaitNs();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const wait1 = runQueueWaitNs();
    const waited = wait0 === null || wait1 === null ? '' : `, main thread waited ${((wait1 - wait0) / 1e9).toFixed(2)} s for a CPU (load average ${loadavg()[0]?.toFixed(1)})`;
    const ideal = (opts.requests * opts.latencyMs) / opts.concurrency;
    return [
      `bare client: ${opts.requests} requests, concurrency ${opts.concurrency}, mock latency ${opts.latencyMs} ms`,
      `  wall ${(wallMs / 1000).toFixed(2)} s, ideal ${(ideal / 1000).toFixed(2)} s, efficiency ${(ideal / wallMs).toFixed(3)}`,
      `  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, CPU ${((cpu.user + cpu.system) / 1000 / opts.requests).toFixed(3)} ms/request, errors ${errors}${waited}`,
      `  ${await mock.stop()}`,
    ].join('\n');
  } finally {
    agent.destroy();
    void mock.stop();
  }
}
