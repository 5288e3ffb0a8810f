// Hostile programs: each is contained, fails, leaves no file on the host and no process behind.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandboxed } from '../../../harness/sandbox/execute.ts';
import type { SandboxMode, SandboxResult } from '../../../harness/sandbox/types.ts';
import { bwrapMode, SMALL_LIMITS } from './helpers.ts';

/** Runs `source` under a unique file name so leftover processes can be found by it. */
async function runHostile(source: string, mode?: SandboxMode): Promise<{ result: SandboxResult; marker: string }> {
  const marker = `hostile_${randomBytes(6).toString('hex')}.py`;
  const result = await startSandboxed(mode ?? (await bwrapMode()), {
    files: { [marker]: source },
    args: [marker],
    stdin: '',
    limits: SMALL_LIMITS,
  }).done;
  return { result, marker };
}

function processesMatching(marker: string): string[] {
  const table = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return table.split('\n').filter((line) => line.includes(marker));
}

async function expectNoLeftovers(marker: string): Promise<void> {
  // the kernel tears the pid namespace down asynchronously; give it a moment
  for (let i = 0; i < 20 && processesMatching(marker).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(processesMatching(marker)).toEqual([]);
}

const hostDir = mkdtempSync(join(tmpdir(), 'parity-sandbox-host-'));
afterAll(() => rmSync(hostDir, { recursive: true, force: true }));

describe('sandbox containment', () => {
  it('blocks network sockets, even to a server on the host loopback', async () => {
    let connections = 0;
    const server = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const { result, marker } = await runHostile(
      [
        'import socket',
        `s = socket.create_connection(("127.0.0.1", ${port}), timeout=1)`,
        's.sendall(b"leak")',
        'print("connected")',
      ].join('\n'),
    );
    const external = await runHostile('import socket\nsocket.create_connection(("1.1.1.1", 80), timeout=1)\nprint("connected")');
    server.close();
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout).not.toContain('connected');
    expect(external.result.exitCode).not.toBe(0);
    expect(connections).toBe(0);
    await expectNoLeftovers(marker);
  });

  it('cannot write outside its private tmp', async () => {
    const target = join(hostDir, 'pwned.txt');
    const { result, marker } = await runHostile(
      [
        'import os',
        'ok = []',
        `for path in [${JSON.stringify(target)}, "/etc/pwned.txt", "/usr/pwned.txt", "/pwned.txt"]:`,
        '    try:',
        '        os.makedirs(os.path.dirname(path), exist_ok=True)',
        '        open(path, "w").write("x")',
        '        ok.append(path)',
        '    except OSError:',
        '        pass',
        'open("/tmp/box/inside.txt", "w").write("fine")',
        'print(ok)',
        'raise SystemExit(1 if ok else 0)',
      ].join('\n'),
    );
    expect(result.stderr).toBe('');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(hostDir)).toEqual([]);
    expect(existsSync('/etc/pwned.txt')).toBe(false);
    expect(existsSync('/pwned.txt')).toBe(false);
    expect(existsSync('/tmp/box/inside.txt')).toBe(false);
    await expectNoLeftovers(marker);
  });

  it("cannot read the parent's environment", async () => {
    const secret = `sk-fake-${randomBytes(12).toString('hex')}`;
    process.env['PARITY_FAKE_API_KEY'] = secret;
    try {
      const { result } = await runHostile(
        [
          'import os, glob',
          'found = [v for v in os.environ.values()]',
          'for path in glob.glob("/proc/*/environ"):',
          '    try: found.append(open(path, "rb").read().decode("latin-1"))',
          '    except OSError: pass',
          'print("\\n".join(found))',
        ].join('\n'),
      );
      expect(result.exitCode).toBe(0);
      expect(result.stdout).not.toContain(secret);
      expect(result.stdout).not.toContain('PARITY_FAKE_API_KEY');
    } finally {
      delete process.env['PARITY_FAKE_API_KEY'];
    }
  });

  it('contains a fork bomb and leaves no process behind', async () => {
    const { result, marker } = await runHostile(
      ['import posix, time', 'while True:', '    try:', '        posix.fork()', '    except OSError:', '        time.sleep(0.01)'].join('\n'),
    );
    expect(result.timedOut || result.signal !== null).toBe(true);
    await expectNoLeftovers(marker);
    expect(execFileSync('true', { encoding: 'utf8' })).toBe('');
  });

  it('stops unbounded allocation with the address-space limit', async () => {
    const { result, marker } = await runHostile('chunks = []\nwhile True:\n    chunks.append(bytearray(50 * 1024 * 1024))');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('MemoryError');
    expect(result.timedOut).toBe(false);
    await expectNoLeftovers(marker);
  });

  it('kills an infinite loop', async () => {
    const { result, marker } = await runHostile('while True:\n    pass');
    expect(result.exitCode).not.toBe(0);
    expect(result.timedOut || result.signal !== null).toBe(true);
    expect(result.wallMs).toBeLessThan(SMALL_LIMITS.wallMs + 2_000);
    await expectNoLeftovers(marker);
  });

  it('kills a program printing gigabytes once stdout passes the cap', async () => {
    const { result, marker } = await runHostile('import sys\nblock = "x" * 65536\nwhile True:\n    sys.stdout.write(block)');
    expect(result.outputLimitExceeded).toBe(true);
    expect(result.stdout.length).toBeLessThanOrEqual(SMALL_LIMITS.stdoutBytes);
    expect(result.timedOut).toBe(false);
    await expectNoLeftovers(marker);
  });

  it('contains a fork bomb with the Python launcher setting the limits (no prlimit)', async () => {
    const mode = await bwrapMode();
    if (mode.kind !== 'bwrap') throw new Error('expected bwrap mode');
    const { result, marker } = await runHostile(
      'import posix, resource\nprint(resource.getrlimit(resource.RLIMIT_NPROC), flush=True)\nwhile True:\n    try: posix.fork()\n    except OSError: pass',
      { ...mode, prlimit: null },
    );
    expect(result.stdout).toContain(`(${SMALL_LIMITS.processes}, ${SMALL_LIMITS.processes})`);
    expect(result.timedOut || result.signal !== null).toBe(true);
    await expectNoLeftovers(marker);
  });
});
