// Runs a CLI entry point in a child process, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type CliResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** `launcher` runs the entry as the npm scripts do (bundled by harness/cli/launch.mjs); `tsx` runs the sources. */
export type CliMode = 'tsx' | 'launcher';

export function startCli(
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
  mode: CliMode = 'tsx',
): { child: ChildProcess; done: Promise<CliResult> } {
  const runner = mode === 'tsx' ? ['--import', 'tsx', script] : ['harness/cli/launch.mjs', script];
  const child = spawn(process.execPath, [...runner, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

export function runCli(script: string, args: readonly string[], env: Record<string, string> = {}, mode: CliMode = 'tsx'): Promise<CliResult> {
  return startCli(script, args, env, mode).done;
}
