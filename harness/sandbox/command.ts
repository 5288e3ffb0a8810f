// Builds the argv that starts one sandboxed Python process, with its rlimits applied just before exec.
import type { SandboxLimits, SandboxMode } from './types.ts';

/** Working directory of the program inside bwrap; files are written there from pipes. */
export const BOX_DIR = '/tmp/box';

const SANDBOX_ENV: Record<string, string> = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: '/tmp',
  LANG: 'C.UTF-8',
  PYTHONIOENCODING: 'utf-8',
  PYTHONDONTWRITEBYTECODE: '1',
};

/**
 * Sets the rlimits, then execs the interpreter with the real arguments. Used when `prlimit` is
 * absent: the limits must be set inside the sandbox so RLIMIT_NPROC counts only its own processes.
 */
const PY_LIMIT_LAUNCHER = [
  'import os, resource, sys',
  'cpu, mem, nproc, fsize = (int(v) for v in sys.argv[1:5])',
  'limits = [(resource.RLIMIT_CPU, cpu, cpu + 1), (resource.RLIMIT_AS, mem, mem), (resource.RLIMIT_FSIZE, fsize, fsize), (resource.RLIMIT_CORE, 0, 0)]',
  'if nproc > 0: limits.append((resource.RLIMIT_NPROC, nproc, nproc))',
  'for res, soft, hard in limits: resource.setrlimit(res, (soft, hard))',
  'os.execv(sys.executable, [sys.executable] + sys.argv[5:])',
].join('\n');

/** `processes` <= 0 leaves RLIMIT_NPROC alone (unsafe local mode, where it would count all user processes). */
export function limitedPython(python: string, prlimit: string | null, limits: SandboxLimits, processes: number, args: string[]): string[] {
  const cpu = Math.max(1, Math.ceil(limits.cpuSeconds));
  if (prlimit) {
    const flags = [`--cpu=${cpu}:${cpu + 1}`, `--as=${limits.memoryBytes}`, `--fsize=${limits.fileSizeBytes}`, '--core=0'];
    if (processes > 0) flags.push(`--nproc=${processes}`);
    return [prlimit, ...flags, '--', python, ...args];
  }
  return [python, '-I', '-S', '-c', PY_LIMIT_LAUNCHER, String(cpu), String(limits.memoryBytes), String(processes), String(limits.fileSizeBytes), ...args];
}

/** The full bwrap argv. Files arrive on fds 3, 4, ... in the order of `fileNames`. */
export function bwrapArgv(mode: Extract<SandboxMode, { kind: 'bwrap' }>, fileNames: string[], limits: SandboxLimits, args: string[]): string[] {
  const argv = ['--unshare-all', '--die-with-parent', '--new-session', '--clearenv'];
  for (const dir of mode.roBinds) argv.push('--ro-bind-try', dir, dir);
  argv.push('--dev', '/dev', '--proc', '/proc');
  // an empty tmpfs, read-only so it cannot become unbounded writable space
  for (const dir of mode.hiddenPaths) argv.push('--tmpfs', dir, '--remount-ro', dir);
  // --size (bwrap >= 0.5) caps the tmpfs in RAM; 0 leaves it out for older bwrap
  if (mode.tmpfsBytes > 0) argv.push('--size', String(mode.tmpfsBytes));
  argv.push('--tmpfs', '/tmp');
  argv.push('--dir', BOX_DIR);
  fileNames.forEach((name, i) => argv.push('--file', String(3 + i), `${BOX_DIR}/${name}`));
  argv.push('--chdir', BOX_DIR, '--remount-ro', '/');
  for (const [key, value] of Object.entries(SANDBOX_ENV)) argv.push('--setenv', key, value);
  argv.push('--', ...limitedPython(mode.python, mode.prlimit, limits, limits.processes, args));
  return argv;
}

/** Environment for unsafe local runs: the same fixed variables, never the parent's. */
export function localEnv(workDir: string): Record<string, string> {
  return { ...SANDBOX_ENV, HOME: workDir };
}

export function checkFileName(name: string): void {
  if (!/^[A-Za-z0-9_.-]+$/.test(name) || name === '.' || name === '..') {
    throw new Error(`sandbox file name "${name}" must be a plain name (letters, digits, _ . -)`);
  }
}
