// npm run report -- <run-dir>... --out <dir> [--reference <file>] [--tolerance X] [--accept-deviation PATTERN]...
// The HTML report of these runs: index.html (models x benchmarks, forest plots) and one page per run.
// Exit 0: written. 2: bad input.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ACCEPT_DEVIATION_USAGE } from '../compare/accept.ts';
import { writeSite } from '../report/html/write.ts';
import { BENCHMARKS } from '../../suites/index.ts';
import { isEntryPoint, stdio, type Output } from '../results/cli-io.ts';
import { ResultsFileError } from '../results/files.ts';
import { COMPARISON_OPTIONS, comparisonArgs } from './comparison-args.ts';

const USAGE = `usage: npm run report -- <run-dir>... --out <dir> [--reference <file>] [--tolerance X] [--accept-deviation PATTERN]...
${ACCEPT_DEVIATION_USAGE}`;

export async function main(argv: readonly string[], io: Output = stdio): Promise<0 | 2 | 4> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { ...COMPARISON_OPTIONS, out: { type: 'string' } } });
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  const args = comparisonArgs(parsed.values, parsed.positionals);
  if ('error' in args) {
    io.err(`${args.error}\n${USAGE}`);
    return 2;
  }
  const { out } = parsed.values;
  if (typeof out !== 'string') {
    io.err(`expected --out <dir>\n${USAGE}`);
    return 2;
  }
  try {
    const site = await writeSite(args.runs, resolve(out), {
      tolerance: args.tolerance,
      catalogue: BENCHMARKS,
      acceptDeviations: args.acceptDeviations,
      ...(args.reference === undefined ? {} : { reference: args.reference }),
    });
    io.out(`report: ${site.index}`);
    for (const page of site.pages) io.out(`  ${page}`);
    for (const warning of site.warnings) io.err(warning);
    return 0;
  } catch (err) {
    if (err instanceof ResultsFileError) {
      io.err(err.message);
      return 2;
    }
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    if (code === 'EACCES' || code === 'ENOTDIR' || code === 'EEXIST' || code === 'EROFS') {
      io.err(`${out}: cannot write the report there (${code}); pass --out a writable directory`);
      return 2;
    }
    io.err(`internal error (exit 4): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 4;
  }
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
