// The engine names no benchmark: every suite id, title and table alias lives in suites/<id>/, so a
// new benchmark touches only its folder and one line of suites/index.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SUITES } from '../../suites/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HARNESS = join(ROOT, 'harness');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name as a whole word, case-insensitive: "LCB" must not match inside an unrelated identifier. */
function namePattern(name: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])${escape(name)}(?![A-Za-z0-9])`, 'i');
}

export function benchmarkNames(): { suite: string; name: string }[] {
  return [...SUITES.values()].flatMap((s) =>
    [s.id, s.title, s.catalogue.title, ...s.catalogue.aliases].map((name) => ({ suite: s.id, name })),
  );
}

export function namesIn(text: string): string[] {
  return benchmarkNames()
    .filter(({ name }) => namePattern(name).test(text))
    .map(({ name }) => name);
}

describe('architecture', () => {
  it('finds a benchmark name written anywhere in a text, and only as a whole word', () => {
    const [first] = [...SUITES.values()];
    if (first === undefined) throw new Error('the registry is empty');
    expect(namesIn(`see ${first.id}/README.md`)).toContain(first.id);
    expect(namesIn(`x${first.id}x`)).not.toContain(first.id);
  });

  it('no file under harness/ contains a suite id, title or table alias', () => {
    const hits = filesUnder(HARNESS).flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      return namesIn(text).map((name) => `${relative(ROOT, path)}: "${name}"`);
    });
    expect(hits).toEqual([]);
  });
});
