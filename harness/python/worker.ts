// One persistent Python process running serve.py: a ready handshake, then one JSON-lines request at a time.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { z } from 'zod';
import { jsonValueSchema, type JsonValue } from '../json.ts';

export type PythonResult = { ok: true; value: JsonValue } | { ok: false; kind: 'timeout' | 'exception' | 'crashed'; message: string };

const readySchema = z.union([z.object({ ready: z.literal(true) }), z.object({ ready: z.literal(false), message: z.string() })]);
const replySchema = z.union([
  z.object({ id: z.number(), ok: z.literal(true), value: jsonValueSchema }),
  z.object({ id: z.number(), ok: z.literal(false), message: z.string() }),
]);

const STDERR_TAIL_CHARS = 2000;

type Pending = { id: number; settle: (result: PythonResult) => void };

export class PythonWorker {
  readonly ready: Promise<void>;
  /** settles once the process has exited (or never started) */
  readonly exited: Promise<void>;
  private readonly child: ChildProcessWithoutNullStreams;
  private pending: Pending | null = null;
  private nextId = 0;
  private buffered = '';
  private stderrTail = '';
  private hasExited = false;
  private markExited: () => void = () => {};
  private killReason: string | null = null;
  private onReady: { resolve: () => void; reject: (error: Error) => void } | null = null;

  constructor(executable: string, servePath: string, modulePath: string) {
    // -B: no .pyc files beside the module. detached: the worker leads its own process group, so a kill also
    // reaches anything the module started
    this.child = spawn(executable, ['-I', '-B', servePath, modulePath], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    this.exited = new Promise((resolve) => {
      this.markExited = resolve;
    });
    this.ready = new Promise((resolve, reject) => {
      this.onReady = { resolve, reject };
    });
    this.child.stdout.setEncoding('utf8');
    this.child.stderr.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
    });
    // a write to a dead worker fails with EPIPE; the exit handler reports it
    this.child.stdin.on('error', () => {});
    this.child.on('error', (error) => this.ended(`could not start ${executable}: ${error.message}`));
    this.child.on('exit', (code, signal) => this.ended(`the Python worker exited (${signal ?? `code ${code}`})`));
  }

  get alive(): boolean {
    return !this.hasExited && this.killReason === null;
  }

  /** Runs fn(*args); past timeoutMs the process is killed and the result is a timeout. Rejects only on abort. */
  run(fn: string, args: JsonValue[], timeoutMs: number, signal?: AbortSignal): Promise<PythonResult> {
    if (this.pending) throw new Error('a Python worker runs one call at a time');
    if (!this.alive) return Promise.resolve({ ok: false, kind: 'crashed', message: this.killReason ?? 'the Python worker is not running' });
    const id = this.nextId++;
    return new Promise<PythonResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.kill(`no reply within ${timeoutMs} ms`);
        finish();
        resolve({ ok: false, kind: 'timeout', message: `no reply within ${timeoutMs} ms; the worker was killed and is being replaced` });
      }, timeoutMs);
      const onAbort = (): void => {
        this.kill('the call was aborted');
        finish();
        reject(signal?.reason);
      };
      const finish = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.pending = null;
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending = {
        id,
        settle: (result) => {
          finish();
          resolve(result);
        },
      };
      this.child.stdin.write(`${JSON.stringify({ id, fn, args })}\n`);
    });
  }

  kill(reason: string): void {
    if (this.killReason === null) this.killReason = reason;
    if (this.hasExited || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    for (let newline = this.buffered.indexOf('\n'); newline >= 0; newline = this.buffered.indexOf('\n')) {
      const line = this.buffered.slice(0, newline);
      this.buffered = this.buffered.slice(newline + 1);
      this.handleLine(line);
    }
  }

  private handleLine(line: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      this.protocolError(`an unreadable line from the Python worker: ${line.slice(0, 200)}`);
      return;
    }
    if (this.onReady) {
      const ready = readySchema.safeParse(parsed);
      if (!ready.success) return this.protocolError(`an unexpected first line from the Python worker: ${line.slice(0, 200)}`);
      const { resolve, reject } = this.onReady;
      this.onReady = null;
      if (ready.data.ready) return resolve();
      this.kill('the module failed to load');
      return reject(new Error(`the Python worker could not load its module:\n${ready.data.message.trim()}`));
    }
    const reply = replySchema.safeParse(parsed);
    const pending = this.pending;
    if (!reply.success || !pending || reply.data.id !== pending.id) {
      this.protocolError(`an unexpected reply from the Python worker: ${line.slice(0, 200)}`);
      return;
    }
    pending.settle(reply.data.ok ? { ok: true, value: reply.data.value } : { ok: false, kind: 'exception', message: reply.data.message });
  }

  private protocolError(message: string): void {
    this.kill(message);
    this.pending?.settle({ ok: false, kind: 'crashed', message });
    if (this.onReady) {
      this.onReady.reject(new Error(message));
      this.onReady = null;
    }
  }

  private ended(how: string): void {
    if (this.hasExited) return;
    this.hasExited = true;
    this.markExited();
    const stderr = this.stderrTail.trim();
    const message = `${this.killReason ?? how}${stderr ? `; stderr: ${stderr}` : ''}`;
    if (this.onReady) {
      this.onReady.reject(new Error(message));
      this.onReady = null;
    }
    this.pending?.settle({ ok: false, kind: 'crashed', message });
  }
}
