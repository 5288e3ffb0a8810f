// The sandbox's Python as graded programs see it: library versions, the preference for an interpreter
// that has the libraries, and a library hidden from the sandbox.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { bwrapArgv } from '../../../harness/sandbox/command.ts';
import { resolveSandboxMode } from '../../../harness/sandbox/detect.ts';
import { missingModules, probeEnvironment } from '../../../harness/sandbox/environment.ts';
import { startSandboxed } from '../../../harness/sandbox/execute.ts';
import { bwrapMode, SMALL_LIMITS } from './helpers.ts';

const SYSTEM_PYTHON = '/usr/bin/python3';
/** where Debian's python3-numpy lives (/usr/lib/python3/dist-packages) */
const numpyHome = dirname(dirname(execFileSync(SYSTEM_PYTHON, ['-c', 'import numpy; print(numpy.__file__)'], { encoding: 'utf8' }).trim()));

const savedPath = process.env['PATH'];
afterEach(() => {
  process.env['PATH'] = savedPath;
});
const scratch = mkdtempSync(join(tmpdir(), 'parity-env-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('sandbox environment', () => {
  it('prefers an interpreter that imports numpy, and reports its version from inside the sandbox', async () => {
    const mode = await resolveSandboxMode({ unsafeLocalExec: false, preferModules: ['numpy'] });
    const environment = await probeEnvironment(mode, ['numpy', 'surely_not_a_module_x']);
    expect(environment.version).toMatch(/^3\.\d+\.\d+$/);
    expect(environment.modules['numpy']).toMatch(/^\d+\.\d+/);
    expect(environment.modules['surely_not_a_module_x']).toBeNull();
    expect(missingModules(environment, ['numpy', 'surely_not_a_module_x'])).toEqual(['surely_not_a_module_x']);
    const run = await startSandboxed(mode, { files: {}, args: ['-c', 'import numpy as np\nprint(int(np.arange(5).sum()))'], stdin: '', limits: SMALL_LIMITS }).done;
    expect(run.stdout.trim()).toBe('10');
  });

  it('skips an interpreter without numpy when one with it exists (PATH python3 first otherwise)', async () => {
    const venv = join(scratch, 'venv');
    execFileSync(SYSTEM_PYTHON, ['-m', 'venv', '--without-pip', venv]);
    // no bwrap on this PATH: unsafe local mode, where an interpreter outside the system dirs can run
    process.env['PATH'] = join(venv, 'bin');
    const plain = await resolveSandboxMode({ unsafeLocalExec: true });
    expect(plain.python).toBe(join(venv, 'bin', 'python3'));
    const preferred = await resolveSandboxMode({ unsafeLocalExec: true, preferModules: ['numpy'] });
    expect(preferred.python).toBe(SYSTEM_PYTHON);
    // none has the module: the first working interpreter, so grading still runs
    const fallback = await resolveSandboxMode({ unsafeLocalExec: true, preferModules: ['surely_not_a_module_x'] });
    expect(fallback.python).toBe(join(venv, 'bin', 'python3'));
  });

  it('hides a directory behind an empty read-only tmpfs, so numpy is missing there and only there', async () => {
    const mode = await resolveSandboxMode({ unsafeLocalExec: false, preferModules: ['numpy'], hidePaths: [numpyHome, '/no/such/dir', 'relative'] });
    if (mode.kind !== 'bwrap') throw new Error('expected bwrap');
    expect(mode.hiddenPaths).toEqual([numpyHome]);
    expect(bwrapArgv(mode, [], SMALL_LIMITS, [])).toEqual(expect.arrayContaining(['--tmpfs', numpyHome, '--remount-ro', numpyHome]));
    const environment = await probeEnvironment(mode, ['numpy']);
    expect(environment.modules['numpy']).toBeNull();
    const write = await startSandboxed(mode, {
      files: {},
      args: ['-c', `open(${JSON.stringify(join(numpyHome, 'x.py'))}, "w")`],
      stdin: '',
      limits: SMALL_LIMITS,
    }).done;
    expect(write.exitCode).not.toBe(0);
    expect(write.stderr).toMatch(/Read-only file system/);
    const normal = await probeEnvironment(await bwrapMode(), ['numpy']);
    expect(normal.modules['numpy']).not.toBeNull();
  });

  it('rejects a module name that is not one', async () => {
    await expect(probeEnvironment(await bwrapMode(), ['numpy; import os'])).rejects.toThrow(/not a Python module name/);
  });
});
