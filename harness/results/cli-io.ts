// Small pieces the results commands (compare, references, export) share: output sinks and
// "was this file run as a script" so each command's main() can also be called from tests.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Output = { out: (text: string) => void; err: (text: string) => void };

export const stdio: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
