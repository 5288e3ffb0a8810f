// npm run compare -- <run-dir>... [--reference <file>] [--json] [--tolerance X] [--accept-deviation PATTERN]...
// One table for every run given: models x benchmarks, each cell from the newest complete run.
// Exit 0: nothing diverges. 1: a cell's run diverges. 2: bad input.
import { buildComparison, compareRuns } from '../compare/multi.ts';
import { comparisonText } from '../compare/multi-table.ts';
import { parseArgs } from 'node:util';
import { ACCEPT_DEVIATION_USAGE } from '../compare/accept.ts';
import { readRuns, type RunInfo } from '../compare/runs.ts';
import { isEntryPoint, stdio, type Output } from '../results/cli-io.ts';
import { BENCHMARKS } from '../../suites/index.ts';
import { COMPARISON_OPTIONS, comparisonArgs } from './comparison-args.ts';

const USAGE = `usage: npm run compare -- <run-dir>... [--reference <file>] [--json] [--tolerance X] [--accept-deviation PATTERN]...
${ACCEPT_DEVIATION_USAGE}`;

export async function main(argv: readonly string[], io: Output = stdio): Promise<0 | 1 | 2> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { ...COMPARISON_OPTIONS, json: { type: 'boolean', default: false } } });
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
  const { tolerance, acceptDeviations } = args;
  try {
    const runs = await readRuns(args.runs, BENCHMARKS);
    const compared = await compareRuns(runs, {
      tolerance,
      catalogue: BENCHMARKS,
      acceptDeviations,
      ...(args.reference === undefined ? {} : { reference: args.reference }),
    });
    const output = buildComparison(compared, BENCHMARKS, tolerance, acceptDeviations);
    if (parsed.values.json) {
      io.out(JSON.stringify(output, null, 2));
      // the JSON carries them too; a person at the terminal should not have to look
      for (const warning of output.warnings) io.err(warning);
    } else {
      io.out(comparisonText(output));
      for (const run of runs) for (const warning of coverageWarnings(run)) io.out(warning);
    }
    return output.exit_code;
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return 2;
  }
}

/** Samples that never got an answer are kept out of every score; a reader of the verdicts must know. */
function coverageWarnings(run: RunInfo): string[] {
  return Object.entries(run.error_samples)
    .filter(([, n]) => n > 0)
    .map(([bench, n]) => `WARNING: ${bench} has ${n} error samples (no response) in ${run.run_id}: its scores cover only the samples that answered; resume the run before trusting a verdict.`);
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
