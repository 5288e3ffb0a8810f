import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lockRunDir } from '../../../harness/run/lock.ts';

const dir = (): string => mkdtempSync(join(tmpdir(), 'parity-lock-'));

describe('run directory lock', () => {
  it('refuses a second user while the first process lives', () => {
    const d = dir();
    // a live process other than this one
    writeFileSync(join(d, 'run.lock'), `${process.ppid}\n`);
    expect(() => lockRunDir(d)).toThrow(/the run is in use by process \d+/);
  });

  it('takes over a lock whose process is gone, and releases it', () => {
    const d = dir();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(d, 'run.lock'), `${gone}\n`);
    const lock = lockRunDir(d);
    expect(existsSync(join(d, 'run.lock'))).toBe(true);
    lock.release();
    expect(existsSync(join(d, 'run.lock'))).toBe(false);
  });
});
