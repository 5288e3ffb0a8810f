// A sandbox pool for grading, with the environment its Python offers programs, and the protocol facts
// that environment implies: interpreter and library versions, and a named deviation per missing library.
import type { JsonValue } from '../json.ts';
import {
  createSandboxPool,
  defaultPoolSize,
  missingModules,
  probeEnvironment,
  resolveSandboxMode,
  type PythonEnvironment,
  type SandboxPool,
} from '../sandbox/index.ts';

export type GradingSession = { pool: SandboxPool; environment: PythonEnvironment; close(): Promise<void> };

export type GradingSessionOptions = {
  unsafeLocalExec: boolean;
  /** libraries the upstream grading environment has; missing ones become deviations, never a refusal */
  modules: readonly string[];
  size?: number;
  /** see ModeOptions.hidePaths */
  hidePaths?: readonly string[];
};

export async function openGradingSession(options: GradingSessionOptions): Promise<GradingSession> {
  const mode = await resolveSandboxMode({
    unsafeLocalExec: options.unsafeLocalExec,
    preferModules: options.modules,
    ...(options.hidePaths ? { hidePaths: options.hidePaths } : {}),
  });
  const environment = await probeEnvironment(mode, options.modules);
  const missing = missingModules(environment, options.modules);
  if (missing.length > 0) {
    process.stderr.write(
      `warning: the sandbox's python (${environment.executable}) cannot import ${missing.join(', ')}; ` +
        `programs that use ${missing.length > 1 ? 'them' : 'it'} will fail where upstream passes them. ` +
        `Install ${missing.map((m) => `python3-${m}`).join(' ')} (Debian/Ubuntu apt-get). The run records this as a deviation.\n`,
    );
  }
  const pool = createSandboxPool(mode, options.size ?? defaultPoolSize());
  return { pool, environment, close: () => pool.close() };
}

/** `sandbox-missing-<module>` for each required module the environment lacks. */
export function environmentDeviations(environment: PythonEnvironment, required: readonly string[]): string[] {
  return missingModules(environment, required).map((name) => `sandbox-missing-${name}`);
}

/** The environment as protocol details: what moves a verdict when a program imports a library. */
export function environmentDetails(environment: PythonEnvironment): Record<string, JsonValue> {
  return {
    sandbox_python: environment.executable,
    sandbox_python_version: environment.version,
    sandbox_modules: Object.fromEntries(Object.entries(environment.modules).map(([name, version]) => [name, version ?? 'missing'])),
  };
}
