// npm run compare -- <run-dir> [--reference <file>] [--json] [--tolerance X]
// Exit 0: nothing diverges. 1: something diverges. 2: bad input.
import { parseArgs } from 'node:util';
import { compareExitCode } from '../compare/compare.ts';
import type { AggregateRecord } from '../results/aggregate-schema.ts';
import { compareRun, DEFAULT_TOLERANCE } from '../compare/run-compare.ts';
import { comparisonTable } from '../compare/table.ts';
import { isEntryPoint, stdio, type Output } from '../results/cli-io.ts';
import { BENCHMARKS } from '../../suites/index.ts';

const USAGE = 'usage: npm run compare -- <run-dir> [--reference <file>] [--json] [--tolerance X]';

export async function main(argv: readonly string[], io: Output = stdio): Promise<0 | 1 | 2> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        reference: { type: 'string' },
        json: { type: 'boolean', default: false },
        tolerance: { type: 'string' },
      },
    });
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const [runDir, ...extra] = parsed.positionals;
  if (runDir === undefined || extra.length > 0) {
    io.err(`expected exactly one run directory\n${USAGE}`);
    return 2;
  }
  const tolerance = parsed.values.tolerance === undefined ? DEFAULT_TOLERANCE : Number(parsed.values.tolerance);
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    io.err(`--tolerance must be a non-negative number of points, got "${parsed.values.tolerance ?? ''}"`);
    return 2;
  }
  try {
    const { rows, referencePath, run } = await compareRun(runDir, {
      tolerance,
      catalogue: BENCHMARKS,
      ...(parsed.values.reference === undefined ? {} : { reference: parsed.values.reference }),
    });
    const code = compareExitCode(rows);
    if (parsed.values.json) {
      io.out(JSON.stringify({ reference: referencePath, tolerance, exit_code: code, rows }, null, 2));
    } else {
      io.out(`Reference: ${referencePath} (tolerance ${tolerance} points)\n`);
      io.out(comparisonTable(rows));
      const count = (v: string) => rows.filter((r) => r.verdict === v).length;
      io.out(
        `\n${count('consistent')} consistent, ${count('diverges')} diverging, ${count('not comparable')} not comparable, ${count('no reference')} without a published number.`,
      );
      for (const warning of coverageWarnings(run)) io.out(warning);
    }
    return code;
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return 2;
  }
}

/** Samples that never got an answer are kept out of every score; a reader of the verdicts must know. */
function coverageWarnings(run: AggregateRecord): string[] {
  const seen = new Map<string, number>();
  for (const result of run.evaluation_results) {
    const details = result.generation_config?.additional_details ?? {};
    const errors = Number(details['error_samples'] ?? '0');
    const suite = result.evaluation_name.split('/')[0] ?? result.evaluation_name;
    if (errors > 0) seen.set(suite, errors);
  }
  return [...seen].map(([suite, n]) => `WARNING: ${suite} has ${n} error samples (no response): its scores cover only the samples that answered; resume the run before trusting a verdict.`);
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
