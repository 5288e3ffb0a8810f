// A fixed-size pool of sandboxed runs, independent of HTTP concurrency. close() kills what still runs.
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { startSandboxed, type Running } from './execute.ts';
import { SandboxError, type SandboxMode, type SandboxRequest, type SandboxResult } from './types.ts';

export type SandboxPool = {
  mode: SandboxMode;
  size: number;
  /** runs when a slot is free; an abort kills the process */
  run(request: SandboxRequest, signal?: AbortSignal): Promise<SandboxResult>;
  /** kills running processes; queued and later runs reject */
  close(): Promise<void>;
};

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

export function createSandboxPool(mode: SandboxMode, size: number = defaultPoolSize()): SandboxPool {
  const limit = pLimit(size);
  const running = new Set<Running>();
  let closed = false;

  const runOne = async (request: SandboxRequest, signal?: AbortSignal): Promise<SandboxResult> => {
    if (closed) throw new SandboxError('sandbox pool is closed');
    signal?.throwIfAborted();
    const job = startSandboxed(mode, request);
    running.add(job);
    const onAbort = (): void => job.kill();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await job.done;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      running.delete(job);
    }
  };

  return {
    mode,
    size,
    run: (request, signal) => limit(() => runOne(request, signal)),
    close: async () => {
      closed = true;
      const jobs = [...running];
      for (const job of jobs) job.kill();
      await Promise.allSettled(jobs.map((job) => job.done));
    },
  };
}
