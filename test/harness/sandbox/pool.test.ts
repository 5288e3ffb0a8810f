// The pool and the executor's ordinary behaviour: stdin, files, exit codes, close, missing bwrap.
import { afterEach, describe, expect, it } from 'vitest';
import { resolveSandboxMode } from '../../../harness/sandbox/detect.ts';
import { createSandboxPool } from '../../../harness/sandbox/pool.ts';
import { startSandboxed } from '../../../harness/sandbox/execute.ts';
import { SandboxError } from '../../../harness/sandbox/types.ts';
import { bwrapMode, SMALL_LIMITS } from './helpers.ts';

const savedPath = process.env['PATH'];
afterEach(() => {
  process.env['PATH'] = savedPath;
});

describe('sandboxed execution', () => {
  it('runs a program from a file with stdin and an empty environment', async () => {
    const result = await startSandboxed(await bwrapMode(), {
      files: { 'main.py': 'import os, sys\ndata = sys.stdin.read()\nprint(data.upper(), end="")\nprint(sorted(os.environ), file=sys.stderr)\nraise SystemExit(3)' },
      args: ['main.py'],
      stdin: 'héllo\n',
      limits: SMALL_LIMITS,
    }).done;
    expect(result.stdout).toBe('HÉLLO\n');
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain("['HOME', 'LANG', 'PATH', 'PWD', 'PYTHONDONTWRITEBYTECODE', 'PYTHONIOENCODING']");
    expect(result.timedOut).toBe(false);
  });

  it('runs jobs in parallel up to the pool size and kills running jobs on close', async () => {
    const pool = createSandboxPool(await bwrapMode(), 2);
    const fast = await pool.run({ files: {}, args: ['-c', 'print(6 * 7)'], stdin: '', limits: SMALL_LIMITS });
    expect(fast.stdout.trim()).toBe('42');
    const slow = pool.run({ files: {}, args: ['-c', 'import time\ntime.sleep(30)'], stdin: '', limits: { ...SMALL_LIMITS, wallMs: 30_000 } });
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    await pool.close();
    const result = await slow;
    expect(result.signal).toBe('SIGKILL');
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(pool.run({ files: {}, args: ['-c', 'pass'], stdin: '', limits: SMALL_LIMITS })).rejects.toThrow(/closed/);
  });

  it('rejects file names that could escape the working directory', async () => {
    const job = () => startSandboxed({ kind: 'unsafe-local', python: '/usr/bin/python3', prlimit: null }, {
      files: { '../evil.py': 'x' },
      args: [],
      stdin: '',
      limits: SMALL_LIMITS,
    });
    expect(job).toThrow(/plain name/);
  });

  it('refuses without bwrap and says how to install it, unless unsafe local execution is chosen', async () => {
    process.env['PATH'] = '/nonexistent';
    await expect(resolveSandboxMode({ unsafeLocalExec: false })).rejects.toThrow(SandboxError);
    await expect(resolveSandboxMode({ unsafeLocalExec: false })).rejects.toThrow(/apt-get install bubblewrap/);
    const mode = await resolveSandboxMode({ unsafeLocalExec: true });
    expect(mode.kind).toBe('unsafe-local');
    const result = await startSandboxed(mode, { files: { 'a.py': 'print(input()[::-1])' }, args: ['a.py'], stdin: 'abc\n', limits: SMALL_LIMITS }).done;
    expect(result.stdout).toBe('cba\n');
  });
});

describe('exit status', () => {
  it('reports a program killed by a signal as that signal, not as exit 128 + N', async () => {
    const result = await startSandboxed(await bwrapMode(), { files: {}, args: ['-c', 'import signal, os\nos.kill(os.getpid(), signal.SIGTERM)'], stdin: '', limits: SMALL_LIMITS }).done;
    expect(result.exitCode).toBeNull();
    expect(result.signal).toBe('SIGTERM');
  });
});
