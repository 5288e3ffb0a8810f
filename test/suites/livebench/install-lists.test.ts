// Every place that installs the system packages (CI, the two workflows, the image) installs the Debian
// modules LiveBench's Python scorers import, and bubblewrap for the coding tasks' sandbox: a list that
// misses one fails only when that scorer first runs, hours into a real run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLEREFORMAT_REQUIREMENTS } from '../../../suites/livebench/data-analysis/tablereformat.ts';
import { AMPS_REQUIREMENTS } from '../../../suites/livebench/scorers/math.ts';

const ROOT = join(import.meta.dirname, '../../..');
const INSTALLERS = ['.ci/run', '.github/workflows/reproduce.yml', '.github/workflows/reproduce-full.yml', 'deploy/Dockerfile'];
const NEEDED = ['bubblewrap', ...[...AMPS_REQUIREMENTS, ...TABLEREFORMAT_REQUIREMENTS].map((r) => r.debianPackage)];

/** Words of every apt-get install command in the file (continuation lines joined; bash arrays expanded). */
function installed(text: string): Set<string> {
  const joined = text.replace(/\\\n/g, ' ');
  const words = new Set<string>();
  for (const line of joined.split('\n')) {
    if (/apt-get install/.test(line)) for (const w of line.split(/\s+/)) words.add(w);
    // .ci/run keeps its list in a bash array: packages=(...)
    const array = /^\s*packages=\(([^)]*)\)/.exec(line);
    if (array?.[1] !== undefined) for (const w of array[1].split(/\s+/)) words.add(w);
  }
  return words;
}

describe('install lists', () => {
  it.each(INSTALLERS)('%s installs every Debian package the scorers and the sandbox need', (file) => {
    const words = installed(readFileSync(join(ROOT, file), 'utf8'));
    expect(NEEDED.filter((p) => !words.has(p))).toEqual([]);
  });
});
