// The project root, found from this file: the nearest folder above it whose package.json is Parity's.
// Works both from the sources and from a bundle under .build/, so data files are always read from the tree.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function isParityRoot(dir: string): boolean {
  const pkg = join(dir, 'package.json');
  if (!existsSync(pkg)) return false;
  const parsed: unknown = JSON.parse(readFileSync(pkg, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'name' in parsed && parsed.name === 'parity';
}

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (isParityRoot(dir)) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find Parity's package.json above ${start}`);
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
