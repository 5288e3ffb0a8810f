import { existsSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { projectPath } from '../../../harness/paths.ts';
import { findPythonInterpreter } from '../../../harness/python/interpreter.ts';
import { startPythonWorkers, type PythonWorkerPool } from '../../../harness/python/worker-pool.ts';

const CALLS = projectPath('test', 'fixtures', 'python', 'calls.py');
const REQUIRES = [{ module: 'json', debianPackage: 'python3' }] as const;

let pool: PythonWorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

async function start(size: number): Promise<PythonWorkerPool> {
  pool = await startPythonWorkers({ module: CALLS, size, requires: REQUIRES });
  return pool;
}

describe('startPythonWorkers', () => {
  it('calls top-level functions with JSON arguments and returns JSON values', async () => {
    const p = await start(1);
    expect(await p.call('add', [2, 3], { timeoutMs: 5000 })).toEqual({ ok: true, value: 5 });
    expect(await p.call('echo', [{ a: [1, 'é', null, true] }], { timeoutMs: 5000 })).toEqual({ ok: true, value: { a: [1, 'é', null, true] } });
    expect(await p.call('twice', [21], { timeoutMs: 5000 })).toEqual({ ok: true, value: 42 });
  });

  it('writes no bytecode cache into the module folder', async () => {
    const cache = projectPath('test', 'fixtures', 'python', '__pycache__');
    rmSync(cache, { recursive: true, force: true });
    const p = await start(1);
    expect(await p.call('twice', [1], { timeoutMs: 5000 })).toEqual({ ok: true, value: 2 });
    expect(existsSync(cache)).toBe(false);
  });

  it('reports the interpreter and module versions', async () => {
    const p = await start(1);
    expect(p.environment.executable).toMatch(/python/);
    expect(p.environment.version).toMatch(/^3\.\d+\.\d+/);
    expect(Object.keys(p.environment.modules)).toEqual(['json']);
  });

  it('reports a Python exception as a result', async () => {
    const p = await start(1);
    const result = await p.call('fail', ['bad input'], { timeoutMs: 5000 });
    expect(result).toEqual({ ok: false, kind: 'exception', message: 'ValueError: bad input' });
    expect(await p.call('add', [1, 1], { timeoutMs: 5000 })).toEqual({ ok: true, value: 2 });
  });

  it('refuses private names, non-functions and unknown names as exceptions', async () => {
    const p = await start(1);
    for (const fn of ['_private', 'CONSTANT', 'nope', 'os']) {
      const result = await p.call(fn, [], { timeoutMs: 5000 });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.kind).toBe('exception');
    }
  });

  it('reports values that are not JSON (NaN, sets) as exceptions', async () => {
    const p = await start(1);
    for (const fn of ['not_a_number', 'not_json']) {
      const result = await p.call(fn, [], { timeoutMs: 5000 });
      expect(result.ok === false && result.kind).toBe('exception');
    }
  });

  it('keeps the module prints out of the protocol', async () => {
    const p = await start(1);
    expect(await p.call('chatty', ['x'], { timeoutMs: 5000 })).toEqual({ ok: true, value: 'x' });
  });

  it('kills a call past its timeout and replaces the worker', async () => {
    const p = await start(1);
    const before = await p.call('pid', [], { timeoutMs: 5000 });
    const slow = await p.call('sleep_then', [30, 'late'], { timeoutMs: 300 });
    expect(slow.ok === false && slow.kind).toBe('timeout');
    const after = await p.call('pid', [], { timeoutMs: 5000 });
    expect(after.ok && before.ok && after.value !== before.value).toBe(true);
    expect(await p.call('add', [1, 2], { timeoutMs: 5000 })).toEqual({ ok: true, value: 3 });
  });

  it('reports a crash with its stderr and keeps serving', async () => {
    const p = await start(1);
    const crashed = await p.call('die', [3], { timeoutMs: 5000 });
    expect(crashed.ok).toBe(false);
    if (!crashed.ok) {
      expect(crashed.kind).toBe('crashed');
      expect(crashed.message).toContain('code 3');
      expect(crashed.message).toContain('dying now');
    }
    expect(await p.call('add', [2, 2], { timeoutMs: 5000 })).toEqual({ ok: true, value: 4 });
  });

  it('spreads calls over the workers, one call at a time per worker', async () => {
    const p = await start(2);
    const results = await Promise.all([0, 1, 2, 3].map(() => p.call('pid_after', [0.3], { timeoutMs: 5000 })));
    const pids = results.map((r) => (r.ok ? r.value : null));
    expect(pids).not.toContain(null);
    expect(new Set(pids).size).toBe(2);
  });

  it('a timeout in one worker does not disturb a call running in another', async () => {
    const p = await start(2);
    const [slow, fine] = await Promise.all([
      p.call('sleep_then', [30, 'late'], { timeoutMs: 200 }),
      p.call('sleep_then', [0.5, 'ok'], { timeoutMs: 5000 }),
    ]);
    expect(slow.ok === false && slow.kind).toBe('timeout');
    expect(fine).toEqual({ ok: true, value: 'ok' });
  });

  it('rejects with the abort reason, for a running call and for a queued one', async () => {
    const p = await start(1);
    const controller = new AbortController();
    const running = p.call('sleep_then', [30, 'x'], { timeoutMs: 60_000, signal: controller.signal });
    const queued = p.call('add', [1, 1], { timeoutMs: 60_000, signal: controller.signal });
    controller.abort(new Error('stopped'));
    await expect(running).rejects.toThrow('stopped');
    await expect(queued).rejects.toThrow('stopped');
    expect(await p.call('add', [1, 1], { timeoutMs: 5000 })).toEqual({ ok: true, value: 2 });
  });

  it('adds one abort listener per signal however many calls wait on it', async () => {
    const p = await start(1);
    const controller = new AbortController();
    let added = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = (...args: Parameters<AbortSignal['addEventListener']>) => {
      added += 1;
      add(...args);
    };
    const calls = Array.from({ length: 20 }, (_, i) => p.call('add', [i, 1], { timeoutMs: 5000, signal: controller.signal }));
    const results = await Promise.all(calls);
    expect(results.every((r) => r.ok)).toBe(true);
    // one for the queue, and one per call while it runs on the single worker
    expect(added).toBeLessThanOrEqual(1 + 20);
    expect(added).toBeGreaterThan(0);
  });

  it('close() ends running calls as crashed, kills the workers and refuses new calls', async () => {
    const p = await start(1);
    const pidResult = await p.call('pid', [], { timeoutMs: 5000 });
    const running = p.call('sleep_then', [30, 'x'], { timeoutMs: 60_000 });
    const queued = p.call('add', [1, 1], { timeoutMs: 60_000 });
    await p.close();
    expect((await running).ok === false).toBe(true);
    expect(await queued).toEqual({ ok: false, kind: 'crashed', message: 'the Python worker pool was closed before the call ran' });
    await expect(p.call('add', [1, 1], { timeoutMs: 5000 })).rejects.toThrow('closed');
    const pid = pidResult.ok && typeof pidResult.value === 'number' ? pidResult.value : null;
    expect(pid).not.toBeNull();
    if (pid !== null) expect(() => process.kill(pid, 0)).toThrow();
  });

  it('fails to start with the module import error', async () => {
    await expect(
      startPythonWorkers({ module: projectPath('test', 'fixtures', 'python', 'broken.py'), size: 2, requires: REQUIRES }),
    ).rejects.toThrow(/could not load its module[\s\S]*module_that_does_not_exist/);
  });

  it('rejects a pool size that is not a positive integer', async () => {
    await expect(startPythonWorkers({ module: CALLS, size: 0, requires: REQUIRES })).rejects.toThrow('positive integer');
  });
});

describe('findPythonInterpreter', () => {
  it('names the missing modules and the Debian packages that fix it', async () => {
    const requires = [
      { module: 'json', debianPackage: 'python3' },
      { module: 'no_such_module_for_parity', debianPackage: 'python3-no-such-module' },
    ];
    await expect(findPythonInterpreter(requires)).rejects.toThrow(/no_such_module_for_parity[\s\S]*apt-get install python3-no-such-module`/);
  });

  it('skips a candidate that lacks a module and takes the next one', async () => {
    const found = await findPythonInterpreter([{ module: 'json', debianPackage: 'python3' }], ['/nonexistent/python3', '/usr/bin/python3']);
    expect(found.executable).toBe('/usr/bin/python3');
  });

  it('prefers the distribution interpreter, which has the distribution packages', async () => {
    const found = await findPythonInterpreter([{ module: 'sympy', debianPackage: 'python3-sympy' }]);
    expect(found.executable).toBe('/usr/bin/python3');
    expect(found.modules['sympy']).toMatch(/^\d+\.\d+/);
  });
});
