// One process per run directory: a second `--resume` of a run that is still going would append to the same
// journal and generate its samples twice. A lock left by a killed process is taken over.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunDirError } from './run-dir.ts';

/** A zombie (killed, not yet reaped) holds its pid but will never write again. */
function zombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !zombie(pid);
  } catch (err) {
    // EPERM: the process exists but belongs to someone else
    return err instanceof Error && 'code' in err && err.code === 'EPERM';
  }
}

/** The live process holding the run's lock, or null when no process is using the run. */
export function lockHolder(runDir: string): number | null {
  let holder: number;
  try {
    holder = Number.parseInt(readFileSync(join(runDir, 'run.lock'), 'utf8'), 10);
  } catch {
    return null;
  }
  return Number.isInteger(holder) && holder !== process.pid && alive(holder) ? holder : null;
}

export function lockRunDir(runDir: string): { release(): void } {
  const path = join(runDir, 'run.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return { release: () => rmSync(path, { force: true }) };
    } catch (err) {
      if (!(err instanceof Error && 'code' in err && err.code === 'EEXIST')) throw err;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        throw new RunDirError(`${runDir}: the run is in use by process ${holder} (run.lock). Wait for it to finish or stop it; if no run is using this directory, delete ${path}.`);
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new RunDirError(`${runDir}: could not take run.lock. Remove it if no run is using this directory.`);
}
