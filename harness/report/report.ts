// report.md, written beside scores.json: comparison, results, breakdowns, tokens and cost, errors, settings.
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComparisonRow } from '../compare/compare.ts';
import { comparisonTable } from '../compare/table.ts';
import type { RunSummary } from '../results/inputs.ts';
import { replicaSection, shardSection } from './scale.ts';
import { breakdownSection, errorSection, headlineSection, settingsSection, usageSection } from './sections.ts';

const SIMULATED_BANNER =
  '> **⚠ SIMULATED MODEL — NOT A REAL MODEL.** Every answer below came from the built-in simulated endpoint, ' +
  'which answers from the gold labels with a fixed probability. These numbers say nothing about any real model.';

function header(summary: RunSummary): string {
  const { model, harness } = summary;
  const title = model.simulated ? `# Parity report: ${model.name} (SIMULATED)` : `# Parity report: ${model.name}`;
  const lines = [
    title,
    '',
    ...(model.simulated ? [SIMULATED_BANNER, ''] : []),
    `- model: ${model.name} (\`${model.id}\`), endpoint model \`${model.endpoint_model}\` at \`${model.endpoint_host}\``,
    `- run: \`${summary.run_id}\` in \`${summary.run_dir}\``,
    `- harness: ${harness.name} ${harness.version}, git ${harness.git_revision ?? 'unknown'}; config hash \`${summary.config_hash}\``,
    `- samples: \`${summary.samples_file.path}\`, ${summary.samples_file.rows} rows, sha256 \`${summary.samples_file.sha256}\``,
    `- reference: ${summary.reference === null ? 'none' : `\`${summary.reference}\``}`,
    '- the same report with plots and a sample browser: `report.html` beside this file',
  ];
  return lines.join('\n');
}

function comparisonSection(summary: RunSummary, comparison: ComparisonRow[] | null): string {
  if (comparison === null) {
    const hint =
      summary.reference === null
        ? 'The config sets no `reference`; compare later with `npm run compare -- <run-dir> --reference <file>`.'
        : `Not compared; run \`npm run compare -- ${summary.run_dir}\`.`;
    return `## Comparison with published numbers\n\n${hint}`;
  }
  const legend =
    'consistent: the published value lies in the reproduced 95% CI or within the tolerance; ' +
    'not comparable: a protocol fact differs (never a score gap); unknown protocol facts are ones the source does not state.';
  return `## Comparison with published numbers\n\n${comparisonTable(comparison)}\n\n${legend}`;
}

export function renderReport(summary: RunSummary, comparison: ComparisonRow[] | null): string {
  const sections = [
    header(summary),
    comparisonSection(summary, comparison),
    headlineSection(summary),
    breakdownSection(summary),
    usageSection(summary),
    errorSection(summary),
    settingsSection(summary),
    shardSection(summary),
    replicaSection(summary),
  ].filter((section) => section !== null);
  const body = sections.join('\n\n');
  return `${summary.model.simulated ? `${body}\n\n${SIMULATED_BANNER}` : body}\n`;
}

export const REPORT_FILE = 'report.md';

/** Writes <runDir>/report.md atomically, beside scores.json. */
export async function writeReportFile(runDir: string, summary: RunSummary, comparison: ComparisonRow[] | null): Promise<string> {
  const path = join(runDir, REPORT_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, renderReport(summary, comparison), 'utf8');
  await rename(tmp, path);
  return path;
}
