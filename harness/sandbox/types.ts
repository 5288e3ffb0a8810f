// The generic sandboxed Python executor: what a caller asks for and what it gets back.

/** Resource limits for one sandboxed process tree. */
export type SandboxLimits = {
  /** wall clock for the whole run; the process group is killed when it passes */
  wallMs: number;
  /** RLIMIT_CPU, seconds of CPU per process */
  cpuSeconds: number;
  /** RLIMIT_AS, bytes of address space per process */
  memoryBytes: number;
  /** RLIMIT_NPROC: processes and threads of the sandbox user (bwrap mode only, see README) */
  processes: number;
  /** RLIMIT_FSIZE, largest file the program may write */
  fileSizeBytes: number;
  /** stdout beyond this many bytes kills the run (outputLimitExceeded) */
  stdoutBytes: number;
  /** only this much stderr is kept; stderr beyond `stdoutBytes` kills the run too */
  stderrBytes: number;
};

export type SandboxRequest = {
  /** plain file name (no slashes) -> content, placed in the working directory */
  files: Record<string, string>;
  /** arguments after the interpreter, e.g. ['main.py'] */
  args: string[];
  stdin: string;
  limits: SandboxLimits;
};

export type SandboxResult = {
  exitCode: number | null;
  /** signal that ended the program (under bwrap, decoded from its 128 + N exit status) */
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  outputLimitExceeded: boolean;
  wallMs: number;
};

/** How processes are started: bubblewrap, or a plain subprocess when the user opted in. */
export type SandboxMode =
  | {
      kind: 'bwrap';
      bwrap: string;
      python: string;
      /** read-only directories bound into the sandbox (system dirs plus the interpreter prefix) */
      roBinds: string[];
      /** directories covered by an empty tmpfs, so programs cannot see them */
      hiddenPaths: string[];
      /** run bwrap as this uid/gid (set when the harness runs as root, so RLIMIT_NPROC applies) */
      runAs: { uid: number; gid: number } | null;
      /** absolute path of the `prlimit` binary, or null to set limits with a Python launcher */
      prlimit: string | null;
      tmpfsBytes: number;
    }
  | { kind: 'unsafe-local'; python: string; prlimit: string | null };

export const DEFAULT_LIMITS: SandboxLimits = {
  wallMs: 10_000,
  cpuSeconds: 10,
  memoryBytes: 4 * 1024 ** 3,
  processes: 64,
  fileSizeBytes: 16 * 1024 ** 2,
  stdoutBytes: 64 * 1024 ** 2,
  stderrBytes: 64 * 1024,
};

export class SandboxError extends Error {
  override name = 'SandboxError';
}
