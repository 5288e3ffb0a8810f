// Runs one sandboxed process: feeds stdin and files, caps output, kills the whole group on timeout.
import { spawn, type StdioOptions } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { bwrapArgv, checkFileName, limitedPython, localEnv } from './command.ts';
import type { SandboxMode, SandboxRequest, SandboxResult } from './types.ts';

/** A running process that the pool can kill on close. */
export type Running = { kill(): void; done: Promise<SandboxResult> };

export function startSandboxed(mode: SandboxMode, request: SandboxRequest): Running {
  const names = Object.keys(request.files);
  names.forEach(checkFileName);
  let killNow: () => void = () => {};
  let killed = false;
  const done = (async (): Promise<SandboxResult> => {
    let workDir: string | null = null;
    try {
      let command: string;
      let argv: string[];
      let cwd: string | undefined;
      let env: Record<string, string>;
      let ids: { uid: number; gid: number } | null = null;
      if (mode.kind === 'bwrap') {
        command = mode.bwrap;
        argv = bwrapArgv(mode, names, request.limits, request.args);
        env = {};
        ids = mode.runAs;
      } else {
        workDir = await mkdtemp(join(tmpdir(), 'parity-exec-'));
        for (const name of names) await writeFile(join(workDir, name), request.files[name] ?? '');
        const [head = mode.python, ...rest] = limitedPython(mode.python, mode.prlimit, request.limits, 0, request.args);
        command = head;
        argv = rest;
        cwd = workDir;
        env = localEnv(workDir);
      }
      if (killed) return killedBeforeStart();
      const fdCount = mode.kind === 'bwrap' ? names.length : 0;
      const stdio: StdioOptions = ['pipe', 'pipe', 'pipe', ...Array.from({ length: fdCount }, () => 'pipe' as const)];
      const child = spawn(command, argv, {
        stdio,
        env,
        detached: true,
        ...(cwd ? { cwd } : {}),
        ...(ids ? { uid: ids.uid, gid: ids.gid } : {}),
      });
      return await collect(child, request, names, fdCount, mode.kind === 'bwrap', (kill) => {
        killNow = kill;
      });
    } finally {
      if (workDir) await rm(workDir, { recursive: true, force: true });
    }
  })();
  return {
    kill: () => {
      killed = true;
      killNow();
    },
    done,
  };
}

function killedBeforeStart(): SandboxResult {
  return { exitCode: null, signal: 'SIGKILL', stdout: '', stderr: '', timedOut: false, outputLimitExceeded: false, wallMs: 0 };
}

type Child = ReturnType<typeof spawn>;

/** bwrap reports a child killed by signal N as exit status 128 + N; turn that back into the signal name. */
function signalFromBwrapStatus(code: number | null): string | null {
  if (code === null || code <= 128) return null;
  const entry = Object.entries(constants.signals).find(([, number]) => number === code - 128);
  return entry ? entry[0] : null;
}

function collect(
  child: Child,
  request: SandboxRequest,
  names: string[],
  fdCount: number,
  viaBwrap: boolean,
  onKill: (kill: () => void) => void,
): Promise<SandboxResult> {
  const started = performance.now();
  const { limits } = request;
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let timedOut = false;
    let outputLimitExceeded = false;
    const killGroup = (): void => {
      // A negative pid signals the whole process group started with `detached: true`.
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    };
    onKill(killGroup);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, limits.wallMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > limits.stdoutBytes) {
        outputLimitExceeded = true;
        killGroup();
        return;
      }
      out.push(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (errBytes < limits.stderrBytes) err.push(chunk.subarray(0, limits.stderrBytes - errBytes));
      errBytes += chunk.length;
      if (errBytes > limits.stdoutBytes) {
        outputLimitExceeded = true;
        killGroup();
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      killGroup();
      const innerSignal = viaBwrap && signal === null ? signalFromBwrapStatus(code) : null;
      resolve({
        exitCode: innerSignal ? null : code,
        signal: innerSignal ?? signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        outputLimitExceeded,
        wallMs: Math.round(performance.now() - started),
      });
    });
    feed(child.stdin, request.stdin);
    for (let i = 0; i < fdCount; i++) {
      const stream = child.stdio[3 + i];
      const name = names[i];
      if (stream && 'write' in stream && name !== undefined) feed(stream, request.files[name] ?? '');
    }
  });
}

/** Writes and closes; a program that exits without reading its input is not an error. */
function feed(stream: Writable | null, text: string): void {
  if (!stream) return;
  stream.on('error', () => {});
  stream.end(text);
}
