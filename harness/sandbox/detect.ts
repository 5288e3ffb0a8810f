// Finds bwrap, prlimit and a Python interpreter the sandbox user can run, and proves the sandbox starts.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { startSandboxed } from './execute.ts';
import { DEFAULT_LIMITS, SandboxError, type SandboxMode } from './types.ts';

const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc'];
/** nobody: RLIMIT_NPROC is not enforced for root, so a root harness drops to this user for bwrap */
const NOBODY = { uid: 65534, gid: 65534 };

export const BWRAP_MISSING =
  'bubblewrap (bwrap) is not installed, and generated code must not run unsandboxed. ' +
  'Install it with `apt-get install bubblewrap` (Debian/Ubuntu; `dnf install bubblewrap` on Fedora), ' +
  'or pass --unsafe-local-exec to run programs as plain subprocesses with no isolation.';

export function findExecutable(name: string, pathEnv: string = process.env['PATH'] ?? ''): string | null {
  for (const dir of pathEnv.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

type PythonInfo = { executable: string; prefix: string };

function probePython(candidate: string, runAs: { uid: number; gid: number } | null): PythonInfo | null {
  const probe = spawnSync(candidate, ['-I', '-S', '-c', 'import sys; print(sys.executable); print(sys.base_prefix)'], {
    encoding: 'utf8',
    timeout: 10_000,
    env: {},
    cwd: '/',
    ...(runAs ?? {}),
  });
  if (probe.status !== 0) return null;
  const [executable, prefix] = probe.stdout.trim().split('\n');
  if (!executable || !prefix) return null;
  return { executable, prefix };
}

function bindsFor(info: PythonInfo): string[] {
  const extra = [info.prefix, dirname(realpathSync(info.executable))];
  const outside = extra.filter((dir) => !SYSTEM_DIRS.some((sys) => dir === sys || dir.startsWith(`${sys}/`)));
  return [...new Set([...SYSTEM_DIRS, ...outside])];
}

/** null when a trivial program runs in the sandbox, else what went wrong */
async function sandboxStarts(mode: SandboxMode): Promise<string | null> {
  const check = await startSandboxed(mode, { files: {}, args: ['-c', 'print("ok")'], stdin: '', limits: { ...DEFAULT_LIMITS, wallMs: 15_000 } }).done;
  if (check.exitCode === 0 && check.stdout.trim() === 'ok') return null;
  return check.stderr.trim().slice(0, 300) || `exit ${check.exitCode ?? check.signal}`;
}

export type ModeOptions = { unsafeLocalExec: boolean; python?: string; tmpfsBytes?: number };

/** Resolves how to run code. Without bwrap this refuses unless the user opted into unsafe local execution. */
export async function resolveSandboxMode(options: ModeOptions): Promise<SandboxMode> {
  const bwrap = findExecutable('bwrap');
  const found = findExecutable('prlimit');
  // it must also exist inside the sandbox, where only the system directories are bound
  const prlimit = found && SYSTEM_DIRS.some((dir) => found.startsWith(`${dir}/`)) ? found : null;
  const runAs = process.getuid?.() === 0 ? NOBODY : null;
  const candidates = [...new Set([options.python, findExecutable('python3'), '/usr/bin/python3'].filter((c): c is string => !!c))];
  if (!bwrap) {
    if (!options.unsafeLocalExec) throw new SandboxError(BWRAP_MISSING);
    for (const candidate of candidates) {
      const info = probePython(candidate, null);
      if (info) return { kind: 'unsafe-local', python: info.executable, prlimit };
    }
    throw new SandboxError(`no working python3 found (tried ${candidates.join(', ')}). Install Python 3.`);
  }
  const failures: string[] = [];
  for (const candidate of candidates) {
    const info = probePython(candidate, runAs);
    if (!info) {
      failures.push(`${candidate}: not runnable${runAs ? ' by uid 65534' : ''}`);
      continue;
    }
    const mode: SandboxMode = {
      kind: 'bwrap',
      bwrap,
      python: info.executable,
      roBinds: bindsFor(info),
      runAs,
      prlimit,
      tmpfsBytes: options.tmpfsBytes ?? 64 * 1024 ** 2,
    };
    let failure = await sandboxStarts(mode);
    if (failure === null) return mode;
    if (/--size/.test(failure)) {
      // bwrap older than 0.5 has no --size: run with an uncapped private tmpfs rather than not at all
      const older: SandboxMode = { ...mode, tmpfsBytes: 0 };
      failure = await sandboxStarts(older);
      if (failure === null) return older;
    }
    failures.push(`${info.executable}: bwrap failed (${failure})`);
  }
  throw new SandboxError(
    `could not start a sandboxed python3: ${failures.join('; ')}. ` +
      'bwrap needs unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1) and a python3 outside /root.',
  );
}
