// Finds a Python interpreter that imports every module a worker needs. The distribution's interpreter comes
// first: a PATH python3 (pyenv, venv) often lacks the distribution's packages or carries other versions.
import { execFile } from 'node:child_process';
import { findExecutable } from '../sandbox/detect.ts';

export type PythonRequirement = { module: string; debianPackage: string };

export type PythonEnvironment = { executable: string; version: string; modules: Record<string, string> };

export const SYSTEM_PYTHON = '/usr/bin/python3';

export function defaultPythonCandidates(): string[] {
  const onPath = findExecutable('python3');
  return [...new Set([SYSTEM_PYTHON, ...(onPath ? [onPath] : [])])];
}

// Prints {"executable", "version", "modules": {name: version}, "missing": [name]} for the modules in argv.
const PROBE = `
import importlib, importlib.metadata, json, sys
def version_of(name, module):
    found = getattr(module, "__version__", None)
    if isinstance(found, str):
        return found
    for dist in importlib.metadata.packages_distributions().get(name, []):
        try:
            return importlib.metadata.version(dist)
        except Exception:
            pass
    return "unknown"
modules, missing = {}, []
for name in sys.argv[1:]:
    try:
        modules[name] = version_of(name, importlib.import_module(name))
    except Exception:
        missing.append(name)
print(json.dumps({"executable": sys.executable, "version": sys.version.split()[0], "modules": modules, "missing": missing}))
`;

type Probe = { ok: true; environment: PythonEnvironment } | { ok: false; missing: string[]; reason: string };

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

type Run = { stdout: string; stderr: string; error: Error | null };

// asynchronous: importing a large library takes seconds, which must not stall the event loop of a run
function run(candidate: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(candidate, args, { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => resolve({ stdout, stderr, error }));
  });
}

async function probe(candidate: string, requires: readonly PythonRequirement[]): Promise<Probe> {
  const names = requires.map((r) => r.module);
  // -I: ignore PYTHON* variables and the user's site-packages, so the packages found are the installed ones
  const done = await run(candidate, ['-I', '-B', '-c', PROBE, ...names]);
  if (done.error) return { ok: false, missing: names, reason: done.stderr.trim().split('\n').at(-1) || done.error.message };
  let parsed: unknown;
  try {
    parsed = JSON.parse(done.stdout);
  } catch {
    parsed = null;
  }
  if (typeof parsed !== 'object' || parsed === null) return { ok: false, missing: names, reason: 'the probe printed no JSON object' };
  const executable = 'executable' in parsed && typeof parsed.executable === 'string' ? parsed.executable : candidate;
  const version = 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : 'unknown';
  const modules = 'modules' in parsed && isStringRecord(parsed.modules) ? parsed.modules : {};
  const missing = names.filter((name) => !(name in modules));
  if (missing.length > 0) return { ok: false, missing, reason: `cannot import ${missing.join(', ')}` };
  return { ok: true, environment: { executable, version, modules } };
}

/** The first candidate that imports every required module; otherwise an error naming what is missing and the fix. */
export async function findPythonInterpreter(
  requires: readonly PythonRequirement[],
  candidates: readonly string[] = defaultPythonCandidates(),
): Promise<PythonEnvironment> {
  const failures: string[] = [];
  const missingEverywhere = new Set<string>();
  for (const candidate of candidates) {
    const found = await probe(candidate, requires);
    if (found.ok) return found.environment;
    failures.push(`${candidate}: ${found.reason}`);
    for (const name of found.missing) missingEverywhere.add(name);
  }
  const packages = requires.filter((r) => missingEverywhere.has(r.module)).map((r) => r.debianPackage);
  const fix = packages.length > 0 ? `apt-get install ${[...new Set(packages)].join(' ')}` : `apt-get install python3`;
  throw new Error(
    `no Python interpreter can import the required modules (${requires.map((r) => r.module).join(', ') || 'none'}); ` +
      `tried ${failures.join('; ') || 'no candidates'}. Fix: \`${fix}\` (Debian/Ubuntu), which installs them for ${SYSTEM_PYTHON}.`,
  );
}
