// eval --check --accept-deviation: the comparison after a run sets aside the accepted deviations, and says so
// on stdout, in report.md and in report.html; the exit code follows the verdict it then gets.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageDataSchema } from '../../../harness/report/html/page-data.ts';
import { finalizeRun } from '../../../harness/run/finalize.ts';
import { BENCHMARKS } from '../../../suites/index.ts';
import { referenceRecord } from '../../fixtures/results/reference-builder.ts';
import { aimeSuite, MODEL, runSummary } from '../../fixtures/results/run-summary.ts';

const DEVIATIONS = ['AMPS_Hard: amps-hard-sympy-debian', 'tablereformat: tablereformat-60s-limit'];

async function finished(published: number, acceptDeviations?: string[]) {
  const runDir = await mkdtemp(join(tmpdir(), 'parity-finalize-'));
  const reference = join(runDir, '..', `${runDir.split('/').pop() ?? ''}-ref.json`);
  await writeFile(reference, JSON.stringify([referenceRecord(MODEL.name, [{ benchmark: 'AIME25', score: published, metric_id: 'avg_at_k' }])]));
  await writeFile(join(runDir, 'samples.jsonl'), '');
  const aime = { ...aimeSuite(), error_samples: 0, errors_by_kind: {} };
  aime.protocol.deviations = [...DEVIATIONS];
  const summary = runSummary({ run_dir: runDir, reference, suites: [aime], samples_file: { path: join(runDir, 'samples.jsonl'), sha256: 'a'.repeat(64), rows: 0 } });
  const chunks: string[] = [];
  const result = await finalizeRun(summary, {
    check: true,
    tolerance: null,
    ...(acceptDeviations === undefined ? {} : { acceptDeviations }),
    stdout: { write: (c: string) => chunks.push(c) },
    resumeCommand: 'resume',
    catalogue: BENCHMARKS,
  });
  const html = await readFile(join(runDir, 'report.html'), 'utf8');
  const data = /<script type="application\/json" id="parity-data">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null';
  return { result, stdout: chunks.join(''), reportMd: await readFile(join(runDir, 'report.md'), 'utf8'), page: pageDataSchema.parse(JSON.parse(data)) };
}

describe('eval --check with --accept-deviation', () => {
  it('without it a run with deviations is not comparable, and --check passes on no verdict', async () => {
    const { result, stdout } = await finished(95);
    expect(result.exitCode).toBe(0);
    expect(result.comparison?.find((r) => r.headline)).toMatchObject({ verdict: 'not comparable', accepted_deviations: [] });
    expect(stdout).not.toContain('†');
  });

  it('with patterns for every deviation the row gets its verdict, and stdout, report.md and report.html list them', async () => {
    const { result, stdout, reportMd, page } = await finished(95, ['AMPS_Hard: *', '*60s*']);
    expect(result.exitCode).toBe(1);
    expect(result.comparison?.find((r) => r.headline)).toMatchObject({ verdict: 'diverges', accepted_deviations: DEVIATIONS });
    for (const text of [stdout, reportMd]) {
      expect(text).toMatch(/\| diverges \(6\.5 SE apart\) †1 \|/);
      expect(text).toContain(`†1 deviations accepted with --accept-deviation (the user's judgement that they do not move the score; the official protocol was not followed): ${DEVIATIONS.join(', ')}.`);
    }
    expect(page.comparison.accepted_deviation_patterns).toEqual(['AMPS_Hard: *', '*60s*']);
    expect(page.comparison.cells[0]).toMatchObject({ verdict: 'diverges', row: { accepted_deviations: DEVIATIONS } });
  });

  it('a pattern that matches no deviation of the run is a warning on stdout and in report.html', async () => {
    const { stdout, page, result } = await finished(95, ['AMPS-Hard*']);
    const warning = `WARNING: --accept-deviation 'AMPS-Hard*' matches no deviation of the runs compared (a typo?). They record: ${DEVIATIONS.join(', ')}.`;
    expect(stdout).toContain(warning);
    expect(page.comparison.warnings).toEqual([warning]);
    expect(result.exitCode).toBe(0);
  });
});
