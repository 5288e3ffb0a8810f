// After a run: scores.json (validated), report.md, the comparison with the reference, and a table on stdout.
import { unmatchedPatternWarnings } from '../compare/accept.ts';
import { compareExitCode, type ComparisonRow } from '../compare/compare.ts';
import { compareRun, DEFAULT_TOLERANCE } from '../compare/run-compare.ts';
import { comparisonTable } from '../compare/table.ts';
import { writeRunReportHtml } from '../report/html/write.ts';
import { writeReportFile } from '../report/report.ts';
import { aggregateRecord } from '../results/aggregate.ts';
import { writeScoresFile } from '../results/files.ts';
import type { BenchmarkCatalogue } from '../results/benchmarks.ts';
import type { RunSummary } from '../results/inputs.ts';
import { describeDesign } from '../stats/subset.ts';

export type FinalizeOptions = {
  check: boolean;
  tolerance: number | null;
  /** --accept-deviation patterns: run deviations they match do not make a row not comparable */
  acceptDeviations?: readonly string[];
  stdout: { write(text: string): unknown };
  /** the command that finishes this run, printed when samples are left */
  resumeCommand: string;
  /** the names each benchmark goes by, for joining reference cells */
  catalogue: BenchmarkCatalogue;
};

export type FinalizeResult = { errors: number; comparison: ComparisonRow[] | null; exitCode: number };

export function scoreTable(summary: RunSummary): string {
  const lines: string[] = [];
  if (summary.model.simulated) lines.push('SIMULATED MODEL: these numbers come from the offline simulator, not from a real model.');
  for (const suite of summary.suites) {
    lines.push(`${suite.title} (${suite.suite}): ${suite.items} items x ${suite.samples_per_item} samples, ${suite.scored_samples} scored, ${suite.error_samples} errors`);
    if (suite.sampled !== null) lines.push(`  ${describeDesign(suite.sampled)}: metrics estimate the full-set value; intervals include the finite-population correction`);
    if (!suite.metrics.some((m) => m.headline) && suite.notes.length === 0) lines.push('  no headline metric: nothing in this suite could be scored (see the counts below and report.md)');
    for (const note of suite.notes) lines.push(`  note: ${note}`);
    for (const m of suite.metrics) {
      const ci = m.uncertainty?.confidence_interval;
      const se = m.uncertainty?.standard_error;
      const unit = m.unit === 'percent' ? '' : ` ${m.unit}`;
      const band = ci ? `  95% CI [${ci.lower.toFixed(1)}, ${ci.upper.toFixed(1)}]` : '';
      const seText = se ? `  SE ${se.value.toFixed(2)}` : '';
      lines.push(`  ${m.headline ? '*' : ' '} ${m.metric_name.padEnd(44)} ${m.value.toFixed(1).padStart(6)}${unit}${seText}${band}`);
    }
    if (suite.truncated.by_length > 0) lines.push(`  ${suite.truncated.by_length} samples cut off by max_tokens (${suite.truncated.in_thinking} while still thinking): raise max_tokens if this is a large share`);
    if (suite.truncated.content_filter > 0) lines.push(`  ${suite.truncated.content_filter} samples stopped by the provider's content filter (scored as given)`);
    if (suite.scoring_errors.count > 0) lines.push(`  ${suite.scoring_errors.count} samples scored as a failure because the scorer failed, e.g. ${suite.scoring_errors.example ?? '?'}`);
    const kinds = Object.entries(suite.errors_by_kind);
    if (kinds.length > 0) lines.push(`  errors by kind: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}`);
    for (const [kind, message] of Object.entries(suite.error_examples)) lines.push(`    ${kind}, e.g.: ${message}`);
  }
  return lines.join('\n');
}

export async function finalizeRun(summary: RunSummary, opts: FinalizeOptions): Promise<FinalizeResult> {
  const record = aggregateRecord(summary);
  await writeScoresFile(summary.run_dir, record);
  const acceptDeviations = opts.acceptDeviations ?? [];
  let comparison: ComparisonRow[] | null = null;
  let warnings: string[] = [];
  if (summary.reference !== null) {
    const compared = await compareRun(summary.run_dir, { reference: summary.reference, tolerance: opts.tolerance ?? DEFAULT_TOLERANCE, catalogue: opts.catalogue, acceptDeviations });
    comparison = compared.rows;
    warnings = unmatchedPatternWarnings(acceptDeviations, compared.deviations);
  }
  await writeReportFile(summary.run_dir, summary, comparison);
  const html = await writeRunReportHtml(summary.run_dir, {
    tolerance: opts.tolerance ?? DEFAULT_TOLERANCE,
    catalogue: opts.catalogue,
    acceptDeviations,
    ...(summary.reference === null ? {} : { reference: summary.reference }),
  });
  const errors = summary.suites.reduce((n, s) => n + s.error_samples, 0);
  opts.stdout.write(`\n${scoreTable(summary)}\n`);
  if (comparison && comparison.length > 0) opts.stdout.write(`\n${comparisonTable(comparison)}\n`);
  for (const warning of warnings) opts.stdout.write(`\n${warning}\n`);
  opts.stdout.write(`\nrun directory: ${summary.run_dir}\nreport: ${html}\n`);
  let exitCode = 0;
  if (opts.check && comparison && compareExitCode(comparison) === 1) exitCode = 1;
  if (errors > 0) {
    opts.stdout.write(`\n${errors} samples have no score (errors). Fix the cause shown above if it is not transient, then finish them with:\n  ${opts.resumeCommand}\n`);
    exitCode = 3;
  }
  return { errors, comparison, exitCode };
}
