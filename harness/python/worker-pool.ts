// A pool of persistent Python workers that run top-level functions of one module, one call per worker at a
// time. A call past its timeout kills its worker (a computation may never return) and a fresh one replaces it;
// a crash or a Python exception comes back as a result, never as a thrown error.
import type { JsonValue } from '../json.ts';
import { projectPath } from '../paths.ts';
import { findPythonInterpreter, type PythonEnvironment, type PythonRequirement } from './interpreter.ts';
import { PythonWorker, type PythonResult } from './worker.ts';

export type { PythonRequirement, PythonResult };

export type PythonWorkerPool = {
  /** Timeout counts from when a worker starts the call, not from when it is queued. Rejects only when `signal` aborts. */
  call(fn: string, args: JsonValue[], options: { timeoutMs: number; signal?: AbortSignal }): Promise<PythonResult>;
  close(): Promise<void>;
  /** interpreter path and version, and each required module's version, for protocol facts */
  environment: PythonEnvironment;
};

type Job = {
  fn: string;
  args: JsonValue[];
  timeoutMs: number;
  signal: AbortSignal | undefined;
  resolve: (result: PythonResult) => void;
  reject: (error: unknown) => void;
  detach: () => void;
};

type Lane = { worker: PythonWorker | null; busy: boolean };

const SERVE_PY = projectPath('harness', 'python', 'serve.py');

export async function startPythonWorkers(options: { module: string; size: number; requires: readonly PythonRequirement[] }): Promise<PythonWorkerPool> {
  if (!Number.isInteger(options.size) || options.size < 1) throw new Error(`Python worker pool size must be a positive integer, got ${options.size}`);
  const environment = await findPythonInterpreter(options.requires);
  const spawnWorker = (): PythonWorker => {
    const worker = new PythonWorker(environment.executable, SERVE_PY, options.module);
    // a replacement started ahead of need may fail before anyone awaits it; the next call sees the failure
    worker.ready.catch(() => {});
    return worker;
  };
  const lanes: Lane[] = Array.from({ length: options.size }, () => ({ worker: spawnWorker(), busy: false }));
  try {
    await Promise.all(lanes.map((lane) => lane.worker?.ready));
  } catch (error) {
    for (const lane of lanes) lane.worker?.kill('the pool failed to start');
    throw error;
  }

  const queue: Job[] = [];
  let closed = false;
  // one abort listener per signal, however many calls wait on it (a run shares one signal across its samples)
  const queuedBySignal = new WeakMap<AbortSignal, Set<Job>>();
  const watchWhileQueued = (signal: AbortSignal, job: Job): (() => void) => {
    let jobs = queuedBySignal.get(signal);
    if (!jobs) {
      const waiting = new Set<Job>();
      jobs = waiting;
      queuedBySignal.set(signal, waiting);
      signal.addEventListener(
        'abort',
        () => {
          for (const queued of waiting) {
            const at = queue.indexOf(queued);
            if (at >= 0) queue.splice(at, 1);
            queued.reject(signal.reason);
          }
          waiting.clear();
        },
        { once: true },
      );
    }
    jobs.add(job);
    return () => jobs.delete(job);
  };

  const runOn = async (lane: Lane, job: Job): Promise<void> => {
    try {
      const worker = lane.worker ?? spawnWorker();
      lane.worker = worker;
      try {
        await worker.ready;
      } catch (error) {
        job.resolve({ ok: false, kind: 'crashed', message: error instanceof Error ? error.message : String(error) });
        return;
      }
      if (job.signal?.aborted) return job.reject(job.signal.reason);
      job.resolve(await worker.run(job.fn, job.args, job.timeoutMs, job.signal));
    } catch (error) {
      job.reject(error);
    } finally {
      lane.busy = false;
      if (lane.worker && !lane.worker.alive) lane.worker = closed ? null : spawnWorker();
      dispatch();
    }
  };

  const dispatch = (): void => {
    for (const lane of lanes) {
      if (closed || queue.length === 0) return;
      if (lane.busy) continue;
      const job = queue.shift();
      if (!job) return;
      job.detach();
      lane.busy = true;
      void runOn(lane, job);
    }
  };

  return {
    environment,
    call(fn, args, { timeoutMs, signal }) {
      if (closed) return Promise.reject(new Error('the Python worker pool is closed'));
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<PythonResult>((resolve, reject) => {
        const job: Job = { fn, args, timeoutMs, signal, resolve, reject, detach: () => {} };
        if (signal) job.detach = watchWhileQueued(signal, job);
        queue.push(job);
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        job.detach();
        job.resolve({ ok: false, kind: 'crashed', message: 'the Python worker pool was closed before the call ran' });
      }
      const exits = lanes.map((lane) => lane.worker?.exited);
      for (const lane of lanes) lane.worker?.kill('the Python worker pool was closed');
      await Promise.all(exits);
    },
  };
}
