// Finds bwrap, prlimit and a Python interpreter the sandbox user can run (preferring one with the libraries
// graded programs may import), and proves the sandbox starts.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { missingModules, probeEnvironment } from './environment.ts';
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

export type ModeOptions = {
  unsafeLocalExec: boolean;
  /** use this interpreter only; by default python3 on PATH, then /usr/bin/python3 */
  python?: string;
  tmpfsBytes?: number;
  /**
   * modules graded programs may import upstream (e.g. numpy): the first interpreter that imports all
   * of them wins, otherwise the first that runs at all (callers record what is missing)
   */
  preferModules?: readonly string[];
  /** directories to hide from sandboxed programs behind an empty tmpfs (bwrap only), e.g. to test a missing library */
  hidePaths?: readonly string[];
};

/** The first mode whose interpreter imports every preferred module, else the first mode that works. */
async function preferred(modes: AsyncIterable<SandboxMode>, modules: readonly string[]): Promise<SandboxMode | null> {
  let fallback: SandboxMode | null = null;
  for await (const mode of modes) {
    if (modules.length === 0) return mode;
    fallback ??= mode;
    const environment = await probeEnvironment(mode, modules).catch(() => null);
    if (environment && missingModules(environment, modules).length === 0) return mode;
  }
  return fallback;
}

/** Resolves how to run code. Without bwrap this refuses unless the user opted into unsafe local execution. */
export async function resolveSandboxMode(options: ModeOptions): Promise<SandboxMode> {
  const bwrap = findExecutable('bwrap');
  const found = findExecutable('prlimit');
  // it must also exist inside the sandbox, where only the system directories are bound
  const prlimit = found && SYSTEM_DIRS.some((dir) => found.startsWith(`${dir}/`)) ? found : null;
  const runAs = process.getuid?.() === 0 ? NOBODY : null;
  const candidates = options.python ? [options.python] : [...new Set([findExecutable('python3'), '/usr/bin/python3'].filter((c): c is string => !!c))];
  const modules = options.preferModules ?? [];
  if (!bwrap) {
    if (!options.unsafeLocalExec) throw new SandboxError(BWRAP_MISSING);
    const local = async function* (): AsyncGenerator<SandboxMode> {
      for (const candidate of candidates) {
        const info = probePython(candidate, null);
        if (info) yield { kind: 'unsafe-local', python: info.executable, prlimit };
      }
    };
    const mode = await preferred(local(), modules);
    if (mode) return mode;
    throw new SandboxError(`no working python3 found (tried ${candidates.join(', ')}). Install Python 3.`);
  }
  const failures: string[] = [];
  const hiddenPaths = (options.hidePaths ?? []).filter((path) => isAbsolute(path) && existsSync(path));
  const sandboxed = async function* (): AsyncGenerator<SandboxMode> {
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
        hiddenPaths,
        runAs,
        prlimit,
        tmpfsBytes: options.tmpfsBytes ?? 64 * 1024 ** 2,
      };
      let failure = await sandboxStarts(mode);
      if (failure === null) {
        yield mode;
        continue;
      }
      if (/--size/.test(failure)) {
        // bwrap older than 0.5 has no --size: run with an uncapped private tmpfs rather than not at all
        const older: SandboxMode = { ...mode, tmpfsBytes: 0 };
        failure = await sandboxStarts(older);
        if (failure === null) {
          yield older;
          continue;
        }
      }
      failures.push(`${info.executable}: bwrap failed (${failure})`);
    }
  };
  const mode = await preferred(sandboxed(), modules);
  if (mode) return mode;
  throw new SandboxError(
    `could not start a sandboxed python3: ${failures.join('; ')}. ` +
      'bwrap needs unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1) and a python3 outside /root.',
  );
}
