// npm run references [-- --dir <dir>]: every published record in results/reference/ as one table,
// model × benchmark. A blank cell was not published.
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { projectPath } from '../paths.ts';
import { parseArgs } from 'node:util';
import { formatNumber, markdownTable } from '../compare/table.ts';
import type { AggregateRecord } from '../results/aggregate-schema.ts';
import type { BenchmarkCatalogue } from '../results/benchmarks.ts';
import { isEntryPoint, stdio, type Output } from '../results/cli-io.ts';
import { readAggregateFile } from '../results/files.ts';
import { BENCHMARKS } from '../../suites/index.ts';

export const REFERENCE_DIR = projectPath('results', 'reference');

type Line = { model: string; source: string; cells: Map<string, string[]> };

/** Column key of a result: the benchmark's canonical title, plus its slice when it has one. */
function columnOf(evaluationName: string, catalogue: BenchmarkCatalogue): string {
  const bench = catalogue.of(evaluationName);
  const title = bench === null ? null : catalogue.entry(bench.suite)?.title;
  if (bench === null || title === undefined || title === null) return evaluationName;
  return bench.slice === null ? title : `${title}/${bench.slice}`;
}

export function referencesTable(files: { name: string; records: AggregateRecord[] }[], catalogue: BenchmarkCatalogue): string {
  const lines: Line[] = [];
  const columns: string[] = catalogue.ids.map((id) => catalogue.entry(id)?.title ?? id);
  for (const file of files) {
    for (const record of file.records) {
      const cells = new Map<string, string[]>();
      for (const result of record.evaluation_results) {
        const column = columnOf(result.evaluation_name, catalogue);
        if (!columns.includes(column)) columns.push(column);
        const value = formatNumber(result.score_details.score, result.metric_config.metric_unit ?? '');
        cells.set(column, [...(cells.get(column) ?? []), value]);
      }
      const mode = record.model_info.additional_details.mode;
      lines.push({ model: mode === undefined ? record.model_info.name : `${record.model_info.name} (${mode})`, source: file.name, cells });
    }
  }
  const used = columns.filter((c) => lines.some((l) => l.cells.has(c)));
  return markdownTable(
    ['model', 'source', ...used],
    lines.map((l) => [l.model, l.source, ...used.map((c) => (l.cells.get(c) ?? []).join(' / '))]),
  );
}

/** One line per file: its source and the distinct URLs its numbers cite. */
export function sourcesList(files: { name: string; records: AggregateRecord[] }[]): string[] {
  return files.map((file) => {
    const names = new Set(file.records.map((r) => r.source_metadata.source_name ?? r.source_metadata.source_organization_name));
    const urls = new Set(
      file.records.flatMap((r) => r.evaluation_results.map((e) => e.score_details.details?.source_url ?? '')).filter((u) => u !== ''),
    );
    return `- ${file.name}: ${[...names].join('; ')} (${[...urls].join(', ') || 'no URL'})`;
  });
}

export async function main(argv: readonly string[], io: Output = stdio): Promise<0 | 2> {
  try {
    const { values } = parseArgs({ args: [...argv], options: { dir: { type: 'string' } } });
    const dir = values.dir ?? REFERENCE_DIR;
    const names = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
    if (names.length === 0) {
      io.err(`${dir}: no reference files (*.json)`);
      return 2;
    }
    const files = [];
    for (const name of names) files.push({ name: basename(name, '.json'), records: await readAggregateFile(join(dir, name)) });
    io.out(referencesTable(files, BENCHMARKS));
    io.out('\nValues as published (percent). A blank cell was not published; notes are in each record.');
    io.out(`\nSources:\n${sourcesList(files).join('\n')}`);
    return 0;
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return 2;
  }
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
