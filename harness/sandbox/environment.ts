// What the sandbox's Python offers graded programs: the interpreter's version and the version of each
// library a grader's upstream environment has. Probed inside the sandbox, so it is what programs see.
import { z } from 'zod';
import { startSandboxed } from './execute.ts';
import { DEFAULT_LIMITS, SandboxError, type SandboxMode } from './types.ts';

export type PythonEnvironment = {
  executable: string;
  /** platform.python_version(), e.g. "3.11.2" */
  version: string;
  /** module name -> its __version__ ("unknown" when it has none), or null when it does not import */
  modules: Record<string, string | null>;
};

const PROBE = [
  'import importlib, json, platform, sys',
  'found = {}',
  'for name in sys.argv[1:]:',
  '    try:',
  '        module = importlib.import_module(name)',
  '        namespace_only = getattr(module, "__file__", None) is None and hasattr(module, "__path__")',
  '        found[name] = None if namespace_only else str(getattr(module, "__version__", "unknown"))',
  '    except Exception:',
  '        found[name] = None',
  'print(json.dumps({"version": platform.python_version(), "modules": found}))',
].join('\n');

// A bare directory of the module's name imports as a namespace package (Debian ships such a stub
// under python3.X/dist-packages/numpy); that is not the library, so it counts as missing.

const probeSchema = z.object({ version: z.string(), modules: z.record(z.string(), z.string().nullable()) });

const MODULE_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** Imports each module in a sandboxed run of the mode's interpreter (site packages on, as for programs). */
export async function probeEnvironment(mode: SandboxMode, modules: readonly string[]): Promise<PythonEnvironment> {
  for (const name of modules) if (!MODULE_NAME.test(name)) throw new SandboxError(`"${name}" is not a Python module name`);
  const run = await startSandboxed(mode, {
    files: {},
    args: ['-c', PROBE, ...modules],
    stdin: '',
    limits: { ...DEFAULT_LIMITS, wallMs: 60_000, cpuSeconds: 60 },
  }).done;
  const lastLine = run.stdout.trim().split('\n').pop() ?? '';
  let parsed: z.infer<typeof probeSchema> | null = null;
  try {
    const result = probeSchema.safeParse(JSON.parse(lastLine));
    if (result.success) parsed = result.data;
  } catch {
    // reported below
  }
  if (run.exitCode !== 0 || parsed === null) {
    throw new SandboxError(`could not probe the sandbox's python (${mode.python}): ${run.stderr.trim().slice(-300) || `exit ${run.exitCode ?? run.signal}`}`);
  }
  const found: Record<string, string | null> = {};
  for (const name of modules) found[name] = parsed.modules[name] ?? null;
  return { executable: mode.python, version: parsed.version, modules: found };
}

/** The modules of `required` that the environment lacks, in the order given. */
export function missingModules(environment: PythonEnvironment, required: readonly string[]): string[] {
  return required.filter((name) => (environment.modules[name] ?? null) === null);
}
